package desktop

import (
	"reflect"
	"unsafe"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Fyne (2.7) can size and centre a window but neither maximise it, move it, nor say
// where it is, and a fixed 1200×800 window centred on a 1366×768 or 1024×768 screen
// opened with its title bar and buttons above the screen. So the main window's place
// is set and read through GLFW, the library Fyne draws with, on the window Fyne made.

// nativeWindow is the GLFW window behind w, or nil when w is not a GLFW window (the
// test driver) or Fyne changed its insides. Call it on the UI thread after w.Show.
func nativeWindow(w fyne.Window) *glfw.Window {
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("viewport")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*glfw.Window)(nil)) || !f.CanAddr() {
		return nil
	}
	return *(**glfw.Window)(unsafe.Pointer(f.UnsafeAddr()))
}

// workAreas are the screens' work areas, the primary first.
func workAreas() []rect {
	var out []rect
	add := func(m *glfw.Monitor) {
		x, y, w, h := m.GetWorkarea()
		if w > 0 && h > 0 {
			out = append(out, rect{X: x, Y: y, W: w, H: h})
		}
	}
	p := glfw.GetPrimaryMonitor()
	if p != nil {
		add(p)
	}
	for _, m := range glfw.GetMonitors() {
		if m != p {
			add(m)
		}
	}
	return out
}

// placeMainWindow puts the shown window w where placeWindow says, from the place saved
// in p. Without a GLFW window it only keeps w's size within def.
func placeMainWindow(w fyne.Window, p fyne.Preferences, def fyne.Size) {
	v := nativeWindow(w)
	if v == nil {
		return
	}
	saved, ok := savedPlacement(p)
	pl := placeWindow(saved, ok, workAreas(), def)
	left, top, right, bottom := v.GetFrameSize()
	o := pl.Outer
	v.SetSize(max(o.W-left-right, 1), max(o.H-top-bottom, 1))
	v.SetPos(o.X+left, o.Y+top)
	if pl.Maximise {
		v.Maximize()
	}
}

// saveMainWindow remembers where w is. A maximised window keeps the size it had
// before, so that un-maximising it next time gives back that size.
func saveMainWindow(w fyne.Window, p fyne.Preferences) {
	v := nativeWindow(w)
	if v == nil {
		return
	}
	maxed := v.GetAttrib(glfw.Maximized) == glfw.True
	if prev, ok := savedPlacement(p); ok && maxed {
		prev.Maximise = true
		savePlacement(p, prev)
		return
	}
	left, top, right, bottom := v.GetFrameSize()
	x, y := v.GetPos()
	cw, ch := v.GetSize()
	savePlacement(p, placement{Outer: rect{X: x - left, Y: y - top, W: cw + left + right, H: ch + top + bottom}, Maximise: maxed})
}
