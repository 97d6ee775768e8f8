package desktop

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// filePick describes a file dialog: the extensions it shows (nil: every file), the
// folder it starts in ("" or a missing folder: Fyne's default) and, for saving, the
// file name it suggests.
type filePick struct {
	exts  []string
	start string
	name  string
}

// pickOpen asks for a file to read and hands its path to chosen. A dialog error goes
// to failed (nil: ignored); cancelling does nothing.
func pickOpen(w fyne.Window, p filePick, chosen func(path string), failed func(error)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r == nil {
			p.fail(err, failed)
			return
		}
		p.choose(r, chosen)
	}, w)
	d.SetTitleText(lang.L("desktop.file.open_title")) // Fyne's would read "Open File", or 打开 文件
	p.show(w, d, fyne.NewSize(900, 600))
}

// pickSave asks where to write a file and hands that path to chosen; the caller
// writes it (atomically), so the dialog's own empty file is closed at once.
func pickSave(w fyne.Window, p filePick, chosen func(path string), failed func(error)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if wc == nil {
			p.fail(err, failed)
			return
		}
		p.choose(wc, chosen)
	}, w)
	if p.name != "" {
		d.SetFileName(p.name)
	}
	d.SetTitleText(lang.L("desktop.file.save_title")) // Fyne's would read "Save File", or 保存 文件
	p.show(w, d, fyne.NewSize(800, 560))
}

func (p filePick) choose(f interface {
	URI() fyne.URI
	Close() error
}, chosen func(string)) {
	path := f.URI().Path()
	_ = f.Close()
	chosen(path)
}

func (p filePick) fail(err error, failed func(error)) {
	if err != nil && failed != nil {
		failed(err)
	}
}

func (p filePick) show(w fyne.Window, d *dialog.FileDialog, size fyne.Size) {
	if len(p.exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(p.exts))
	}
	if fi, err := os.Stat(p.start); p.start != "" && err == nil && fi.IsDir() {
		if l, err := storage.ListerForURI(storage.NewFileURI(p.start)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(size)
	d.Show()
	localizePlaces(w)
}

// placeKeys are the translation keys of the places Fyne 2.7's file dialog lists down
// its side. Fyne sets those names without lang.L, so they read "Home", "Computer",
// "Documents" … in every language.
var placeKeys = map[string]string{
	"Home": "desktop.file.place.home", "Computer": "desktop.file.place.computer",
	"App Files": "desktop.file.place.app_files", "Desktop": "desktop.file.place.desktop",
	"Documents": "desktop.file.place.documents", "Downloads": "desktop.file.place.downloads",
	"Music": "desktop.file.place.music", "Pictures": "desktop.file.place.pictures",
	"Videos": "desktop.file.place.videos", "Movies": "desktop.file.place.videos",
}

// localizePlaces finds the list of places in the file dialog just shown on w (the
// leading side of its split, in Fyne 2.7) and has each name shown through lang.L. A
// Fyne whose dialog is built otherwise is left as it is; TestFileDialogSpeaksChinese
// notices.
func localizePlaces(w fyne.Window) {
	pop, ok := w.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	l := placesList(pop.Content)
	if l == nil {
		return
	}
	update := l.UpdateItem
	l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		if c, ok := item.(*fyne.Container); ok {
			for _, o := range c.Objects {
				if lb, ok := o.(*widget.Label); ok && placeKeys[lb.Text] != "" {
					lb.SetText(lang.L(placeKeys[lb.Text]))
				}
			}
		}
	}
	l.Refresh()
}

// placesList is the first list leading a split under o, or nil.
func placesList(o fyne.CanvasObject) *widget.List {
	switch c := o.(type) {
	case *container.Split:
		if l, ok := c.Leading.(*widget.List); ok {
			return l
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			if l := placesList(child); l != nil {
				return l
			}
		}
	}
	return nil
}
