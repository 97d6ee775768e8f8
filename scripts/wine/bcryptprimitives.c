/* Only for running the Windows build under Wine 8 (Debian bookworm's wine64), never
 * shipped: Go 1.24+ programs need ProcessPrng from bcryptprimitives.dll, which every
 * Windows 10 and 11 has but Wine 8.0 does not (its runtime stops with "fatal error:
 * bcryptprimitives.dll not found" before main). scripts/wine-check.sh cross-compiles
 * this with MinGW-w64 into the throwaway prefix's system32. ProcessPrng fills the
 * buffer from the system's CSPRNG, as Windows' does: here through RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
	while (size > 0) {
		ULONG n = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
