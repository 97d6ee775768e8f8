package desktop

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/i18n"
)

// shownStrings calls add with every text the user sees under o as whole strings:
// labels, rich text, buttons, checks, radio and select options (all of them, as the
// open list shows them), placeholders shown in empty entries, table and list cells as
// they are drawn, form captions and dialog titles. A label is taken whole, not as its
// wrapped lines, so that a name from the database is found whole inside it.
func shownStrings(o fyne.CanvasObject, add func(string)) {
	if o == nil || !o.Visible() {
		return
	}
	switch w := o.(type) {
	case *widget.Label:
		add(w.Text)
		return
	case *widget.RichText:
		add(w.String())
		return
	case *canvas.Text:
		add(w.Text)
		return
	case *widget.Button:
		add(w.Text)
		return
	case *widget.Check:
		add(w.Text)
		return
	case *widget.Hyperlink:
		add(w.Text)
		return
	case *widget.Select:
		if w.Selected == "" {
			add(w.PlaceHolder)
		}
		for _, op := range w.Options {
			add(op)
		}
		add(w.Selected)
		return
	case *widget.RadioGroup:
		for _, op := range w.Options {
			add(op)
		}
		return
	}
	for _, child := range drawnChildren(o) {
		shownStrings(child, add)
	}
}

// dataColumns are the database's columns that hold what people typed or imported —
// names, villages, groups, purposes, places, notes — which the screens show as they
// were written, in whatever language. Codes stored in Chinese (出席, 符合, 属实,
// 百姓议事会, 老赖 …) are not among them: the screens must name those in their own
// language.
var dataColumns = map[string][]string{
	"villages":  {"name", "town", "notice_place", "object_place", "notice_contact", "forbidden_purposes"},
	"members":   {"name"},
	"blacklist": {"name", "source", "note", "removed_reason"},
	// a meeting's type is the minutes' title (公议授信评议会 unless the clerk writes another)
	"meetings":      {"type", "doc_number", "place", "chair", "clerk", "amends_why"},
	"attendance":    {"name"},
	"nominees":      {"name", "grp", "purpose", "proposed_reason", "reason"},
	"verifications": {"visitors", "notes"},
	"reviews":       {"reviewer", "opinion"},
	"publicities":   {"place", "object_place", "contact", "note", "objections"},
	// an event's detail is the record written at signing, in the record's language
	"credit_events":   {"name", "doc_number", "detail"},
	"credit_register": {"name", "grp", "doc_number", "bank_note", "revoked_doc"},
}

// userData is every string of the database's data columns (a JSON list's items one by
// one, an objection's text and settlement), longest first.
func userData(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	seen := map[string]bool{}
	var walkJSON func(v any)
	walkJSON = func(v any) {
		switch x := v.(type) {
		case string:
			seen[x] = true
		case []any:
			for _, e := range x {
				walkJSON(e)
			}
		case map[string]any:
			for _, e := range x {
				walkJSON(e)
			}
		}
	}
	for table, cols := range dataColumns {
		for _, col := range cols {
			rows, err := db.Query(fmt.Sprintf("SELECT DISTINCT %s FROM %s WHERE %s IS NOT NULL AND %s != ''", col, table, col, col))
			if err != nil {
				t.Fatalf("%s.%s: %v", table, col, err)
			}
			for rows.Next() {
				var s string
				if err := rows.Scan(&s); err != nil {
					t.Fatal(err)
				}
				var v any
				if (strings.HasPrefix(s, "[") || strings.HasPrefix(s, "{")) && json.Unmarshal([]byte(s), &v) == nil {
					walkJSON(v)
					continue
				}
				seen[s] = true
			}
			rows.Close()
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}

// withoutData is s with every piece of user data cut out.
func withoutData(s string, data []string) string {
	for _, d := range data {
		if d != "" && strings.Contains(s, d) {
			s = strings.ReplaceAll(s, d, " ")
		}
	}
	return s
}

// cjkText finds Chinese in a string: Han characters, and the CJK and full-width
// punctuation (，：（）〔〕) that has no place in an English sentence.
var cjkText = regexp.MustCompile(`[\p{Han}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]+`)

// latinWord finds an English word: two letters or more.
var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z']+`)

// latinAllowed are the Latin words a Chinese screen shows as they are: file formats,
// key names, the app's name and its files, certificate terms, the language named in
// itself.
var latinAllowed = []string{
	"PDF", "XLSX", "CSV", "ZIP", "PFX", "P12", "CER", "PEM", "SHA", "ID",
	"Enter", "Tab", "Esc", "Ctrl", "Shift", "PgUp", "PgDn", "PageUp", "PageDown", "Alt",
	"pingxin", "Pingxin", "English", "CA", "Excel",
}

// languageNames are the languages named in themselves, as the settings offer them, so
// that a reader finds their own whatever the screen's language.
var languageNames = []string{"中文", "English"}

// pathLike finds file paths and file names, which are the user's, not the screen's words.
// So are hexadecimal fingerprints.
var pathLike = regexp.MustCompile(`(?:[A-Za-z]:\\|/)\S*|\.(?:pdf|xlsx|csv|zip|pfx|p12|crt|cer|pem|db|json|p7s)\b|\b[0-9a-f]{16,}\b`)

// langSweep gathers what one language's screens show that belongs to the other.
type langSweep struct {
	t     *testing.T
	d     *Deps
	lang  i18n.Lang
	found map[string][]string // the offending text → the places it was seen
	extra []string            // data the test typed in itself
}

// look collects every text shown in the window and its open dialogs, and in the other
// windows given, at the place named where.
func (sw *langSweep) look(where string, more ...fyne.Window) {
	sw.t.Helper()
	data := append(userData(sw.t, sw.d.DBPath), sw.extra...)
	sort.Slice(data, func(i, j int) bool { return len(data[i]) > len(data[j]) })
	add := func(s string) {
		if bad := sw.wrong(s, data); bad != "" {
			key := fmt.Sprintf("%q in %q", bad, s)
			if !slices.Contains(sw.found[key], where) {
				sw.found[key] = append(sw.found[key], where)
			}
		}
	}
	for _, w := range append([]fyne.Window{sw.d.Win}, more...) {
		c := w.Canvas()
		shownStrings(c.Content(), add)
		for _, o := range c.Overlays().List() {
			shownStrings(o, add)
		}
		if w != sw.d.Win { // the main window's title is the test's own
			add(w.Title())
		}
	}
}

// wrong is the part of s that is in the other language, or "".
func (sw *langSweep) wrong(s string, data []string) string {
	if sw.lang == i18n.Zh {
		s = pathLike.ReplaceAllString(s, " ")
	}
	s = withoutData(s, append(data, languageNames...))
	if sw.lang == i18n.En {
		return strings.Join(cjkText.FindAllString(s, -1), " ")
	}
	var bad []string
	for _, w := range latinWord.FindAllString(s, -1) {
		if !slices.Contains(latinAllowed, w) {
			bad = append(bad, w)
		}
	}
	return strings.Join(bad, " ")
}

// report fails the test with everything found, one line each.
func (sw *langSweep) report() {
	sw.t.Helper()
	keys := make([]string, 0, len(sw.found))
	for k := range sw.found {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		sw.t.Errorf("%s UI shows %s (at %s)", sw.lang, k, strings.Join(sw.found[k], ", "))
	}
}

// TestNoOtherLanguageOnAnyScreen opens every screen and dialog of the desktop on the
// demo database, in English and in Chinese, and reads every text shown (issue 12,
// item 8): the English UI shows no Chinese and the Chinese UI no English words but for
// what people typed or imported (the database's data columns), file names, formats
// and key names.
func TestNoOtherLanguageOnAnyScreen(t *testing.T) {
	for _, lg := range []i18n.Lang{i18n.En, i18n.Zh} {
		t.Run(string(lg), func(t *testing.T) {
			d, s := openDemoMeeting(t)
			if err := useLanguage(lg); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { useLanguage(i18n.Zh) })
			d.Lang = lg
			d.Win.SetContent(NewMainContent(d))
			d.Win.Resize(fyne.NewSize(1366, 768))
			sw := &langSweep{t: t, d: d, lang: lg, found: map[string][]string{}}
			sweepScreens(t, sw, s.model.id)
			sw.report()
		})
	}
}

// sweepScreens walks the screens and dialogs, looking at each: the home screen, new
// village and meeting dialogs (with an error shown), the five tabs of the meeting with
// their dialogs (household form, import preview and result, delete questions, the
// passphrase dialogs, the projector), the signed meeting's 公示, 组织审定, bank package,
// co-signing and amendment, the amendment's own tabs, village settings with each tab
// and its dialogs, the credit register with its dialogs, the settings, and the screens
// shown when the database cannot be opened or is in use.
func sweepScreens(t *testing.T, sw *langSweep, meetingID int64) {
	d := sw.d
	nav := d.Nav.(*Navigator)
	closeDialogs := func() {
		for d.Win.Canvas().Overlays().Top() != nil {
			d.Win.Canvas().Overlays().Remove(d.Win.Canvas().Overlays().Top())
		}
	}
	sw.look("home")
	home := nav.Top().(*HomeScreen)
	home.onNewVillage()
	sw.look("new village")
	home.villageDlg.onSave() // nothing typed: says what is missing
	sw.look("new village, refused")
	closeDialogs()
	home.onNewMeeting()
	// the 文号 proposed is the document's, in its language, as stored once saved
	sw.extra = append(sw.extra, home.meetingDlg.doc.Text)
	sw.look("new meeting")
	home.meetingDlg.date.SetText("2026-13-45")
	home.meetingDlg.onSave()
	sw.look("new meeting, refused")
	closeDialogs()

	s := NewMeetingScreen(d, meetingID).(*MeetingScreen)
	d.Nav.Push(s)
	sweepMeeting(t, sw, s, closeDialogs)

	// the signed meeting's steps, and its amendment
	finishAll(t, s)
	s.tabs.SelectIndex(tabMinutes)
	mt := s.minutes
	signOn(t, mt, "村委会2026年口令")
	// the certificate names the village as it was written: its subject is data
	cert, err := newCertTab(d, s.model.v.ID).certificate()
	if err != nil {
		t.Fatal(err)
	}
	sw.extra = append(sw.extra, cert.Subject.CommonName, cert.Issuer.CommonName)
	sw.extra = append(sw.extra, cert.Subject.Organization...)
	sw.look("minutes, signed")
	test.Tap(mt.generate)
	waitBackground()
	sw.look("minutes, 公示 written")
	mt.onReview()
	sw.look("组织审定 dialog")
	mt.reviewDialog.date.SetText("2026-02-30")
	mt.reviewDialog.Submit()
	sw.look("组织审定 dialog, a date it cannot read")
	mt.reviewDialog.date.SetText(testDay.Format(dateLayout))
	mt.reviewDialog.Submit()
	sw.look("组织审定 dialog, no reviewer")
	mt.reviewDialog.by.SetText(s.model.m.Chair)
	mt.reviewDialog.Submit()
	sw.look("组织审定 recorded")
	closeDialogs()
	mt.onClosePublicity()
	sw.look("公示 result dialog")
	closeDialogs()
	mt.askExportPassphrase(filepath.Join(t.TempDir(), "bank.zip"))
	sw.look("bank package passphrase")
	mt.exportDialog.Submit() // empty: says so
	sw.look("bank package passphrase, empty")
	closeDialogs()
	mt.onCosign()
	sw.look("co-sign dialog")
	closeDialogs()
	mt.onAmend()
	sw.look("amendment dialog")
	closeDialogs()
	mt.amendWith("更正第3户额度")
	waitBackground()
	am := nav.Top().(*MeetingScreen)
	for i, name := range []string{"roll call", "list", "deliberation", "verification", "minutes"} {
		am.tabs.SelectIndex(i)
		sw.look("amendment " + name)
	}
	am.minutes.onSign()
	sw.look("amendment sign dialog")
	closeDialogs()

	// village settings
	nav.Home()
	home = nav.Top().(*HomeScreen)
	home.onVillageSettings()
	vs := nav.Top().(*VillageScreen)
	for i, name := range []string{"rules", "blacklist", "roster", "certificate"} {
		vs.tabs.SelectIndex(i)
		sw.look("village " + name)
	}
	vs.tabs.SelectIndex(0)
	vs.Rules.StandardCap.SetText("很多")
	sw.extra = append(sw.extra, "很多")
	vs.Rules.onSave()
	sw.look("village rules, refused")
	vs.Rules.Set(vs.village.Settings)
	vs.tabs.SelectIndex(1)
	vs.Blacklist.onAdd() // nothing typed
	sw.look("blacklist, refused")
	vs.Blacklist.onRemove(vs.Blacklist.Entries()[0])
	sw.look("blacklist removal dialog")
	closeDialogs()
	vs.tabs.SelectIndex(2)
	vs.Roster.onRemove(vs.Roster.Members()[0])
	sw.look("roster removal question")
	closeDialogs()
	vs.tabs.SelectIndex(3)
	vs.Cert.askPFX(filepath.Join(t.TempDir(), "village.pfx"))
	sw.look("certificate import dialog")
	closeDialogs()
	vs.onDelete()
	sw.look("village delete question")
	closeDialogs()

	// the credit register
	nav.Home()
	home = nav.Top().(*HomeScreen)
	home.onRegister()
	reg := nav.Top().(*RegisterScreen)
	sw.look("register")
	if len(reg.Shown()) > 0 {
		reg.Choose(reg.Shown()[0])
		sw.look("register, a household chosen")
	}
	reg.onTypeBank()
	sw.look("register, bank answer dialog")
	closeDialogs()
	reg.onRenew()
	sw.look("register, renew dialog")
	closeDialogs()

	// settings
	nav.onSettings()
	sw.look("settings")

	// the screens shown instead of the workspace
	fail := NewOpenFailure(d.Win, d.DBPath, app.Errorf(app.EINVALID, "data.damaged"), sw.lang)
	d.Win.SetContent(fail.Content())
	sw.look("database cannot be opened")
	busy := newInUse(d.Win, app.Errorf(app.ECONFLICT, "data.in_use", "Path", d.DBPath, "PID", 4242), sw.lang, func() error { return nil }, func() {})
	d.Win.SetContent(busy.Content())
	sw.look("database in use")
}

// sweepMeeting looks at the five tabs of the unsigned demo meeting and their dialogs.
func sweepMeeting(t *testing.T, sw *langSweep, s *MeetingScreen, closeDialogs func()) {
	s.tabs.SelectIndex(tabRoll)
	sw.look("roll call")
	s.roll.onDeleteMeeting()
	sw.look("meeting delete question")
	closeDialogs()

	s.tabs.SelectIndex(tabList)
	sw.look("list")
	l := s.list
	l.onAdd()
	sw.look("household form, new")
	l.form.onSave()
	sw.look("household form, refused")
	closeDialogs()
	l.selected = s.model.indexOfSeq(3)
	l.onEdit()
	sw.look("household form, edit")
	closeDialogs()
	l.onDelete()
	sw.look("household delete question")
	closeDialogs()
	// the file dialog lists the computer's folders and files by their own names
	for _, dir := range []string{os.Getenv("HOME"), "."} {
		if abs, err := filepath.Abs(dir); err == nil {
			sw.extra = append(sw.extra, strings.Split(abs, string(filepath.Separator))...)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			sw.extra = append(sw.extra, e.Name())
		}
	}
	l.onImport()
	sw.look("file open dialog")
	closeDialogs()
	for i := range l.status.Options {
		l.status.SetSelectedIndex(i)
		sw.look("list filtered")
	}
	l.status.SetSelectedIndex(0)
	rows := [][]string{
		{"张三", testID("19800101", 123), "第一村民小组", "湖羊养殖", "30万"},
		{"赵六", testID("19700707", 789), "第四村民小组", "生产周转", "若干"},
		{"钱七", testID("19750808", 246), "第五村民小组", "炒股", "10万"},
	}
	for _, r := range rows {
		sw.extra = append(sw.extra, r...)
	}
	sw.extra = append(sw.extra, "户主姓名", "身份证号码", "村民小组", "贷款用途", "申请额度", "名单.csv")
	l.previewFile(writeList(t, rows))
	waitBackground()
	sw.look("import preview")
	l.preview.onConfirm()
	waitBackground()
	sw.look("import result")
	closeDialogs()
	sw.look("list after an import")

	s.tabs.SelectIndex(tabDeliberate)
	dt := s.delib
	for _, seq := range []int{1, 3, 12, 13, 26} {
		dt.show(s.model.indexOfSeq(seq))
		sw.look(fmt.Sprintf("deliberation № %d", seq))
	}
	dt.show(s.model.indexOfSeq(13))
	dt.proposed.SetText("30.5")
	dt.vFor.SetText("9")
	dt.onEnter()
	sw.look("deliberation, refused entries")
	dt.onProjector()
	sw.look("deliberation with the projector", dt.proj.win)
	dt.proj.win.Close()
	dt.show(s.model.indexOfSeq(14))

	s.tabs.SelectIndex(tabVerify)
	v := s.verify
	for _, i := range []int{0, 1, 2} {
		v.list.Select(i)
		sw.look("verification")
	}
	v.notes.SetText("邻居说户主勤劳")
	sw.extra = append(sw.extra, "邻居说户主勤劳")
	v.list.Select(0)
	sw.look("verification, unsaved question")
	closeDialogs()
	v.ask = nil
	v.onRemove()
	sw.look("verification, delete question")
	closeDialogs()

	s.tabs.SelectIndex(tabMinutes)
	sw.look("minutes")
	s.minutes.onSign() // a refused entry is left in 会议表决: asks first
	sw.look("sign, unsaved question")
	closeDialogs()
	s.discardUnsaved()
	s.minutes.askPassphrase()
	sw.look("sign dialog, new key")
	s.minutes.signDialog.Submit()
	sw.look("sign dialog, empty")
	closeDialogs()
	s.minutes.onGenerate()
	waitBackground()
	sw.look("minutes written")
}
