package desktop

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/amount"
)

// majorities lists the majority rules in the order the radio group offers them.
var majorities = []app.Majority{app.MajorityHalf, app.MajorityTwoThirds}

// RulesTab edits a village's rules with numbers. Save checks them with
// app.Settings.Validate and stores them; a refusal is shown under the form and
// nothing is stored.
type RulesTab struct {
	d         *Deps
	villageID int64

	QuorumNum, QuorumDen                *widget.Entry
	Majority                            *widget.RadioGroup
	StandardCap, RaisedCap, Unit        *widget.Entry
	ValidityYears, AdultAge, NoticeDays *widget.Entry
	// the 公示 settings (docs/RULES.md §11.3) and the forbidden-purpose words
	NoticePlace, ObjectPlace, Contact, Phone, SupervisePhone *widget.Entry
	Forbidden                                                *widget.Entry
	Problem, Saved                                           *widget.Label
	Save, Defaults                                           *widget.Button
}

func newRulesTab(d *Deps, villageID int64) *RulesTab {
	r := &RulesTab{d: d, villageID: villageID}
	for _, e := range []**widget.Entry{&r.QuorumNum, &r.QuorumDen, &r.StandardCap, &r.RaisedCap, &r.Unit,
		&r.ValidityYears, &r.AdultAge, &r.NoticeDays, &r.NoticePlace, &r.ObjectPlace, &r.Contact, &r.Phone,
		&r.SupervisePhone} {
		*e = newEntry("")
	}
	r.Forbidden = widget.NewMultiLineEntry()
	r.Forbidden.Wrapping = fyne.TextWrapWord
	r.Majority = widget.NewRadioGroup(texts(majorities, majorityText), nil)
	r.Majority.Horizontal = true
	r.Majority.Required = true
	r.Problem = newProblemLabel()
	r.Saved = &widget.Label{Importance: widget.SuccessImportance}
	r.Save = &widget.Button{Text: lang.L("desktop.rules.save"), Icon: theme.DocumentSaveIcon(),
		Importance: widget.HighImportance, OnTapped: r.onSave}
	r.Defaults = &widget.Button{Text: lang.L("desktop.rules.defaults"), OnTapped: func() { r.Set(app.DefaultSettings()) }}
	return r
}

func majorityText(m app.Majority) string { return lang.L("desktop.rules.majority." + string(m)) }

// Content is the form with its notes.
func (r *RulesTab) Content() fyne.CanvasObject {
	yuan := func(e *widget.Entry) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, widget.NewLabel(lang.L("desktop.rules.yuan_unit")), e)
	}
	quorum := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(70, r.QuorumNum.MinSize().Height), r.QuorumNum),
		widget.NewLabel("/"),
		container.NewGridWrap(fyne.NewSize(70, r.QuorumDen.MinSize().Height), r.QuorumDen))
	// the notes under their fields wrap: a form's hint is one line, and these made the
	// settings wider than a 1024 px window at the largest text in English (1300 px)
	noted := func(o fyne.CanvasObject, key string) fyne.CanvasObject {
		return container.NewVBox(o, &widget.Label{Text: lang.L(key), Wrapping: fyne.TextWrapWord,
			Importance: widget.LowImportance, SizeName: theme.SizeNameCaptionText})
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("desktop.rules.quorum"), noted(quorum, "desktop.rules.quorum_note")),
		widget.NewFormItem(lang.L("desktop.rules.majority"), r.Majority),
		widget.NewFormItem(lang.L("desktop.rules.standard_cap"), yuan(r.StandardCap)),
		widget.NewFormItem(lang.L("desktop.rules.raised_cap"), noted(yuan(r.RaisedCap), "desktop.rules.raised_cap_hint")),
		widget.NewFormItem(lang.L("desktop.rules.unit"), noted(yuan(r.Unit), "desktop.rules.unit_hint")),
		widget.NewFormItem(lang.L("desktop.rules.validity"), r.ValidityYears),
		widget.NewFormItem(lang.L("desktop.rules.adult_age"), r.AdultAge),
		widget.NewFormItem(lang.L("desktop.rules.notice_days"), r.NoticeDays),
		widget.NewFormItem(lang.L("desktop.rules.notice_place"), r.NoticePlace),
		widget.NewFormItem(lang.L("desktop.rules.object_place"), r.ObjectPlace),
		widget.NewFormItem(lang.L("desktop.rules.contact"), r.Contact),
		widget.NewFormItem(lang.L("desktop.rules.phone"), r.Phone),
		widget.NewFormItem(lang.L("desktop.rules.supervise_phone"), r.SupervisePhone),
		widget.NewFormItem(lang.L("desktop.rules.forbidden"), noted(r.Forbidden, "desktop.rules.forbidden_hint")))
	buttons := container.NewHBox(r.Save, r.Defaults, layout.NewSpacer(), r.Saved)
	// what is wrong above the scrolling settings and the buttons below them: both in
	// sight whatever the window's size
	return container.NewBorder(container.NewPadded(r.Problem), container.NewPadded(buttons), nil, nil,
		container.NewVScroll(container.NewPadded(form)))
}

// Set shows s in the form.
func (r *RulesTab) Set(s app.Settings) {
	r.QuorumNum.SetText(strconv.Itoa(s.QuorumNum))
	r.QuorumDen.SetText(strconv.Itoa(s.QuorumDen))
	r.Majority.SetSelected(majorityText(s.Majority))
	r.StandardCap.SetText(s.StandardCap.String())
	r.RaisedCap.SetText(s.RaisedCap.String())
	r.Unit.SetText(s.RoundingUnit.String())
	r.ValidityYears.SetText(strconv.Itoa(s.ValidityYears))
	r.AdultAge.SetText(strconv.Itoa(s.AdultAge))
	r.NoticeDays.SetText(strconv.Itoa(s.NoticeDays))
	r.NoticePlace.SetText(s.Notice.Place)
	r.ObjectPlace.SetText(s.Notice.ObjectPlace)
	r.Contact.SetText(s.Notice.Contact)
	r.Phone.SetText(s.Notice.Phone)
	r.SupervisePhone.SetText(s.Notice.SupervisePhone)
	r.Forbidden.SetText(strings.Join(s.ForbiddenPurposes, lang.L("desktop.list.sep")))
	setProblem(r.Problem, "")
	r.Saved.SetText("")
}

// Settings reads the form; a field that is not a number is refused, naming the field.
func (r *RulesTab) Settings() (app.Settings, error) {
	var s app.Settings
	p := &fieldParser{}
	s.QuorumNum = p.int(r.QuorumNum, "desktop.rules.quorum")
	s.QuorumDen = p.int(r.QuorumDen, "desktop.rules.quorum")
	s.Majority = app.MajorityHalf
	if r.Majority.Selected == majorityText(app.MajorityTwoThirds) {
		s.Majority = app.MajorityTwoThirds
	}
	s.StandardCap = p.yuan(r.StandardCap, "desktop.rules.standard_cap")
	s.RaisedCap = p.yuan(r.RaisedCap, "desktop.rules.raised_cap")
	s.RoundingUnit = p.yuan(r.Unit, "desktop.rules.unit")
	s.ValidityYears = p.int(r.ValidityYears, "desktop.rules.validity")
	s.AdultAge = p.int(r.AdultAge, "desktop.rules.adult_age")
	s.NoticeDays = p.int(r.NoticeDays, "desktop.rules.notice_days")
	s.Notice = app.NoticeSettings{Place: strings.TrimSpace(r.NoticePlace.Text), ObjectPlace: strings.TrimSpace(r.ObjectPlace.Text),
		Contact: strings.TrimSpace(r.Contact.Text), Phone: strings.TrimSpace(r.Phone.Text),
		SupervisePhone: strings.TrimSpace(r.SupervisePhone.Text)}
	s.ForbiddenPurposes = app.SplitWords(r.Forbidden.Text)
	if p.err != nil {
		return s, p.err
	}
	return s, s.Validate()
}

func (r *RulesTab) onSave() {
	s, err := r.Settings()
	if err == nil {
		err = r.d.Store.UpdateSettings(context.Background(), r.villageID, s)
	}
	setProblem(r.Problem, errText(r.d, err))
	if err != nil {
		r.Saved.SetText("")
		return
	}
	r.Saved.SetText(lang.L("desktop.rules.saved"))
}

// fieldParser reads numbers from entries, keeping the first refusal.
type fieldParser struct{ err error }

func (p *fieldParser) int(e *widget.Entry, labelKey string) int {
	n, err := strconv.Atoi(strings.TrimSpace(e.Text))
	if err != nil && p.err == nil {
		p.err = app.Errorf(app.EINVALID, "desktop.rules.not_number", "Field", lang.L(labelKey), "Value", e.Text)
	}
	return n
}

func (p *fieldParser) yuan(e *widget.Entry, labelKey string) amount.Yuan {
	y, err := amount.Parse(e.Text)
	if err != nil && p.err == nil {
		p.err = app.Errorf(app.EINVALID, "desktop.rules.not_amount", "Field", lang.L(labelKey), "Value", e.Text)
	}
	return y
}
