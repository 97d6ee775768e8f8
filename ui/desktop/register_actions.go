package desktop

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/idcard"
	"pingxin/app/service"
)

// background runs f off the UI thread with the progress bar shown, then done with its
// error back on it; tests wait for it with Wait.
func (r *RegisterScreen) background(f func() error, done func(error)) {
	r.busy.Show()
	setProblem(r.Problem, "")
	inBackground(f, func(err error) {
		r.busy.Hide()
		setProblem(r.Problem, errText(r.d, err))
		done(err)
	})
}

func (r *RegisterScreen) onImportBank() {
	pickOpen(r.d.Win, filePick{exts: listFiles}, func(path string) { r.ImportBankFile(path, nil) },
		func(err error) { setProblem(r.Problem, errText(r.d, err)) })
}

// ImportBankFile loads the bank's reply sheet at path: every answer, or none and
// every bad row named. done, when not nil, runs on the UI thread after.
func (r *RegisterScreen) ImportBankFile(path string, done func()) {
	var sum *service.BankSummary
	r.background(func() error {
		var err error
		sum, err = r.d.Store.ImportBank(context.Background(), r.villageID, path, r.d.Now())
		return err
	}, func(err error) {
		showInfo(r.Info, "")
		if err == nil {
			showInfo(r.Info, sum.Text(r.d.Lang))
			r.Refresh()
		}
		if done != nil {
			done()
		}
	})
}

// onTypeBank asks for one household's answer, starting from the household chosen.
func (r *RegisterScreen) onTypeBank() {
	id := &widget.Entry{}
	if r.chosen != nil {
		id.SetText(r.chosen.IDNumber)
	}
	result := &widget.RadioGroup{Options: texts(bankResults, bankResultText), Horizontal: true}
	result.SetSelected(bankResultText(app.BankApproved))
	amt, date := &widget.Entry{PlaceHolder: lang.L("desktop.register.amount_hint")}, &widget.Entry{PlaceHolder: "2026-12-01"}
	rate, note := &widget.Entry{}, &widget.Entry{}
	items := []*widget.FormItem{
		{Text: lang.L("desktop.register.col.id"), Widget: id},
		{Text: lang.L("desktop.register.result"), Widget: result},
		{Text: lang.L("desktop.register.amount"), Widget: amt},
		{Text: lang.L("desktop.register.col.approved"), Widget: date},
		{Text: lang.L("desktop.register.rate"), Widget: rate},
		{Text: lang.L("desktop.register.note"), Widget: note},
	}
	dlg := dialog.NewForm(lang.L("desktop.register.type_bank"), lang.L("desktop.register.record"), lang.L("desktop.register.cancel"), items,
		func(ok bool) {
			if !ok {
				return
			}
			res, _ := fromText(bankResults, bankResultText, result.Selected)
			a, err := bankAnswerOf(id.Text, string(res), amt.Text, date.Text)
			if err == nil {
				a.Rate, a.Note = strings.TrimSpace(rate.Text), strings.TrimSpace(note.Text)
				err = r.RecordAnswer(a)
			}
			setProblem(r.Problem, errText(r.d, err))
		}, r.d.Win)
	dlg.Resize(fyne.NewSize(520, 420))
	dlg.Show()
}

// bankResults are the bank's answers in the order the dialog offers them.
var bankResults = []app.BankResult{app.BankApproved, app.BankRefused}

// bankResultText names a bank answer in the screen's language; the register keeps the
// Chinese word (app.BankResult), as the bank's sheet writes it.
func bankResultText(r app.BankResult) string {
	return lang.L(map[app.BankResult]string{app.BankApproved: "credit.result.approved", app.BankRefused: "credit.result.refused"}[r])
}

// bankAnswerOf reads the typed answer's ID, result, amount and date.

func bankAnswerOf(id, result, amt, date string) (app.BankAnswer, error) {
	var a app.BankAnswer
	pid, err := idcard.Parse(strings.TrimSpace(id))
	if err != nil {
		return a, err
	}
	a.IDNumber, a.Result = pid.String(), app.BankResult(result)
	if s := strings.TrimSpace(amt); s != "" {
		if a.Amount, err = amount.Parse(s); err != nil {
			return a, err
		}
	}
	if s := strings.TrimSpace(date); s != "" {
		if a.Date, err = time.Parse(time.DateOnly, s); err != nil {
			return a, app.Errorf(app.EINVALID, "desktop.register.bad_date", "Value", s)
		}
	}
	return a, nil
}

// RecordAnswer records one typed answer of the bank, checked as a sheet's row is.
func (r *RegisterScreen) RecordAnswer(a app.BankAnswer) error {
	if err := r.d.Store.RecordBankAnswer(context.Background(), r.villageID, a); err != nil {
		return err
	}
	showInfo(r.Info, lang.L("desktop.register.recorded", map[string]any{"ID": idcard.Mask(a.IDNumber)}))
	r.Refresh()
	return nil
}

// onRenew asks which of the village's unsigned meetings takes the households due.
func (r *RegisterScreen) onRenew() {
	ms, err := r.d.Store.Meetings(context.Background())
	if err != nil {
		setProblem(r.Problem, errText(r.d, err))
		return
	}
	var names []string
	ids := map[string]int64{}
	for _, m := range ms {
		if m.VillageID == r.villageID && m.Status != app.StatusSigned {
			name := m.Date.Format(time.DateOnly) + "  " + m.DocNumber
			names, ids[name] = append(names, name), m.ID
		}
	}
	if len(names) == 0 {
		setProblem(r.Problem, lang.L("desktop.register.no_open_meeting"))
		return
	}
	pick := &widget.Select{Options: names}
	pick.SetSelectedIndex(0)
	dialog.ShowForm(lang.L("desktop.register.renew"), lang.L("desktop.register.renew_confirm"), lang.L("desktop.register.cancel"),
		[]*widget.FormItem{{Text: lang.L("desktop.register.meeting"), Widget: pick}}, func(ok bool) {
			if ok {
				_, err := r.RenewInto(ids[pick.Selected])
				setProblem(r.Problem, errText(r.d, err))
			}
		}, r.d.Win)
}

// RenewInto puts every household due on meeting meetingID's list, in one step.
func (r *RegisterScreen) RenewInto(meetingID int64) (*service.RenewalSummary, error) {
	s, err := r.d.Store.RenewInto(context.Background(), meetingID, r.d.Now())
	if err != nil {
		return nil, err
	}
	showInfo(r.Info, lang.L("desktop.register.renewed", map[string]any{"Added": s.Added, "Already": s.Already}))
	return s, nil
}

func (r *RegisterScreen) onExport(pdf bool) {
	name := lang.L("desktop.register.file") + r.d.Now().Format("20060102") + ".xlsx"
	if pdf {
		name = strings.TrimSuffix(name, ".xlsx") + ".pdf"
	}
	pickSave(r.d.Win, filePick{name: name}, func(path string) { r.ExportTo(path, pdf, nil) },
		func(err error) { setProblem(r.Problem, errText(r.d, err)) })
}

// ExportTo writes the register to path: the bank's XLSX, or the village's PDF.
func (r *RegisterScreen) ExportTo(path string, pdf bool, done func()) {
	write := r.d.Store.WriteRegisterSheet
	if pdf {
		write = r.d.Store.WriteRegisterPDF
	}
	r.background(func() error {
		return write(context.Background(), r.villageID, path, r.d.Now())
	}, func(err error) {
		if err == nil {
			showInfo(r.Info, lang.L("desktop.register.exported", map[string]any{"Path": path}))
		}
		if done != nil {
			done()
		}
	})
}

// onSaveReminder sets the village's reminder period from the entry.
func (r *RegisterScreen) onSaveReminder() {
	days, err := strconv.Atoi(strings.TrimSpace(r.Reminder.Text))
	if err != nil || days <= 0 {
		setProblem(r.Problem, lang.L("desktop.register.bad_days"))
		return
	}
	if err := r.d.Store.SetReminderDays(context.Background(), r.villageID, days); err != nil {
		setProblem(r.Problem, errText(r.d, err))
		return
	}
	r.Refresh()
}
