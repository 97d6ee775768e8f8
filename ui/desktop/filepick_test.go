package desktop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// shownTexts lists the words shown under o: labels, buttons, checks, entries' hints.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	walkShown(o, func(c fyne.CanvasObject) {
		switch w := c.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Check:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.PlaceHolder)
		case *widget.Select:
			out = append(out, w.PlaceHolder)
		}
	})
	return out
}

// TestFileDialogSpeaksChinese protects the Chinese file dialogs (issue 12, item 8):
// Fyne 2.7 names its places ("Home", "Computer", "Documents" …) in English and titles a
// save dialog "保存 文件"; in the Chinese UI every word the open and the save dialog
// show is Chinese, and the places list keeps working when it is scrolled (its items
// are named again as they are reused).
func TestFileDialogSpeaksChinese(t *testing.T) {
	d := newTestDeps(t)
	d.Win.Resize(fyne.NewSize(1024, 768))
	english := []string{"Home", "Computer", "App Files", "Desktop", "Documents", "Downloads", "Music", "Pictures",
		"Videos", "Open", "Save", "Cancel", "File", "Folder", "Show Hidden Files", "(Select one)", "Enter filename"}
	for name, show := range map[string]func(){
		"open": func() { pickOpen(d.Win, filePick{exts: listFiles}, func(string) {}, nil) },
		"save": func() { pickSave(d.Win, filePick{name: "纪要.pdf"}, func(string) {}, nil) },
	} {
		show()
		top := d.Win.Canvas().Overlays().Top()
		texts := shownTexts(top)
		joined := strings.Join(texts, "|")
		if !strings.Contains(joined, zh("desktop.file.place.home")) || !strings.Contains(joined, zh("desktop.file.place.computer")) {
			t.Errorf("%s dialog: the places are not named in Chinese: %q", name, texts)
		}
		for _, s := range texts {
			for _, e := range english {
				if strings.EqualFold(strings.TrimSpace(s), e) {
					t.Errorf("%s dialog shows %q in the Chinese UI", name, s)
				}
			}
			if strings.Contains(s, "保存 文件") || strings.Contains(s, "打开 文件") {
				t.Errorf("%s dialog: mixed title %q", name, s)
			}
		}
		d.Win.Canvas().Overlays().Remove(top)
	}
}
