package desktop

import (
	"fyne.io/fyne/v2"
)

// The preference keys of the main window's place: its outer rectangle in screen
// pixels (frame included) and whether it was maximised, written when the window closes.
const (
	prefWinX   = "win.x"
	prefWinY   = "win.y"
	prefWinW   = "win.w"
	prefWinH   = "win.h"
	prefWinMax = "win.max"
)

// rect is a rectangle on the screen, in screen pixels.
type rect struct{ X, Y, W, H int }

// contains reports whether the point (x, y) lies in r.
func (r rect) contains(x, y int) bool { return x >= r.X && y >= r.Y && x < r.X+r.W && y < r.Y+r.H }

// placement is where the main window goes and whether it is maximised.
type placement struct {
	Outer    rect
	Maximise bool
}

// placeWindow decides where the main window opens. areas are the screens' work areas
// (the screen less task bars), the primary first; def is the size wanted when nothing
// is saved. On first start (no saved place) the window is maximised, and sized to fit
// the primary screen for a desktop that cannot maximise. A saved place is used when its
// top stays on a screen that is still there (a projector or second screen may be gone),
// shrunk and moved to fit that screen; otherwise the window fits the primary screen,
// centred. The window never opens larger than the screen or with its title bar off it.
func placeWindow(saved placement, haveSaved bool, areas []rect, def fyne.Size) placement {
	if len(areas) == 0 {
		return placement{Outer: rect{W: int(def.Width), H: int(def.Height)}, Maximise: !haveSaved || saved.Maximise}
	}
	primary := areas[0]
	if !haveSaved {
		return placement{Outer: centred(primary, int(def.Width), int(def.Height)), Maximise: true}
	}
	o := saved.Outer
	for _, a := range areas {
		// the title bar's middle must be on the screen for the window to be reachable
		if a.contains(o.X+o.W/2, o.Y) {
			return placement{Outer: fitInside(a, o), Maximise: saved.Maximise}
		}
	}
	return placement{Outer: centred(primary, o.W, o.H), Maximise: saved.Maximise}
}

// centred is a w×h rectangle (shrunk to fit a) in the middle of a.
func centred(a rect, w, h int) rect {
	w, h = min(w, a.W), min(h, a.H)
	return rect{X: a.X + (a.W-w)/2, Y: a.Y + (a.H-h)/2, W: w, H: h}
}

// fitInside is r shrunk to fit a and moved the least needed to lie inside it.
func fitInside(a, r rect) rect {
	r.W, r.H = min(r.W, a.W), min(r.H, a.H)
	r.X = min(max(r.X, a.X), a.X+a.W-r.W)
	r.Y = min(max(r.Y, a.Y), a.Y+a.H-r.H)
	return r
}

// savedPlacement is the place the window was left in, if one was saved.
func savedPlacement(p fyne.Preferences) (placement, bool) {
	w, h := p.Int(prefWinW), p.Int(prefWinH)
	if w <= 0 || h <= 0 {
		return placement{}, false
	}
	return placement{Outer: rect{X: p.Int(prefWinX), Y: p.Int(prefWinY), W: w, H: h}, Maximise: p.Bool(prefWinMax)}, true
}

// savePlacement remembers where the window is, for the next start.
func savePlacement(p fyne.Preferences, pl placement) {
	if pl.Outer.W <= 0 || pl.Outer.H <= 0 {
		return
	}
	p.SetInt(prefWinX, pl.Outer.X)
	p.SetInt(prefWinY, pl.Outer.Y)
	p.SetInt(prefWinW, pl.Outer.W)
	p.SetInt(prefWinH, pl.Outer.H)
	p.SetBool(prefWinMax, pl.Maximise)
}
