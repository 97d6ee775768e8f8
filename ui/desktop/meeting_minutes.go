package desktop

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/i18n"
)

// minutesTab is 纪要与签署: the meeting's summary (totals, the households without a final
// result and why), the minutes and public notice generated off the UI thread with a
// progress bar, signing, the bank package, and, once signed, the amendment.
type minutesTab struct {
	mm *meetingModel

	quorum   *widget.Label
	totals   *widget.Label
	amends   *widget.Label
	changes  *widget.Label // an amendment's corrections, listed before it is signed
	open     []app.Unfinished
	openList *widget.List
	// onHousehold opens household i in 会议表决 (set by the meeting screen)
	onHousehold func(i int)
	openHead    *widget.Label
	signInfo    *widget.Label

	generate, openMinutes, openNotice, sign, cosign, export, amend *widget.Button
	review, closePub                                               *widget.Button // steps after signing
	// noticeFrom is the day the 公示 starts (docs/RULES.md §11.3), as `notice --from`:
	// the period recorded, or today, until the clerk types another day
	noticeFrom *widget.Entry
	fromRow    *fyne.Container
	progress   *widget.ProgressBar
	step       *widget.Label
	problem    *widget.Label
	files      *widget.Label

	root  fyne.CanvasObject
	dirty bool
	busy  bool

	// opener opens a file in the system's viewer; tests replace it.
	opener       func(path string) error
	signDialog   *passDialog
	exportDialog *passDialog // the passphrase dialog before the bank package is written
	exportPass   *widget.Entry
	signPass     *widget.Entry // the passphrase entries of the open sign dialog
	signAgain    *widget.Entry
	amended      int64 // the amendment created last, for tests

	reviewDialog    *reviewForm    // the open 组织审定 dialog
	publicityDialog *publicityForm // the open 公示结果 dialog

	cosignDialog           *passDialog // the open 记录人加签 dialog and its entries
	cosignName, cosignPass *widget.Entry
}

func newMinutesTab(mm *meetingModel) *minutesTab {
	t := &minutesTab{mm: mm}
	t.opener = t.openInSystem
	t.quorum = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
	t.totals = &widget.Label{Wrapping: fyne.TextWrapWord}
	t.amends = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	t.changes = &widget.Label{Wrapping: fyne.TextWrapWord}
	t.openHead = sectionTitle("")
	t.openList = widget.NewList(func() int { return len(t.open) },
		func() fyne.CanvasObject { return &widget.Label{Wrapping: fyne.TextWrapWord} }, t.updateOpen)
	t.openList.OnSelected = t.onOpenItem
	t.signInfo = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.SuccessImportance}
	t.generate = &widget.Button{Text: mtgL("meeting.minutes.generate"), Icon: theme.DocumentIcon(), Importance: widget.HighImportance, OnTapped: t.onGenerate}
	t.openMinutes = widget.NewButtonWithIcon(mtgL("meeting.minutes.open_minutes"), theme.FileIcon(), func() { t.onOpen(t.path(fileMinutes)) })
	t.openNotice = widget.NewButtonWithIcon(mtgL("meeting.minutes.open_notice"), theme.FileIcon(), func() { t.onOpen(t.path(fileNotice)) })
	t.sign = widget.NewButtonWithIcon(mtgL("meeting.minutes.sign"), theme.ConfirmIcon(), t.onSign)
	t.cosign = widget.NewButtonWithIcon(mtgL("meeting.minutes.cosign"), theme.AccountIcon(), t.onCosign)
	t.export = widget.NewButtonWithIcon(mtgL("meeting.minutes.export"), theme.DownloadIcon(), t.onExport)
	t.amend = widget.NewButtonWithIcon(mtgL("meeting.minutes.amend"), theme.DocumentCreateIcon(), t.onAmend)
	t.review = widget.NewButtonWithIcon(mtgL("meeting.review.button"), theme.ConfirmIcon(), t.onReview)
	t.closePub = widget.NewButtonWithIcon(mtgL("meeting.publicity.button"), theme.ListIcon(), t.onClosePublicity)
	t.noticeFrom = newEntry("")
	t.noticeFrom.SetPlaceHolder("2026-03-15")
	t.fromRow = container.NewBorder(nil, nil, widget.NewLabel(mtgL("meeting.minutes.notice_from")), nil, t.noticeFrom)
	t.progress = widget.NewProgressBar()
	t.progress.Hide()
	t.step = &widget.Label{Importance: widget.LowImportance}
	t.step.Hide()
	t.problem = newProblemLabel()
	t.files = &widget.Label{Wrapping: fyne.TextWrapBreak, Importance: widget.LowImportance}
	t.root = t.layout()
	mm.listen(t.onChanged)
	t.load()
	return t
}

func (t *minutesTab) content() fyne.CanvasObject { return t.root }

func (t *minutesTab) layout() fyne.CanvasObject {
	actions := container.NewVBox(container.NewHBox(t.generate, t.openMinutes, t.openNotice, t.sign),
		container.NewHBox(t.cosign, t.review, t.closePub, t.export, t.amend))
	top := container.NewVBox(
		sectionTitle(mtgL("meeting.minutes.summary")), t.amends, t.changes, t.quorum, t.totals,
		t.fromRow, actions, t.progress, t.step, t.problem, t.signInfo, t.files,
		t.openHead)
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, t.openList))
}

// load shows the summary as the model counts it.
func (t *minutesTab) load() {
	m, s := t.mm.m, t.mm.s
	q := t.mm.q
	key := "meeting.quorum.met"
	if !q.Met {
		key = "meeting.quorum.not_met"
	}
	t.quorum.SetText(mtgL(key, "Present", q.Present, "Expected", q.Expected, "Required", q.Required))
	tl := m.Tally(s)
	t.totals.SetText(mtgL("meeting.minutes.totals", "Nominated", tl.Nominated, "Passed", tl.Passed,
		"NotPassed", tl.NotPassed, "Deferred", tl.Deferred, "Blocked", tl.Blocked, "Pending", tl.Pending,
		"Yuan", amount.Yuan(tl.Total).String(), "Wan", amount.Yuan(tl.Total).Wan()))
	setProblem(t.amends, t.amendsText())
	t.showChanges()
	t.open = m.Signable(s)
	if m.Locked() {
		t.open = nil
	}
	t.openHead.SetText(mtgL("meeting.minutes.open", "Count", len(t.open)))
	if len(t.open) == 0 {
		t.openHead.SetText(mtgL("meeting.minutes.ready"))
		if m.Locked() {
			t.openHead.SetText("")
		}
	}
	t.openList.Refresh()
	t.showNoticeFrom()
	t.showSignRecord()
	t.showFiles()
	t.enableActions()
}

// showNoticeFrom shows the 公示's first day once the minutes are signed: the period
// already recorded, else today (what 生成纪要和公示 uses when the clerk changes nothing).
func (t *minutesTab) showNoticeFrom() {
	if !t.mm.locked() {
		t.fromRow.Hide()
		return
	}
	day := t.mm.d.Now()
	if p, err := t.mm.d.Store.Publicity(context.Background(), t.mm.id); err == nil && p != nil {
		day = p.Start
	}
	t.noticeFrom.SetText(day.Format("2006-01-02"))
	t.fromRow.Show()
}

// amendsText says which signed meeting this one corrects, and why.
func (t *minutesTab) amendsText() string {
	if t.mm.m.AmendsID == 0 {
		return ""
	}
	return mtgL("meeting.minutes.amends", "ID", t.mm.m.AmendsID, "Why", t.mm.m.AmendsWhy)
}

// showChanges lists, for an amendment, every correction it makes to the signed
// minutes — households withdrawn, added, and each changed field with its signed and its
// new value — as app.Changes computes them for its minutes, so the chair reads them
// before signing.
func (t *minutesTab) showChanges() {
	text := ""
	if t.mm.orig != nil {
		text = mtgL("meeting.minutes.changes_none")
	}
	if cs := t.mm.changes(); len(cs) > 0 {
		lines := make([]string, len(cs))
		for i, c := range cs {
			key := "meeting.minutes.change_line"
			if c.Field == "field.added" || c.Field == "field.removed" {
				key = "meeting.minutes.change_household"
			}
			lines[i] = mtgL(key, "Seq", c.Seq, "Name", c.Name, "Field", c.Label(t.mm.d.Lang), "Old", orDash(c.Old), "New", orDash(c.New))
		}
		text = mtgL("meeting.minutes.changes", "Count", len(cs)) + "\n" + strings.Join(i18n.Cap(lines, t.mm.d.Lang), "\n")
	}
	if text == t.changes.Text && t.changes.Visible() == (text != "") {
		return
	}
	t.changes.SetText(text)
	t.changes.Hidden = text == ""
	if t.root != nil {
		t.root.Refresh() // the summary above the list grows or shrinks with it: lay it out again
	}
}

// orDash is a value of a change, or a dash for one that was empty.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func (t *minutesTab) updateOpen(i widget.ListItemID, o fyne.CanvasObject) {
	u := t.open[i]
	text := whyText(u.Messages, t.mm.d.Lang)
	if u.Name != "" {
		text = mtgL("meeting.minutes.household", "Seq", u.Seq, "Name", u.Name, "Why", text)
	}
	o.(*widget.Label).SetText(text)
	t.openList.SetItemHeight(i, o.MinSize().Height)
}

// onOpenItem opens the household of an unfinished item in 会议表决, where it is
// finished; an item of the whole meeting (the quorum, the facts) has no household.
func (t *minutesTab) onOpenItem(i widget.ListItemID) {
	t.openList.UnselectAll()
	if i < 0 || i >= len(t.open) || t.open[i].Name == "" || t.onHousehold == nil {
		return
	}
	if k := t.mm.indexOfSeq(t.open[i].Seq); k >= 0 {
		t.onHousehold(k)
	}
}

// enableActions enables what the meeting's state allows.
func (t *minutesTab) enableActions() {
	locked, idle := t.mm.locked(), !t.busy
	enable(t.generate, idle)
	enable(t.openMinutes, idle && exists(t.path(fileMinutes)))
	enable(t.openNotice, idle && exists(t.path(fileNotice)))
	enable(t.sign, idle && !locked && len(t.open) == 0)
	enable(t.export, idle && locked)
	enable(t.amend, idle && locked)
	enable(t.cosign, idle && locked)
	enable(t.review, idle && locked)
	enable(t.closePub, idle && locked)
	enable(t.noticeFrom, idle && locked)
	for _, b := range []*widget.Button{t.amend, t.cosign, t.review, t.closePub} {
		if locked {
			b.Show()
		} else {
			b.Hide()
		}
	}
	t.highlightNext()
}

// nextAfterSigning is the step after signing, in the order of docs/RULES.md §11: print
// the 公示 (with the minutes), record the 组织审定, record the 公示's outcome, then the
// bank package — which is refused before the review and the outcome, so it is not
// offered first.
func (t *minutesTab) nextAfterSigning() *widget.Button {
	ctx := context.Background()
	p, err := t.mm.d.Store.Publicity(ctx, t.mm.id)
	if err != nil || p == nil {
		return t.generate // the 公示 is printed with the minutes once they are signed
	}
	if r, err := t.mm.d.Store.Review(ctx, t.mm.id); err == nil && r == nil {
		return t.review
	}
	if !p.Closed() {
		return t.closePub
	}
	return t.export
}

// highlightNext gives the next step of the meeting the highlighted button: generating
// the minutes to read over, signing once nothing is left open, then nextAfterSigning.
func (t *minutesTab) highlightNext() {
	next := t.generate
	switch {
	case t.mm.locked():
		next = t.nextAfterSigning()
	case len(t.open) == 0 && exists(t.path(fileMinutes)):
		next = t.sign
	}
	for _, b := range []*widget.Button{t.generate, t.sign, t.review, t.closePub, t.export} {
		imp := widget.MediumImportance
		if b == next {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}

// onChanged follows the model; while hidden it only notes the change.
func (t *minutesTab) onChanged(int) {
	if t.mm.tab != tabMinutes {
		t.dirty = true
		return
	}
	t.load()
}

// shown refreshes the tab if it changed while hidden.
func (t *minutesTab) shown() {
	if t.dirty {
		t.dirty = false
		t.load()
	}
}

// The documents of a meeting, by kind.
const (
	fileMinutes = "minutes"
	fileNotice  = "notice"
	fileSigned  = "signed"
	fileBank    = "bank"
)

// path is where document kind of this meeting is written: a folder per meeting beside
// the database, the file named by the document number so a clerk recognises it.
func (t *minutesTab) path(kind string) string {
	return filepath.Join(t.folder(), safeName(t.baseName())+mtgL("meeting.file."+kind))
}

// folder is the meeting's documents folder.
func (t *minutesTab) folder() string {
	return filepath.Join(documentsRoot(t.mm.d), safeName(t.mm.m.Village), "meeting-"+strconv.FormatInt(t.mm.id, 10))
}

// documentsRoot is where the meeting documents go: 评信 in the user's Documents folder,
// where a clerk looks for files, or beside the database when there is no such folder.
// Tests point it at their temporary folder.
var documentsRoot = func(d *Deps) string {
	if home, err := os.UserHomeDir(); err == nil {
		if docs := filepath.Join(home, "Documents"); exists(docs) {
			return filepath.Join(docs, "评信")
		}
	}
	return filepath.Join(filepath.Dir(d.DBPath), "documents")
}

// baseName is the document number, or the village and date while there is none.
func (t *minutesTab) baseName() string {
	if t.mm.m.DocNumber != "" {
		return t.mm.m.DocNumber
	}
	return t.mm.m.Village + "-" + t.mm.m.Date.Format("20060102")
}

// safeName replaces the characters Windows refuses in a file name.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < ' ' {
			return '_'
		}
		return r
	}, s)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// showFiles lists the documents written so far.
func (t *minutesTab) showFiles() {
	var lines []string
	for _, k := range []string{fileMinutes, fileNotice, fileSigned} {
		if p := t.path(k); exists(p) {
			lines = append(lines, p)
		}
	}
	setShown(t.files, strings.Join(lines, "\n"))
}

// setShown shows text in l, or hides l when there is none (an empty label still takes
// a line of space).
func setShown(l *widget.Label, text string) {
	setText(l, text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// onOpen opens a document in the system's PDF viewer.
func (t *minutesTab) onOpen(path string) {
	if err := t.opener(path); err != nil {
		setProblem(t.problem, errText(t.mm.d, err))
	}
}

// openInSystem asks the desktop to open path with its default application.
func (t *minutesTab) openInSystem(path string) error {
	return t.mm.d.App.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(path)})
}

// showSignRecord shows who signed the minutes and when, once signed.
func (t *minutesTab) showSignRecord() {
	if !t.mm.locked() {
		setProblem(t.signInfo, "")
		t.signInfo.Hide()
		return
	}
	rec, err := t.mm.d.Store.SignRecord(context.Background(), t.mm.id)
	if err != nil || rec == nil {
		t.signInfo.SetText(mtgL("meeting.minutes.signed_plain"))
		t.signInfo.Show()
		return
	}
	t.signInfo.SetText(mtgL("meeting.minutes.signed", "At", rec.SignedAt.Format("2006-01-02 15:04"), "Signer", rec.Signer,
		"SHA", shortHash(rec.SHA256)))
	t.signInfo.Show()
}

// shortHash is the first 16 hex digits of a SHA-256, enough to compare by eye.
func shortHash(h string) string {
	if len(h) > 16 {
		return h[:16]
	}
	return h
}
