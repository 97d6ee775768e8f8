package desktop

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/ui/desktop/widgets"
)

// rollTab is 设置与点名: the meeting's facts and the roll call, with the quorum counted
// live by app.Meeting.Quorum as each member is marked.
type rollTab struct {
	mm *meetingModel

	quorum   *widget.Label
	facts    factsForm
	factsErr *widget.Label
	rows     []*rollRow        // in the order shown: the people's council, then the others
	cols     *sharedCols       // the column widths every row of the roll call shares
	scroll   *container.Scroll // the roll call, kept in view as the keys move down it
	root     fyne.CanvasObject
	loading  bool
	ask      *dialog.ConfirmDialog // the open question (a mark that recounts recorded votes, delete), for tests
	del      *widget.Button        // 删除本次会议: a meeting entered by mistake, before signing
	deleted  bool                  // the meeting was deleted, for tests
}

// factsForm holds the meeting's fact fields, each stored when confirmed.
type factsForm struct {
	typ, doc, date, at, place *widgets.KeyEntry
	chair, clerk              *widget.Select
}

// rollRow is one person on the roll call.
type rollRow struct {
	a     int                // index in Meeting.Attendance
	role  *widget.Label      // the bodies and role, wrapped between whole words
	cells *fyne.Container    // name, role, marks and time, in the shared widths
	radio *widgets.KeyChoice // one focus stop, one key per mark
	late  *widgets.KeyEntry
	err   *widget.Label
}

func newRollTab(mm *meetingModel) *rollTab {
	t := &rollTab{mm: mm}
	t.quorum = &widget.Label{SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	t.factsErr = newProblemLabel()
	t.buildFacts()
	mm.listen(func(i int) {
		if i < 0 {
			t.load()
		}
	})
	t.load()
	return t
}

func (t *rollTab) content() fyne.CanvasObject {
	if t.root != nil {
		return t.root
	}
	people, others := container.NewVBox(), container.NewVBox()
	t.cols = &sharedCols{weights: rollCols, rows: t.cells}
	// people's council first, then the others, so that t.rows is the order the keys
	// move down
	for _, council := range []bool{true, false} {
		box := others
		if council {
			box = people
		}
		for i, a := range t.mm.m.Attendance {
			if isPeoplesCouncil(a) != council {
				continue
			}
			r := t.newRow(i)
			// a name is never cut, even at the largest text size; the role gives way
			// first, onto more lines rather than cut ("People'…" at 1024 px), but never
			// narrower than its longest word, in the width every row shares (sharedCols):
			// each row sized alone broke "Moral-judgment" in the middle at 1024 px
			name := widget.NewLabel(a.Name)
			r.role = &widget.Label{Text: t.roleOf(a), Wrapping: fyne.TextWrapWord}
			r.cells = container.New(t.cols, name, r.role, r.radio, r.late)
			box.Add(container.NewBorder(nil, r.err, nil, nil, r.cells))
		}
	}
	f := t.facts
	form := widget.NewForm(
		widget.NewFormItem(mtgL("meeting.roll.type"), f.typ),
		widget.NewFormItem(mtgL("meeting.roll.doc"), f.doc),
		widget.NewFormItem(mtgL("meeting.roll.date"), f.date),
		widget.NewFormItem(mtgL("meeting.roll.time"), f.at),
		widget.NewFormItem(mtgL("meeting.roll.place"), f.place),
		widget.NewFormItem(mtgL("meeting.roll.chair"), f.chair),
		widget.NewFormItem(mtgL("meeting.roll.clerk"), f.clerk),
	)
	// labels above their fields: the narrow facts column leaves the roll call the width
	// its marks and late times need, at the largest text size in a 1024 px window too
	form.Orientation = widget.Vertical
	t.del = newDeleteButton(mtgL("meeting.delete.meeting"), t.onDeleteMeeting)
	// what is wrong with the facts is said above their scrolling fields, in sight
	// whichever field is being typed in, at the largest text in a 1024×768 window too
	left := container.NewBorder(container.NewPadded(container.NewVBox(sectionTitle(mtgL("meeting.roll.facts")), t.factsErr)),
		nil, nil, nil, container.NewVScroll(container.NewPadded(form)))
	// one legend for the keys instead of a number beside every mark, which widened the
	// roll call past a 1024 px window at the largest text
	keys := &widget.Label{Text: rollKeysText(), Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
	right := container.NewVBox(keys, sectionTitle(mtgL("meeting.roll.people")), people,
		sectionTitle(mtgL("meeting.roll.others")), others)
	t.scroll = container.NewVScroll(container.NewPadded(right))
	split := container.NewHSplit(left, t.scroll)
	// at 1024 px and the largest text the Chinese marks stay on one line; at the default
	// text the English marks too, beside the role column's longest word ("Moral-judgment")
	split.Offset = 0.28
	t.load()
	// the delete button sits beside the quorum line, whose text wraps, so that it takes
	// no width from the roll call at the largest text size
	top := container.NewBorder(nil, nil, nil, container.NewCenter(t.del), t.quorum)
	t.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, split)
	return t.root
}

// rollCols are the roll call's column weights: name, role, mark, late time.
var rollCols = colsLayout{1, 1.7, 3.2, 1}

// cells is every row's cells, for the widths the rows share.
func (t *rollTab) cells() [][]fyne.CanvasObject {
	rows := make([][]fyne.CanvasObject, 0, len(t.rows))
	for _, r := range t.rows {
		rows = append(rows, r.cells.Objects)
	}
	return rows
}

// rollKeysText is the roll call's keyboard legend, its numbers taken from the order of
// the marks the keys choose from. A key and its mark are written without a space
// (meeting.roll.key), since a wrapping label breaks its lines at spaces.
func rollKeysText() string {
	keys := make([]string, len(presences))
	for i, p := range presences {
		keys[i] = mtgL("meeting.roll.key", "Key", strconv.Itoa(i+1), "Mark", presenceText(p))
	}
	return mtgL("meeting.roll.keys", "Keys", strings.Join(keys, " · "),
		"Late", presenceText(app.Late), "Left", presenceText(app.LeftEarly))
}

// isPeoplesCouncil reports whether a counts for quorum.
func isPeoplesCouncil(a app.Attendance) bool {
	for _, b := range a.Bodies {
		if b == app.BodyPeople {
			return true
		}
	}
	return false
}

// roleOf names a person's bodies and role.
//
// Under the people's council's heading the council is not named again on every row
// (it cut the role short at 1024 px: "People'…" for "People's council · Chair"): a
// council member shows only the other bodies they belong to and their role.
func (t *rollTab) roleOf(a app.Attendance) string {
	var bodies []app.Body
	for _, b := range a.Bodies {
		if b != app.BodyPeople {
			bodies = append(bodies, b)
		}
	}
	var parts []string
	if s := bodiesText(bodies); s != "" {
		parts = append(parts, s)
	}
	if a.Role != "" && a.Role != app.RoleMember {
		parts = append(parts, roleText(a.Role))
	}
	return strings.Join(parts, " · ")
}

func (t *rollTab) buildFacts() {
	f := &t.facts
	for _, e := range []**widgets.KeyEntry{&f.typ, &f.doc, &f.date, &f.at, &f.place} {
		*e = widgets.NewKeyEntry()
		(*e).OnFocusLost = t.onFacts
		(*e).OnSubmitted = func(string) { t.onFacts() }
	}
	f.date.SetPlaceHolder("2026-03-15")
	f.at.SetPlaceHolder("19:00")
	f.doc.SetPlaceHolder(mtgL("meeting.roll.doc_hint"))
	var names []string
	for _, a := range t.mm.m.Attendance {
		names = append(names, a.Name)
	}
	f.chair = newSelect(names, func(string) { t.onFacts() })
	f.clerk = newSelect(names, func(string) { t.onFacts() })
}

func (t *rollTab) newRow(a int) *rollRow {
	r := &rollRow{a: a, err: newProblemLabel(), late: widgets.NewKeyEntry()}
	r.radio = widgets.NewKeyChoice(texts(presences, presenceText), func(s string) { t.onPresence(r, s) })
	r.radio.OnConfirmed = func() { t.moveOn(r) } // the key of the mark shown: as it is, next
	r.late.SetPlaceHolder("19:20")
	r.late.Scroll = fyne.ScrollNone // as wide as its time: never cut, whatever the text size
	r.late.SelectOnFocus = true     // the time taken from the clock is replaced by typing
	r.late.OnFocusLost = func() { t.onLateTime(r) }
	r.late.OnSubmitted = func(string) {
		if t.onLateTime(r) {
			t.focusRow(t.after(r))
		}
	}
	t.rows = append(t.rows, r)
	return r
}

// load shows the meeting as the model holds it.
func (t *rollTab) load() {
	t.loading = true
	defer func() { t.loading = false }()
	if t.cols != nil {
		t.cols.changed() // a time shown or hidden, or typed, changes the widths
	}
	m := t.mm.m
	f := t.facts
	f.typ.SetText(m.Type)
	f.doc.SetText(m.DocNumber)
	f.date.SetText(dateText(m.Date))
	f.at.SetText(m.Time)
	f.place.SetText(m.Place)
	f.chair.SetSelected(m.Chair)
	f.clerk.SetSelected(m.Clerk)
	for _, r := range t.rows {
		a := m.Attendance[r.a]
		r.radio.SetSelected(presenceText(a.Presence))
		r.late.SetText(a.At)
		enable(r.late, !m.Locked())
		if a.Presence.Timed() {
			r.late.Show()
		} else {
			r.late.Hide()
		}
		enable(r.radio, !m.Locked())
	}
	for _, w := range []fyne.Disableable{f.typ, f.doc, f.date, f.at, f.place, f.chair, f.clerk} {
		enable(w, !m.Locked())
	}
	if t.del != nil && m.Locked() {
		t.del.Hide()
	}
	t.showQuorum()
}

// showQuorum writes the quorum line: the numbers and whether the meeting may decide.
func (t *rollTab) showQuorum() {
	q := t.mm.q
	key, imp := "meeting.quorum.met", widget.SuccessImportance
	if !q.Met {
		key, imp = "meeting.quorum.not_met", widget.DangerImportance
	}
	t.quorum.Importance = imp
	t.quorum.SetText(mtgL(key, "Present", q.Present, "Expected", q.Expected, "Required", q.Required))
}

// onFacts stores the facts when any of them is confirmed and differs from the stored.
func (t *rollTab) onFacts() {
	if t.loading || t.mm.locked() {
		return
	}
	f := t.facts
	m := *t.mm.m
	m.Type, m.DocNumber = strings.TrimSpace(f.typ.Text), strings.TrimSpace(f.doc.Text)
	m.Time, m.Place = strings.TrimSpace(f.at.Text), strings.TrimSpace(f.place.Text)
	m.Chair, m.Clerk = f.chair.Selected, f.clerk.Selected
	d, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(f.date.Text), time.Local)
	if err != nil {
		setProblem(t.factsErr, mtgL("meeting.roll.bad_date", "Value", f.date.Text))
		return
	}
	m.Date = d
	if sameFacts(&m, t.mm.m) {
		setProblem(t.factsErr, "")
		return
	}
	if err := t.mm.updateFacts(&m); err != nil {
		setProblem(t.factsErr, errText(t.mm.d, err))
		return
	}
	setProblem(t.factsErr, "")
}

// sameFacts reports whether a and b have the same facts.
func sameFacts(a, b *app.Meeting) bool {
	return a.Type == b.Type && a.DocNumber == b.DocNumber && a.Date.Equal(b.Date) && a.Time == b.Time &&
		a.Place == b.Place && a.Chair == b.Chair && a.Clerk == b.Clerk
}

// onPresence stores a mark when chosen. 迟到 and 早退 take the time now unless one is
// typed. A mark typed as its number key moves the keyboard on (moveOn) once stored.
func (t *rollTab) onPresence(r *rollRow, s string) {
	if t.loading {
		return
	}
	p, ok := fromText(presences, presenceText, s)
	if !ok {
		return
	}
	markAt := ""
	if p.Timed() {
		if markAt = strings.TrimSpace(r.late.Text); markAt == "" {
			markAt = t.mm.d.Now().Format("15:04")
		}
	}
	typed := r.radio.ChosenByKey()
	a := t.mm.m.Attendance[r.a]
	rs := t.mm.m.RemarkPreview(app.RollMark{MemberID: a.MemberID, Presence: p, At: markAt})
	if len(rs) == 0 {
		t.storeMark(r, p, markAt, false, typed)
		return
	}
	// a correction of the roll call changes votes already taken: say which, and ask;
	// the safe answer keeps the mark as it was, and the keyboard on this person
	t.ask = askSafe(t.mm.d.Win, mtgL("meeting.roll.recount_title"),
		mtgL("meeting.roll.recount_ask", "Name", a.Name, "Mark", presenceText(p), "Count", len(rs))+"\n"+recountLines(rs),
		mtgL("meeting.roll.recount_keep"), mtgL("meeting.roll.recount_change"),
		func() { t.storeMark(r, p, markAt, true, typed) }, t.load)
}

// storeMark stores row r's mark; a refusal shows the stored mark again beside it. A
// stored mark that was typed moves the keyboard on.
func (t *rollTab) storeMark(r *rollRow, p app.Presence, markAt string, yes, typed bool) {
	if err := t.mm.setPresence(r.a, p, markAt, yes); err != nil {
		t.load() // show the stored mark again
		setProblem(r.err, errText(t.mm.d, err))
		return
	}
	setProblem(r.err, "")
	if typed {
		t.moveOn(r)
	}
}

// moveOn takes the keyboard from r's mark to where the clerk goes next: r's time for
// 迟到 and 早退 (the clock's time, selected, so typing replaces it and Enter keeps it),
// otherwise the next person's mark.
func (t *rollTab) moveOn(r *rollRow) {
	if r.late.Visible() {
		t.focus(r.late, r)
		return
	}
	t.focusRow(t.after(r))
}

// after is the row shown below r, or nil for the last.
func (t *rollTab) after(r *rollRow) *rollRow {
	for i, x := range t.rows {
		if x == r && i+1 < len(t.rows) {
			return t.rows[i+1]
		}
	}
	return nil
}

// focusRow puts the keyboard on r's mark; nil (past the last person) leaves it where
// it is.
func (t *rollTab) focusRow(r *rollRow) {
	if r != nil {
		t.focus(r.radio, r)
	}
}

// focus puts the keyboard on o, in row r, and scrolls the roll call to show r. The row
// is found by its marks: a time field shown a moment ago has no place on the window's
// canvas until it is drawn, and scrolling to it sent the list to its top.
func (t *rollTab) focus(o fyne.Focusable, r *rollRow) {
	t.mm.d.Win.Canvas().Focus(o)
	if t.scroll != nil {
		scrollToShow(t.scroll, r.radio, 0)
	}
}

// recountLines names each household whose recorded vote a roll-call change recounts,
// with its voters before and after, one a line.
func recountLines(rs []app.Recount) string {
	lines := make([]string, len(rs))
	for i, r := range rs {
		lines[i] = mtgL("meeting.roll.recount_line", "Seq", r.Seq, "Name", r.Name, "Before", len(r.Before), "After", len(r.After))
	}
	return strings.Join(lines, "\n")
}

// onLateTime stores the time of a late member's arrival or an early one's leaving when
// confirmed. It reports whether the time shown is the one stored.
func (t *rollTab) onLateTime(r *rollRow) bool {
	a := t.mm.m.Attendance[r.a]
	if t.loading || !a.Presence.Timed() || strings.TrimSpace(r.late.Text) == a.At {
		return true
	}
	// a refused time stays in the entry, beside its reason, for the clerk to correct
	err := t.mm.setPresence(r.a, a.Presence, strings.TrimSpace(r.late.Text), false)
	setProblem(r.err, errOrEmpty(t.mm.d, err))
	return err == nil
}

// errOrEmpty is err for a person, or "" for nil.
func errOrEmpty(d *Deps, err error) string {
	if err == nil {
		return ""
	}
	return errText(d, err)
}

// dateText formats a date as the entry reads it.
func dateText(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// enable enables or disables w.
func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}
