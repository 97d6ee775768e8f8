package desktop

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/idcard"
	"pingxin/ui/desktop/widgets"
)

// deliberateTab is 会议表决, the meeting mode: one household at a time in large type,
// driven from the keyboard. Tab moves through the fields in meeting order, Enter stores
// the household and opens the next, PageUp/PageDown (or Ctrl+↑/↓) step back and forth,
// Ctrl+G jumps to a №. Each field is stored the moment it is confirmed (Tab, Enter,
// leaving it); the decision is computed live by app.Nominee.Decision as the votes are
// typed. There is no Save button to forget.
type deliberateTab struct {
	mm  *meetingModel
	cur int // the household shown, or -1 for an empty list

	// the household
	pos, name, idText, group, purpose, requested *widget.Label
	blocked                                      *widget.Label
	lastRating                                   *widget.Label // the household's last rating, when rated before
	baseline                                     [6]*widget.Select
	undertaking                                  *widget.Check
	nameText                                     *canvas.Text
	// the labels that show figures, each kept whole on one line (wholeFigures)
	idFig, requestedFig, lastRatingFig *wholeFigures
	idBox, requestedBox, lastRatingBox *fyne.Container

	// the meeting's entries, in Tab order
	proposed, why                    *widgets.KeyEntry
	rate                             *widgets.KeyCheck
	vFor, vAgainst, vAbstain, vRecus *widgets.KeyEntry
	reason                           *widgets.KeyEntry
	order                            []fyne.Focusable
	// the form's scrolling pane, and what of it to bring into view for each entry the
	// keyboard moves to: the entry with its caption, the four vote boxes with theirs
	formScroll *container.Scroll
	inView     map[fyne.Focusable]fyne.CanvasObject

	// beside the entries
	proposedErr, whyErr, votesErr, reasonErr, generalErr, storeErr *widget.Label
	proposedWarn                                                   *widget.Label // told, never refused
	voters, quorum, saved, resultLine                              *widget.Label
	resultFig                                                      *wholeFigures // the final amount kept whole
	resultBox                                                      *fyne.Container
	decision                                                       *canvas.Text

	jump    *widgets.KeyEntry
	keys    *widget.Label // the legend of the keys, beside or under the buttons (keysBar)
	prevB   *widget.Button
	nextB   *widget.Button
	projB   *widget.Button
	proj    *projector // the 投屏 window while it is open
	root    fyne.CanvasObject
	loading bool
	saving  bool

	// a tally short of the voters present is held back until Enter is pressed on it
	// twice: askedShort is the tally Enter was pressed on once, shortOK the one confirmed
	askedShort, shortOK app.Votes
}

func newDeliberateTab(mm *meetingModel) *deliberateTab {
	t := &deliberateTab{mm: mm, cur: -1}
	t.buildInfo()
	t.buildForm()
	t.buildNav()
	t.root = t.layout()
	mm.listen(t.onChanged)
	// after an import the meeting goes on with the first household still to decide
	mm.onImport = append(mm.onImport, func() {
		if mm.count() > 0 {
			t.show(t.firstOpen())
		}
	})
	if mm.count() > 0 {
		t.show(t.firstOpen())
	} else {
		t.show(-1)
	}
	return t
}

func (t *deliberateTab) content() fyne.CanvasObject { return t.root }

func (t *deliberateTab) buildInfo() {
	label := func() *widget.Label { return &widget.Label{Wrapping: fyne.TextWrapWord} }
	t.pos, t.idText, t.group, t.purpose, t.requested = label(), label(), label(), label(), label()
	t.name = label()
	t.nameText = canvas.NewText("", themeColor(theme.ColorNameForeground))
	t.nameText.TextStyle.Bold = true
	t.blocked = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	t.lastRating = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
	t.lastRating.Hide()
	for i := range t.baseline {
		t.baseline[i] = newSelect(texts(checks, checkText), func(string) { t.onBaseline() })
	}
	t.undertaking = widget.NewCheck("", func(bool) { t.onBaseline() })
	t.idFig, t.idBox = newWholeFigures(t.idText)
	t.requestedFig, t.requestedBox = newWholeFigures(t.requested)
	t.lastRatingFig, t.lastRatingBox = newWholeFigures(t.lastRating)
}

func (t *deliberateTab) buildForm() {
	entry := func(hint string) *widgets.KeyEntry {
		e := widgets.NewKeyEntry()
		e.SetPlaceHolder(hint)
		e.SelectOnFocus = true // typing replaces a filled value
		e.OnKey = t.onKey
		e.OnFocusLost = func() { t.commit() }
		e.OnChanged = func(string) { t.preview() }
		return e
	}
	t.proposed = entry(mtgL("meeting.amount_hint"))
	t.why = entry(mtgL("meeting.delib.why_hint"))
	t.rate = widgets.NewKeyCheck(mtgL("meeting.delib.rate"), func(bool) {
		t.preview()
		t.commit()
	})
	t.rate.OnKey = t.onKey
	t.vFor, t.vAgainst, t.vAbstain, t.vRecus = entry("0"), entry("0"), entry("0"), entry("0")
	t.reason = entry(mtgL("meeting.delib.reason_hint"))
	t.order = []fyne.Focusable{t.proposed, t.why, t.rate, t.vFor, t.vAgainst, t.vAbstain, t.vRecus, t.reason}
	t.proposedErr, t.whyErr, t.votesErr = newProblemLabel(), newProblemLabel(), newProblemLabel()
	t.reasonErr, t.generalErr, t.storeErr = newProblemLabel(), newProblemLabel(), newProblemLabel()
	t.proposedWarn = newProblemLabel()
	t.proposedWarn.Importance = widget.WarningImportance
	t.voters = &widget.Label{Importance: widget.LowImportance}
	t.quorum = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	t.saved = &widget.Label{Wrapping: fyne.TextWrapWord} // read from across the table: not the faint grey
	t.resultLine = &widget.Label{Wrapping: fyne.TextWrapWord}
	t.resultFig, t.resultBox = newWholeFigures(t.resultLine)
	t.decision = canvas.NewText("", themeColor(theme.ColorNameForeground))
	t.decision.TextStyle.Bold = true
}

func (t *deliberateTab) buildNav() {
	t.jump = widgets.NewKeyEntry()
	t.jump.SelectOnFocus = true
	t.jump.SetPlaceHolder(mtgL("meeting.delib.jump_hint"))
	t.jump.OnKey = t.onJumpKey
	t.prevB = widget.NewButtonWithIcon(mtgL("meeting.delib.prev"), theme.NavigateBackIcon(), func() { t.move(-1) })
	t.nextB = widget.NewButtonWithIcon(mtgL("meeting.delib.next"), theme.NavigateNextIcon(), func() { t.move(1) })
	t.projB = widget.NewButtonWithIcon(mtgL("meeting.proj.open"), theme.ComputerIcon(), func() {
		t.onProjector()
		t.mm.d.Win.RequestFocus() // the clerk keeps typing in the meeting's window
	})
}

// layout puts the household on the left and the meeting's entries on the right, in
// the enlarged theme.
func (t *deliberateTab) layout() fyne.CanvasObject {
	base := container.NewVBox()
	for i := range app.BaselineItems {
		// the item's name wraps beside its choice, so a long name (English) does not
		// widen the screen past a 1024-pixel window
		base.Add(container.NewBorder(nil, nil, t.baseline[i], nil, &widget.Label{Text: baselineText(i), Wrapping: fyne.TextWrapWord}))
	}
	info := container.NewVBox(t.pos, t.nameText, t.idBox, t.group, t.purpose, t.requestedBox, t.lastRatingBox, t.blocked,
		sectionTitle(mtgL("meeting.delib.baseline")), base,
		// the undertaking's long text wraps beside its box instead of widening the screen
		container.NewBorder(nil, nil, t.undertaking, nil, &widget.Label{Text: undertakingText(), Wrapping: fyne.TextWrapWord}))
	votes := container.NewVBox(container.NewBorder(nil, nil, sectionTitle(mtgL("meeting.delib.votes")), t.voters),
		container.NewGridWithColumns(4,
			field(mtgL("meeting.delib.for"), t.vFor), field(mtgL("meeting.delib.against"), t.vAgainst),
			field(mtgL("meeting.delib.abstain"), t.vAbstain), field(mtgL("meeting.delib.recused"), t.vRecus)))
	proposed, why, reason := field(mtgL("meeting.delib.proposed"), t.proposed), field(mtgL("meeting.delib.why"), t.why),
		field(mtgL("meeting.delib.reason"), t.reason)
	form := container.NewVBox(
		proposed, t.proposedErr, t.proposedWarn,
		why, t.whyErr,
		t.rate,
		votes, t.votesErr, t.quorum,
		reason, t.reasonErr,
		t.generalErr,
	)
	t.inView = map[fyne.Focusable]fyne.CanvasObject{t.proposed: proposed, t.why: why, t.rate: t.rate,
		t.vFor: votes, t.vAgainst: votes, t.vAbstain: votes, t.vRecus: votes, t.reason: reason}
	// the form's field under the keyboard is kept in sight when the form's visible part
	// or the form itself changes size (inViewLayout)
	t.formScroll = container.NewVScroll(container.New(inViewLayout{t}, container.NewPadded(form)))
	split := container.NewHSplit(container.NewVScroll(container.NewPadded(info)), container.New(inViewLayout{t}, t.formScroll))
	split.Offset = 0.42
	// what the clerk must see after Enter — the decision, the final amount, 已保存 and
	// the previous household's confirmation, a refused store or jump — sits below the
	// scrolling panes, so no window size scrolls it away
	outcome := container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(mtgL("meeting.delib.decision")), t.decision), nil, t.resultBox),
		t.storeErr, t.saved)
	jumpWidth := canvas.NewRectangle(color.Transparent)
	jumpWidth.SetMinSize(fyne.NewSize(160, 0))
	// the keys in two lines (the text says where to break), beside the buttons where
	// they fit whole, else under them (keysBar)
	t.keys = &widget.Label{Text: mtgL("meeting.delib.keys"), Importance: widget.LowImportance, SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord}
	nav := newKeysBar(container.NewHBox(t.prevB, t.nextB, container.NewStack(jumpWidth, t.jump)), t.keys, t.projB)
	return container.NewThemeOverride(container.NewBorder(nav, outcome, nil, nil, split), largeTheme{factor: 1.35})
}

// field is a caption above an entry.
func field(caption string, o fyne.CanvasObject) fyne.CanvasObject {
	// a caption wraps rather than widening the form past a small window at large text
	return container.NewVBox(&widget.Label{Text: caption, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}, o)
}

// show displays household i (or nothing for -1): no store access, only the model.
func (t *deliberateTab) show(i int) {
	t.loading = true
	defer func() { t.loading = false }()
	t.cur = i
	t.askedShort, t.shortOK = app.Votes{}, app.Votes{}
	t.clearProblems()
	t.saved.SetText("")
	if i < 0 {
		t.pos.SetText(mtgL("meeting.delib.empty"))
		t.enableForm(false)
		t.follow()
		return
	}
	n := t.mm.nominee(i)
	t.pos.SetText(mtgL("meeting.delib.pos", "Seq", n.Seq, "Index", i+1, "Total", t.mm.count()))
	t.nameText.Text = n.Name
	t.nameText.TextSize = 3 * theme.TextSize()
	t.nameText.Color = themeColor(theme.ColorNameForeground)
	t.nameText.Refresh()
	t.idFig.SetText(mtgL("meeting.delib.id", "ID", idcard.Mask(n.IDNumber)))
	t.group.SetText(mtgL("meeting.delib.group", "Group", n.Group))
	t.purpose.SetText(mtgL("meeting.delib.purpose", "Purpose", n.Purpose))
	t.requestedFig.SetText(mtgL("meeting.delib.requested", "Yuan", n.Requested.String(), "Wan", n.Requested.Wan()))
	setProblem(t.blocked, blockedText(n))
	t.lastRatingFig.ShowOrHide(t.mm.lastRating[n.IDNumber])
	for k, c := range n.Baseline {
		t.baseline[k].SetSelected(checkText(c))
	}
	t.undertaking.SetChecked(n.Undertaking)
	t.fill(n)
	t.enableForm(!t.mm.locked() && n.Blocked == "")
	t.jump.SetText("")
	t.loading = false
	t.preview()
}

// fill puts the meeting's entries of n in the fields.
func (t *deliberateTab) fill(n *app.Nominee) {
	t.proposed.SetText(wanText(n.Proposed))
	t.why.SetText(n.ProposedReason)
	t.rate.SetChecked(n.RatePreference)
	counts := []int{n.Votes.For, n.Votes.Against, n.Votes.Abstain, n.Votes.Recused}
	for k, e := range []*widgets.KeyEntry{t.vFor, t.vAgainst, t.vAbstain, t.vRecus} {
		if n.Votes.Recorded {
			e.SetText(strconv.Itoa(counts[k]))
		} else {
			e.SetText("")
		}
	}
	t.reason.SetText(n.Reason)
}

// blockedText says why a household is excluded, or "".
func blockedText(n *app.Nominee) string {
	if n.Blocked == "" {
		return ""
	}
	return mtgL("meeting.delib.blocked", "Reason", blockedWhy(n.Blocked))
}

// enableForm enables the entries, or disables them for a blocked household or a signed
// meeting.
func (t *deliberateTab) enableForm(on bool) {
	for _, f := range t.order {
		enable(f.(fyne.Disableable), on)
	}
	for _, s := range t.baseline {
		enable(s, on)
	}
	enable(t.undertaking, on)
	enable(t.prevB, t.cur > 0)
	enable(t.nextB, t.cur >= 0 && t.cur < t.mm.count()-1)
}

// onChanged follows the model: a change made elsewhere (roll call, verification, the
// list form) shows again; this tab's own saves are already on screen.
func (t *deliberateTab) onChanged(i int) {
	if t.saving {
		return
	}
	switch {
	case i < 0 && t.cur < 0 && t.mm.count() > 0: // the first households arrived
		t.show(t.firstOpen())
	case i < 0 && t.cur >= t.mm.count():
		t.show(t.mm.count() - 1)
	case i < 0 || i == t.cur:
		t.show(t.cur)
	}
}

// firstOpen is the first household still to deliberate (not blocked, no vote), or 0.
func (t *deliberateTab) firstOpen() int {
	for i := range t.mm.m.Nominees {
		n := t.mm.nominee(i)
		if n.Blocked == "" && !n.Votes.Recorded {
			return i
		}
	}
	return 0
}

// nextOpen is the next household after i that is not blocked, or -1.
func (t *deliberateTab) nextOpen(i int) int {
	for j := i + 1; j < t.mm.count(); j++ {
		if t.mm.nominee(j).Blocked == "" {
			return j
		}
	}
	return -1
}

// focusFirst puts the keyboard in the first entry, or in the № field when the entries
// are disabled, so the page keys still work.
func (t *deliberateTab) focusFirst() {
	if t.proposed.Disabled() {
		t.mm.d.Win.Canvas().Focus(t.jump)
		return
	}
	t.focusField(t.proposed)
}

// onKey is the meeting order of the keyboard.
func (t *deliberateTab) onKey(k widgets.Key) bool {
	switch k {
	case widgets.KeyNext:
		t.focusStep(1)
	case widgets.KeyPrev:
		t.focusStep(-1)
	case widgets.KeySubmit:
		t.onEnter()
	case widgets.KeyPageNext:
		t.move(1)
	case widgets.KeyPagePrev:
		t.move(-1)
	case widgets.KeyJump:
		t.mm.d.Win.Canvas().Focus(t.jump)
	default:
		return false
	}
	return true
}

// focusStep moves the keyboard to the next (or previous) field in meeting order. The
// reason above the cap is passed over while the proposed amount is within the standard
// cap and no reason is written: it is not asked for then.
func (t *deliberateTab) focusStep(dir int) {
	c := t.mm.d.Win.Canvas()
	at := 0
	for k, f := range t.order {
		if f == c.Focused() {
			at = k
		}
	}
	for step := 1; step <= len(t.order); step++ {
		f := t.order[(at+dir*step+len(t.order)*step)%len(t.order)]
		if f == t.why && !t.whyWanted() {
			continue
		}
		t.focusField(f)
		return
	}
}

// whyWanted reports whether the reason above the cap is asked for.
func (t *deliberateTab) whyWanted() bool {
	if strings.TrimSpace(t.why.Text) != "" {
		return true
	}
	n, _ := t.formNominee()
	return t.mm.s.NeedsCapReason(n.Proposed)
}

// onEnter stores the household and opens the next one still open. It stays while an
// entry is refused, and goes to the reason when the decision needs one.
func (t *deliberateTab) onEnter() {
	if t.cur < 0 {
		return
	}
	if !t.commit() && !t.confirmShort() {
		t.focusProblem()
		return
	}
	n := t.mm.nominee(t.cur)
	q, voters := t.mm.voteOf(n)
	if !t.mm.locked() && n.NeedsReason(q, t.mm.s, voters) && n.Reason == "" {
		t.focusField(t.reason)
		return
	}
	done := mtgL("meeting.delib.saved_prev", "Seq", n.Seq, "Name", n.Name,
		"Decision", decisionText(n.Decision(q, t.mm.s, voters)))
	next := t.nextOpen(t.cur)
	if next < 0 {
		next = t.firstUndecided() // households passed over on the way, before the end
	}
	if next < 0 || next == t.cur {
		t.saved.SetText(mtgL("meeting.delib.all_done"))
		return
	}
	t.show(next)
	t.saved.SetText(done)
	t.focusFirst()
}

// firstUndecided is the first household that is not blocked and has no vote, or -1.
func (t *deliberateTab) firstUndecided() int {
	for i := range t.mm.m.Nominees {
		if n := t.mm.nominee(i); n.Blocked == "" && !n.Votes.Recorded {
			return i
		}
	}
	return -1
}

// focusProblem puts the keyboard in the first field whose problem is shown, so that
// the clerk corrects it without reaching for the mouse.
func (t *deliberateTab) focusProblem() {
	switch {
	case !t.proposedErr.Hidden:
		t.focusField(t.proposed)
	case !t.whyErr.Hidden:
		t.focusField(t.why)
	case !t.votesErr.Hidden:
		for _, e := range t.voteEntries() {
			if _, _, ok := parseCount(e.Text); !ok {
				t.focusField(e)
				return
			}
		}
		for _, e := range t.voteEntries() { // a short tally: the first count not typed
			if strings.TrimSpace(e.Text) == "" {
				t.focusField(e)
				return
			}
		}
		t.focusField(t.vFor)
	case !t.reasonErr.Hidden:
		t.focusField(t.reason)
	}
}

// voteEntries are the four counts, in order.
func (t *deliberateTab) voteEntries() []*widgets.KeyEntry {
	return []*widgets.KeyEntry{t.vFor, t.vAgainst, t.vAbstain, t.vRecus}
}

// confirmShort is Enter on a tally short of the voters present: the first Enter only
// flags it (commit has shown why), the second on the same tally stores it as typed —
// the members who did not vote then count as not for — and reports whether it stored.
func (t *deliberateTab) confirmShort() bool {
	n, errs := t.formNominee()
	if !t.shortTally(&n) || len(errs) > 0 {
		return false
	}
	if n.Votes != t.askedShort {
		t.askedShort = n.Votes
		return false
	}
	t.shortOK = n.Votes
	return t.commit()
}

// move steps to the household dir places away, after storing this one.
func (t *deliberateTab) move(dir int) {
	j := t.cur + dir
	if j < 0 || j >= t.mm.count() || !t.commit() {
		return
	}
	t.show(j)
	t.focusFirst()
}

// onJumpKey handles the № field: Enter jumps, the page keys step, Tab returns to the form.
func (t *deliberateTab) onJumpKey(k widgets.Key) bool {
	switch k {
	case widgets.KeySubmit:
		t.onJump()
	case widgets.KeyNext, widgets.KeyPrev:
		t.focusFirst()
	case widgets.KeyPageNext:
		t.move(1)
	case widgets.KeyPagePrev:
		t.move(-1)
	case widgets.KeyJump:
	default:
		return false
	}
	return true
}

// onJump opens the household whose № is typed in the jump field.
func (t *deliberateTab) onJump() {
	seq, err := strconv.Atoi(strings.TrimSpace(t.jump.Text))
	i := t.mm.indexOfSeq(seq)
	if err != nil || i < 0 {
		setProblem(t.storeErr, mtgL("meeting.delib.no_seq", "Value", t.jump.Text)) // red, in the outcome strip
		t.jump.SetText("")
		return
	}
	if !t.commit() {
		return
	}
	t.show(i)
	t.focusFirst()
}
