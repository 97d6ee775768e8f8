package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"pingxin/app"
	"pingxin/app/amount"
)

// CreditHistory returns one household's history in date order (undated entries first,
// then by the order they were recorded), with the blacklist's own record of when the
// household was put on it and taken off.
func (s *Store) CreditHistory(ctx context.Context, villageID int64, idNumber string) ([]app.CreditEvent, error) {
	return readTx(ctx, s, func(tx *sql.Tx) ([]app.CreditEvent, error) {
		out, err := events(ctx, tx, villageID, idNumber)
		if err != nil {
			return nil, err
		}
		bl, err := blacklistEvents(ctx, tx, villageID, idNumber)
		if err != nil {
			return nil, err
		}
		out = append(out, bl...)
		sortHistory(out)
		return out, nil
	})
}

// sortHistory orders a household's history by date. An event without one (a visit
// whose date nobody gave, shown as 未填写) stays with its meeting: after that meeting's
// dated events, never at the head of the history as if it came first.
func sortHistory(out []app.CreditEvent) {
	meetingDay := map[int64]time.Time{}
	for _, e := range out {
		if d, ok := meetingDay[e.MeetingID]; !e.Date.IsZero() && (!ok || e.Date.Before(d)) {
			meetingDay[e.MeetingID] = e.Date
		}
	}
	day := func(e app.CreditEvent) time.Time {
		if e.Date.IsZero() && e.MeetingID != 0 {
			return meetingDay[e.MeetingID]
		}
		return e.Date
	}
	slices.SortStableFunc(out, func(a, b app.CreditEvent) int {
		if c := day(a).Compare(day(b)); c != 0 {
			return c
		}
		switch {
		case a.Date.IsZero() && !b.Date.IsZero():
			return 1
		case !a.Date.IsZero() && b.Date.IsZero():
			return -1
		}
		return 0
	})
}

func events(ctx context.Context, tx *sql.Tx, villageID int64, idNumber string) ([]app.CreditEvent, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, on_date, kind, coalesce(meeting_id, 0), doc_number, outcome,
		amount, detail FROM credit_events WHERE village_id = ? AND id_number = ? ORDER BY on_date, id`, villageID, idNumber)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.CreditEvent
	for rows.Next() {
		e := app.CreditEvent{IDNumber: idNumber}
		var date, kind string
		var amt int64
		if err := rows.Scan(&e.Name, &date, &kind, &e.MeetingID, &e.DocNumber, &e.Outcome, &amt, &e.Detail); err != nil {
			return nil, err
		}
		e.Kind, e.Amount = app.CreditEventKind(kind), amount.Yuan(amt)
		if e.Date, err = parseDate(date); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// blacklistEvents reads the household's blacklist entries as history: the entry's own
// date (or the day it was recorded when the list gave none) and, for a removed entry,
// the day and reason it was removed.
func blacklistEvents(ctx context.Context, tx *sql.Tx, villageID int64, idNumber string) ([]app.CreditEvent, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, category, source, date, note, added_at, coalesce(removed_at, ''),
		coalesce(removed_reason, '') FROM blacklist WHERE village_id = ? AND id_number = ? ORDER BY id`, villageID, idNumber)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.CreditEvent
	for rows.Next() {
		var name, category, source, date, note, added, removed, reason string
		if err := rows.Scan(&name, &category, &source, &date, &note, &added, &removed, &reason); err != nil {
			return nil, err
		}
		on, err := parseDate(date)
		if err != nil {
			return nil, err
		}
		if on.IsZero() {
			if on, err = parseInstant(added); err != nil {
				return nil, err
			}
		}
		out = append(out, app.CreditEvent{IDNumber: idNumber, Name: name, Date: on, Kind: app.EventBlacklisted,
			DocNumber: source, Outcome: category, Detail: note})
		if removed != "" {
			off, err := parseInstant(removed)
			if err != nil {
				return nil, err
			}
			out = append(out, app.CreditEvent{IDNumber: idNumber, Name: name, Date: off, Kind: app.EventBlacklistRemoved,
				Outcome: category, Detail: reason})
		}
	}
	return out, rows.Err()
}

// AddBankAnswers records the bank's answers in one transaction: each as history and on
// its household's register row, which must exist (the caller checked the answers
// against the rows). An answer for a household not in the register is ENOTFOUND and
// nothing is recorded.
func (s *Store) AddBankAnswers(ctx context.Context, villageID int64, answers []app.BankAnswer) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `UPDATE credit_register SET bank_result = ?, bank_amount = ?, bank_date = ?,
			bank_rate = ?, bank_note = ? WHERE village_id = ? AND id_number = ? RETURNING meeting_id, name`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		a, err := s.newAuditor(ctx, tx)
		if err != nil {
			return err
		}
		defer a.Close()
		evs := make([]app.CreditEvent, len(answers))
		for i, ans := range answers {
			var meetingID int64
			var name string
			err := stmt.QueryRowContext(ctx, string(ans.Result), int64(ans.Amount), formatDate(ans.Date), ans.Rate, ans.Note,
				villageID, ans.IDNumber).Scan(&meetingID, &name)
			if errors.Is(err, sql.ErrNoRows) {
				return app.Errorf(app.ENOTFOUND, "credit.not_found", "ID", maskID(ans.IDNumber))
			} else if err != nil {
				return err
			}
			evs[i] = app.CreditEvent{IDNumber: ans.IDNumber, Name: name, Date: ans.Date, Kind: app.EventBank,
				MeetingID: meetingID, DocNumber: ans.Source, Outcome: string(ans.Result), Amount: ans.Amount,
				Detail: joinNonEmpty(ans.Rate, ans.Note)}
			desc := name + " " + maskID(ans.IDNumber) + " " + string(ans.Result) + " " + ans.Amount.String()
			if err := a.log(ctx, auditRef{0, "credit_register", meetingID}, "bank_result", "", desc); err != nil {
				return err
			}
		}
		if err := s.addEvents(ctx, tx, villageID, evs); err != nil {
			return err
		}
		return nil
	})
}

func joinNonEmpty(parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), "；")
}

// ReminderDays is the village's reminder period, app.DefaultReminderDays until set.
func (s *Store) ReminderDays(ctx context.Context, villageID int64) (int, error) {
	var days int
	err := s.rdb.QueryRowContext(ctx, `SELECT reminder_days FROM credit_settings WHERE village_id = ?`, villageID).Scan(&days)
	if errors.Is(err, sql.ErrNoRows) {
		return app.DefaultReminderDays, nil
	}
	return cmp.Or(days, app.DefaultReminderDays), err
}

// SetReminderDays sets the village's reminder period; days must be positive.
func (s *Store) SetReminderDays(ctx context.Context, villageID int64, days int) error {
	if days <= 0 {
		return app.Errorf(app.EINVALID, "settings.positive")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := villageExists(ctx, tx, villageID); err != nil {
			return err
		}
		old, err := s.ReminderDays(ctx, villageID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO credit_settings (village_id, reminder_days) VALUES (?, ?)
			ON CONFLICT (village_id) DO UPDATE SET reminder_days = excluded.reminder_days`, villageID, days); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, auditRef{0, "villages", villageID}, "reminder_days", itoa(old), itoa(days)); err != nil {
			return err
		}
		return nil
	})
}
