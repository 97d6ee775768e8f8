package desktop

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
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
	p.show(d, fyne.NewSize(900, 600))
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
	p.show(d, fyne.NewSize(800, 560))
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

func (p filePick) show(d *dialog.FileDialog, size fyne.Size) {
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
}
