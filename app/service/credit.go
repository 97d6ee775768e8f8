package service

import (
	"bytes"
	"cmp"
	"context"
	"io"
	"os"
	"time"

	"pingxin/app"
	"pingxin/app/atomicfile"
	"pingxin/app/i18n"
	"pingxin/app/importer"
	"pingxin/app/minutes"
)

// FoldSigned takes the village's signed meetings the register has not seen into it, in
// signing order (docs/RULES.md §11). A signed meeting never changes, so each is read
// once; the register is then read from its own table, never by loading every meeting.
func (s *Service) FoldSigned(ctx context.Context, villageID int64) error {
	st := s.st
	ids, err := st.UnfoldedMeetings(ctx, villageID)
	if err != nil || len(ids) == 0 {
		return err
	}
	for _, id := range ids {
		v, m, err := Load(ctx, st, id)
		if err != nil {
			return err
		}
		rec, err := st.SignRecord(ctx, id)
		if err != nil {
			return err
		}
		var lookupErr error
		current := func(idNumber string) *app.CreditRow {
			row, err := st.CreditRow(ctx, villageID, idNumber)
			lookupErr = cmp.Or(lookupErr, err)
			return row
		}
		mc := app.FoldMeeting(m, v.Settings, rec.SignedAt.Local(), current)
		if lookupErr != nil {
			return lookupErr
		}
		if err := st.FoldMeeting(ctx, mc); err != nil {
			return err
		}
	}
	return nil
}

// OpenRegister is the village's credit register on today, with every signed meeting
// folded in first.
func (s *Service) OpenRegister(ctx context.Context, villageID int64, today time.Time) (*app.Register, error) {
	st := s.st
	v, err := st.Village(ctx, villageID)
	if err != nil {
		return nil, err
	}
	if err := s.FoldSigned(ctx, villageID); err != nil {
		return nil, err
	}
	rows, err := st.CreditRegister(ctx, villageID)
	if err != nil {
		return nil, err
	}
	days, err := st.ReminderDays(ctx, villageID)
	if err != nil {
		return nil, err
	}
	return app.NewRegister(villageID, v.Settings, days, today, rows), nil
}

// BankSummary is what a bank reply did: answers recorded, approved and refused.
type BankSummary struct {
	Village  int64
	Approved int
	Refused  int
}

// Text is the one-line summary for a person.
func (s *BankSummary) Text(l i18n.Lang) string {
	return i18n.T(l, "credit.bank_summary", i18n.Data{"Approved": s.Approved, "Refused": s.Refused})
}

// ImportBank loads the bank's reply sheet at path into the village's register: every
// row matched by ID number to a household a signed meeting passed, checked (amount no
// more than passed, no date before the signing), and recorded all together; a sheet
// with any bad row records nothing and is an *importer.FileErrors naming each.
func (s *Service) ImportBank(ctx context.Context, villageID int64, path string, today time.Time) (*BankSummary, error) {
	st := s.st
	if _, err := st.Village(ctx, villageID); err != nil {
		return nil, err
	}
	if err := s.FoldSigned(ctx, villageID); err != nil {
		return nil, err
	}
	t, err := importer.ReadTable(path, importer.BankSchema)
	if err != nil {
		return nil, err
	}
	rows, err := st.CreditRegister(ctx, villageID)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*app.CreditRow, len(rows))
	for i := range rows {
		byID[rows[i].IDNumber] = &rows[i]
	}
	answers, err := importer.ParseBank(t, today, func(id string) *app.CreditRow { return byID[id] })
	if err != nil {
		return nil, err
	}
	return s.recordAnswers(ctx, villageID, answers)
}

// RecordBankAnswer records one answer typed on the desktop, checked like a sheet's row.
func (s *Service) RecordBankAnswer(ctx context.Context, villageID int64, a app.BankAnswer) error {
	st := s.st
	row, err := st.CreditRow(ctx, villageID, a.IDNumber)
	if err != nil {
		return err
	}
	for _, key := range []string{"id", "name", "result", "amount", "date"} {
		if why, bad := a.Check(row)[key]; bad {
			return &app.Error{Code: app.EINVALID, Message: why}
		}
	}
	if a.Result == "" {
		return app.Errorf(app.EINVALID, "credit.result_required")
	}
	_, err = s.recordAnswers(ctx, villageID, []app.BankAnswer{a})
	return err
}

func (svc *Service) recordAnswers(ctx context.Context, villageID int64, answers []app.BankAnswer) (*BankSummary, error) {
	st := svc.st
	s := &BankSummary{Village: villageID}
	for _, a := range answers {
		if a.Result == app.BankApproved {
			s.Approved++
		} else {
			s.Refused++
		}
	}
	if len(answers) == 0 {
		return s, nil
	}
	if err := st.AddBankAnswers(ctx, villageID, answers); err != nil {
		return nil, err
	}
	return s, nil
}

// RenewalSummary is what taking the due households into a meeting did.
type RenewalSummary struct {
	Added   int
	Already int // due households already on the meeting's list
}

// RenewInto puts every household whose rating is due on today on meeting meetingID's
// list, in one step: each starts from its last passing nomination (group, phone,
// household, purpose) and asks for the amount it holds. Households already on the list
// are left as they are.
func (svc *Service) RenewInto(ctx context.Context, meetingID int64, today time.Time) (*RenewalSummary, error) {
	st := svc.st
	m, err := st.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	if m.Locked() {
		return nil, app.Errorf(app.ELOCKED, "meeting.locked")
	}
	reg, err := svc.OpenRegister(ctx, m.VillageID, today)
	if err != nil {
		return nil, err
	}
	on := make(map[string]bool, len(m.Nominees))
	for _, n := range m.Nominees {
		on[n.IDNumber] = true
	}
	s := &RenewalSummary{}
	origins := map[int64]*app.Meeting{}
	var add []app.Nominee
	for _, e := range reg.Due() {
		if on[e.IDNumber] {
			s.Already++
			continue
		}
		prev, err := previousNominee(ctx, st, origins, e.MeetingID, e.NomineeID)
		if err != nil {
			return nil, err
		}
		add = append(add, app.RenewalNominee(&e.CreditRow, prev))
	}
	if len(add) > 0 {
		if err := st.AddNominees(ctx, meetingID, add); err != nil {
			return nil, err
		}
	}
	s.Added = len(add)
	return s, nil
}

// previousNominee finds the nomination a register row was passed on, reading each
// meeting once; nil when it is gone.
func previousNominee(ctx context.Context, st app.Reader, cache map[int64]*app.Meeting, meetingID, nomineeID int64) (*app.Nominee, error) {
	m, ok := cache[meetingID]
	if !ok {
		var err error
		if m, err = st.Meeting(ctx, meetingID); err != nil {
			return nil, err
		}
		cache[meetingID] = m
	}
	for i := range m.Nominees {
		if m.Nominees[i].ID == nomineeID {
			return &m.Nominees[i], nil
		}
	}
	return nil, nil
}

// LastRating is the line a council reads while deliberating a household the village
// rated before ("上次评议：〔2023〕2号，通过 20万；银行批准 15万"); "" for a household new
// to the register.
func LastRating(ctx context.Context, st app.Reader, villageID int64, idNumber string, l i18n.Lang) (string, error) {
	row, err := st.CreditRow(ctx, villageID, idNumber)
	if err != nil || row == nil {
		return "", err
	}
	return row.LastRating(l), nil
}

// WriteRegisterSheet writes the village's register on today for the bank as XLSX
// (full IDs, as text cells; the blacklisted households on their own sheet), whole or
// not at all, readable by its owner only since it holds full ID numbers.
func (s *Service) WriteRegisterSheet(ctx context.Context, villageID int64, path string, today time.Time) error {
	return s.writeRegister(ctx, villageID, path, today, 0o600, minutes.RegisterSheet)
}

// WriteRegisterPDF writes the village's register on today as a printable PDF with
// masked IDs, for the village file, whole or not at all; 0600 like every file that
// names households (docs/RULES.md §9).
func (s *Service) WriteRegisterPDF(ctx context.Context, villageID int64, path string, today time.Time) error {
	return s.writeRegister(ctx, villageID, path, today, 0o600, minutes.RenderRegister)
}

func (s *Service) writeRegister(ctx context.Context, villageID int64, path string, today time.Time, perm os.FileMode,
	r func(io.Writer, string, *app.Register, minutes.Options) error) error {
	st := s.st
	v, err := st.Village(ctx, villageID)
	if err != nil {
		return err
	}
	reg, err := s.OpenRegister(ctx, villageID, today)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := r(&buf, v.Name, reg, minutes.Options{Now: today}); err != nil {
		return err
	}
	return atomicfile.WriteBytes(path, perm, buf.Bytes())
}

// SetReminderDays sets how many days before a rating expires the village's register
// lists it as due (docs/RULES.md §11.6); days must be positive.
func (s *Service) SetReminderDays(ctx context.Context, villageID int64, days int) error {
	return s.st.SetReminderDays(ctx, villageID, days)
}
