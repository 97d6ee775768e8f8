//go:build linux

// Command keyprobe measures, in the real window under X (Xvfb in `make bench`), how
// long a keystroke takes to show: it types a key with xdotool into the focused window
// and polls the screen until the first pixel changes, then types BackSpace and waits
// for the screen to settle, round after round. Pixels that change on their own — the
// entry's blinking cursor — are watched for a second before each key and ignored. It prints the median and the slowest
// round in milliseconds, as `keystroke_ms median N max M rounds R`.
//
//	keyprobe -rounds 20 -key 7
//
// The time runs from the start of xdotool (a few milliseconds of its own start-up are
// included) to the first screen capture that differs; captures are whole-screen
// XGetImage calls, a few milliseconds apart, so figures are upper bounds at that
// resolution. scripts/keyprobe.sh starts Xvfb and the program around it.
package main

/*
#cgo LDFLAGS: -lX11
#include <stdlib.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

// grab copies the root window's pixels into buf (len bytes at most) and returns how
// many bytes it wrote, or -1.
static long grab(Display *d, char *buf, long len) {
	Window root = DefaultRootWindow(d);
	XWindowAttributes a;
	XGetWindowAttributes(d, root, &a);
	XImage *img = XGetImage(d, root, 0, 0, a.width, a.height, AllPlanes, ZPixmap);
	if (!img) return -1;
	long n = (long)img->bytes_per_line * img->height;
	if (n > len) n = len;
	for (long i = 0; i < n; i++) buf[i] = img->data[i];
	XDestroyImage(img);
	return n;
}
*/
import "C"

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"time"
	"unsafe"
)

func main() {
	rounds := flag.Int("rounds", 20, "keystrokes to time")
	key := flag.String("key", "7", "the key to type (xdotool's name)")
	timeout := flag.Duration("timeout", 5*time.Second, "how long to wait for a change")
	flag.Parse()
	d := C.XOpenDisplay(nil)
	if d == nil {
		fmt.Fprintln(os.Stderr, "keyprobe: cannot open the X display (DISPLAY)")
		os.Exit(2)
	}
	s := &screen{d: d, buf: make([]byte, 64<<20)}
	s.settle(time.Second, 30*time.Second)
	var times []time.Duration
	for range *rounds {
		before, noise := s.watch(1200 * time.Millisecond)
		t0 := time.Now()
		if err := exec.Command("xdotool", "key", *key).Run(); err != nil {
			fmt.Fprintln(os.Stderr, "keyprobe: xdotool:", err)
			os.Exit(2)
		}
		dt, ok := s.waitChange(before, noise, t0, *timeout)
		if !ok {
			fmt.Fprintf(os.Stderr, "keyprobe: nothing changed on the screen %v after the key\n", *timeout)
			os.Exit(1)
		}
		times = append(times, dt)
		_ = exec.Command("xdotool", "key", "BackSpace").Run()
		s.settle(300*time.Millisecond, 10*time.Second)
	}
	slices.Sort(times)
	ms := func(t time.Duration) float64 { return float64(t.Microseconds()) / 1000 }
	fmt.Printf("keystroke_ms median %.1f max %.1f rounds %d\n", ms(times[len(times)/2]), ms(times[len(times)-1]), len(times))
}

// screen captures the X root window.
type screen struct {
	d   *C.Display
	buf []byte
}

// grab returns a copy of the screen's pixels now.
func (s *screen) grab() []byte {
	n := C.grab(s.d, (*C.char)(unsafe.Pointer(&s.buf[0])), C.long(len(s.buf)))
	if n < 0 {
		fmt.Fprintln(os.Stderr, "keyprobe: XGetImage failed")
		os.Exit(2)
	}
	return bytes.Clone(s.buf[:n])
}

// watch captures the screen for d and returns the last capture with the bytes that
// changed meanwhile (a blinking cursor), which waitChange then ignores.
func (s *screen) watch(d time.Duration) ([]byte, []bool) {
	first := s.grab()
	noise := make([]bool, len(first))
	last := first
	for start := time.Now(); time.Since(start) < d; {
		time.Sleep(10 * time.Millisecond)
		last = s.grab()
		for i := range min(len(last), len(first)) {
			if last[i] != first[i] {
				noise[i] = true
			}
		}
	}
	return last, noise
}

// waitChange polls until a byte of the screen not in noise differs from before, and
// returns the time since t0.
func (s *screen) waitChange(before []byte, noise []bool, t0 time.Time, limit time.Duration) (time.Duration, bool) {
	for time.Since(t0) < limit {
		now := s.grab()
		for i := range min(len(now), len(before)) {
			if now[i] != before[i] && !noise[i] {
				return time.Since(t0), true
			}
		}
	}
	return 0, false
}

// settle waits until the screen has not changed for quiet (at most limit).
func (s *screen) settle(quiet, limit time.Duration) {
	start, last, since := time.Now(), s.grab(), time.Now()
	for time.Since(start) < limit && time.Since(since) < quiet {
		time.Sleep(20 * time.Millisecond)
		if now := s.grab(); !bytes.Equal(now, last) {
			last, since = now, time.Now()
		}
	}
}
