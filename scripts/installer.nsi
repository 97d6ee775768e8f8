; The Windows installer of 评信 Pingxin, built by scripts/installer.sh with Debian's NSIS
; (makensis -INPUTCHARSET UTF8). It installs for the current user only, without
; administrator rights (an office PC is often locked down), into
; %LocalAppData%\Programs\评信, with a Start-menu entry and a desktop shortcut named 评信
; and an uninstaller listed in 应用和功能 (HKCU ...\Uninstall). The program's data —
; the database and its backups — lives in %AppData%\pingxin, never in the program
; folder: an upgrade (running a newer setup over an older one) replaces the program
; files only, and the uninstaller leaves the data unless asked (a checkbox, or /PURGE
; with /S) and says where it is.
;
; Defined by installer.sh: VERSION (0.1.0), VERSION4 (0.1.0.1), SRCDIR (pingxin.exe,
; README.txt, THIRD_PARTY_LICENSES.txt), ICON (pingxin.ico), OUTFILE; SIGNCMD when the build is
; signed, so the uninstaller written into the setup is signed as well.

; 64-bit like the program it installs (which needs 64-bit Windows 10 or newer); also
; what lets it run under Debian's 64-bit-only wine64 in CI.
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define APPKEY "cn.pingxin.app"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"
!define SETTINGSKEY "Software\Pingxin"
!define DATADIR "$APPDATA\pingxin"

Name "评信 Pingxin"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\评信"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "评信 Pingxin ${VERSION}"

!ifdef SIGNCMD
  !uninstfinalize '"${SIGNCMD}" "%1"'
!endif

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
; The language chosen at install time is remembered for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGSKEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES

Var DataNote ; the uninstaller's last words about the data: kept where, or removed

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\pingxin.exe"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UnDataWhere)"
!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "$(UnDataWhere)"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$DataNote"
!insertmacro MUI_UNPAGE_FINISH

; Chinese first: the default; English is offered in the language dialog.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString UnDataWhere ${LANG_SIMPCHINESE} "评信的数据（数据库和备份）保存在 ${DATADIR}，不在程序文件夹中。卸载程序默认保留这些数据；只有勾选“删除数据”才会删除。"
LangString UnDataWhere ${LANG_ENGLISH} "Pingxin's data (the database and its backups) is in ${DATADIR}, not in the program folder. The uninstaller keeps it unless you tick $\"Delete the data$\"."
LangString DataKept ${LANG_SIMPCHINESE} "程序已卸载。您的数据（数据库和备份）仍保存在 ${DATADIR}；重新安装评信后可继续使用。如不再需要，可手动删除该文件夹。"
LangString DataKept ${LANG_ENGLISH} "The program is uninstalled. Your data (the database and its backups) is still in ${DATADIR}; a new installation of Pingxin uses it again. Delete that folder yourself if you no longer need it."
LangString DataGone ${LANG_SIMPCHINESE} "程序和数据（${DATADIR}）均已删除。"
LangString DataGone ${LANG_ENGLISH} "The program and its data (${DATADIR}) have been removed."
LangString SecProgram ${LANG_SIMPCHINESE} "评信程序"
LangString SecProgram ${LANG_ENGLISH} "The Pingxin program"
LangString SecData ${LANG_SIMPCHINESE} "删除数据（数据库、备份和设置）"
LangString SecData ${LANG_ENGLISH} "Delete the data (database, backups and settings)"
LangString SecDataDesc ${LANG_SIMPCHINESE} "不可恢复：删除 ${DATADIR} 中的全部会议记录和备份。"
LangString SecDataDesc ${LANG_ENGLISH} "Cannot be undone: removes every meeting and backup in ${DATADIR}."

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "评信 Pingxin"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "评信 Pingxin 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "Pingxin"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "评信 Pingxin"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Pingxin setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "Pingxin"

Function .onInit
  SetShellVarContext current
  ; Chinese unless the user picks English (or picked it last time).
  StrCpy $LANGUAGE ${LANG_SIMPCHINESE}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "install" SecMain
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An upgrade overwrites these in place; the data folder is never touched.
  File "${SRCDIR}\pingxin.exe"
  File "${SRCDIR}\README.txt"
  File "${SRCDIR}\THIRD_PARTY_LICENSES.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\评信.lnk" "$INSTDIR\pingxin.exe" "" "$INSTDIR\pingxin.exe" 0
  CreateShortcut "$DESKTOP\评信.lnk" "$INSTDIR\pingxin.exe" "" "$INSTDIR\pingxin.exe" 0

  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "评信 Pingxin"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\pingxin.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Pingxin"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

Section "-un.$(SecProgram)" SecUnMain
  SetShellVarContext current
  ; Only what the installer put there: a folder the user chose may hold other files.
  Delete "$INSTDIR\pingxin.exe"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\THIRD_PARTY_LICENSES.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\评信.lnk"
  Delete "$DESKTOP\评信.lnk"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "${SETTINGSKEY}"
  StrCpy $DataNote "$(DataKept)"
SectionEnd

Section /o "un.$(SecData)" SecUnData
  SetShellVarContext current
  RMDir /r "${DATADIR}"
  ; Fyne keeps the app's preferences (language, theme) here.
  RMDir /r "$APPDATA\fyne\${APPKEY}"
  StrCpy $DataNote "$(DataGone)"
SectionEnd

Section "-un.note"
  DetailPrint "$DataNote"
SectionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
  ; `uninstall.exe /S /PURGE` removes the data too; a silent uninstall keeps it otherwise.
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/PURGE" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecUnData}
  ${EndIf}
FunctionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecUnData} "$(SecDataDesc)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
