package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"pingxin/app"
)

// signedOnly returns ENOTFOUND for no such meeting and EINVALID with key for one that
// is not signed: review and 公示 are steps after signing.
func signedOnly(ctx context.Context, tx *sql.Tx, meetingID int64, key string) error {
	var status string
	err := tx.QueryRowContext(ctx, `SELECT status FROM meetings WHERE id = ?`, meetingID).Scan(&status)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return app.Errorf(app.ENOTFOUND, "meeting.not_found", "ID", meetingID)
	case err != nil:
		return err
	case app.Status(status) != app.StatusSigned:
		return app.Errorf(app.EINVALID, key)
	}
	return nil
}

// SaveReview records the 组织审定 of a signed meeting. A second review of the same
// meeting is ECONFLICT: the record, once made, never changes.
func (s *Store) SaveReview(ctx context.Context, r app.Review) error {
	if r.RecordedAt.IsZero() {
		r.RecordedAt = s.Now()
	}
	return s.inTx(ctx, func(tx *sql.Tx) (err error) {
		if err := signedOnly(ctx, tx, r.MeetingID, "process.review_unsigned"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO reviews (meeting_id, date, reviewer, opinion, recorded_at)
			VALUES (?, ?, ?, ?, ?)`, r.MeetingID, formatDate(r.Date), r.Reviewer, r.Opinion, formatInstant(r.RecordedAt))
		if isUnique(err) {
			return app.Errorf(app.ECONFLICT, "process.review_exists")
		} else if err != nil {
			return err
		}
		desc := formatDate(r.Date) + " " + r.Reviewer + "：" + r.Opinion
		if err := s.audit(ctx, tx, auditRef{r.MeetingID, "reviews", r.MeetingID}, fieldCreated, "", desc); err != nil {
			return err
		}
		return nil
	})
}

// Review returns the 组织审定 of a meeting; nil, nil when there is none yet.
func (s *Store) Review(ctx context.Context, meetingID int64) (*app.Review, error) {
	r := app.Review{MeetingID: meetingID}
	var date, at string
	err := s.rdb.QueryRowContext(ctx, `SELECT date, reviewer, opinion, recorded_at FROM reviews WHERE meeting_id = ?`,
		meetingID).Scan(&date, &r.Reviewer, &r.Opinion, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if r.Date, err = parseDate(date); err != nil {
		return nil, err
	}
	if r.RecordedAt, err = parseInstant(at); err != nil {
		return nil, err
	}
	return &r, nil
}

// publicityColumns are read by scanPublicity, in its order.
const publicityColumns = `meeting_id, start, days, place, object_place, contact, phone, supervise_phone,
	issued_at, outcome, note, objections, closed_at`

// SavePublicity records the 公示 of a signed meeting, or restarts the period of one
// whose outcome is not recorded yet (the notice was posted again from another day).
// Once the outcome is recorded it is ECONFLICT.
func (s *Store) SavePublicity(ctx context.Context, p app.Publicity) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := signedOnly(ctx, tx, p.MeetingID, "process.notice_unsigned"); err != nil {
			return err
		}
		old, err := publicityOf(ctx, tx, p.MeetingID)
		if err != nil {
			return err
		}
		if old != nil && old.Closed() {
			return app.Errorf(app.ECONFLICT, "process.publicity_closed", "Outcome", string(old.Outcome))
		}
		n := p.Notice
		if _, err := tx.ExecContext(ctx, `INSERT INTO publicities (meeting_id, start, days, place, object_place, contact,
			phone, supervise_phone, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (meeting_id) DO UPDATE SET start = excluded.start, days = excluded.days, place = excluded.place,
			object_place = excluded.object_place, contact = excluded.contact, phone = excluded.phone,
			supervise_phone = excluded.supervise_phone, issued_at = excluded.issued_at`,
			p.MeetingID, formatDate(p.Start), p.Days, n.Place, n.ObjectPlace, n.Contact, n.Phone, n.SupervisePhone,
			formatInstant(p.IssuedAt)); err != nil {
			return err
		}
		oldDesc := ""
		if old != nil {
			oldDesc = publicityDesc(old)
		}
		if newDesc := publicityDesc(&p); newDesc != oldDesc {
			if err := s.audit(ctx, tx, auditRef{p.MeetingID, "publicities", p.MeetingID}, "period", oldDesc, newDesc); err != nil {
				return err
			}
		}
		return nil
	})
}

// publicityDesc is how the audit log shows a 公示's period.
func publicityDesc(p *app.Publicity) string {
	return formatDate(p.Start) + " +" + itoa(p.Days) + " " + p.Notice.Place
}

// ClosePublicity records the outcome p carries (set by app.Publicity.Close) on the
// meeting's 公示. A 公示 that was never issued is ENOTFOUND; one already closed ECONFLICT.
func (s *Store) ClosePublicity(ctx context.Context, p app.Publicity) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := publicityOf(ctx, tx, p.MeetingID)
		switch {
		case err != nil:
			return err
		case old == nil:
			return app.Errorf(app.ENOTFOUND, "process.no_publicity")
		case old.Closed():
			return app.Errorf(app.ECONFLICT, "process.publicity_closed", "Outcome", string(old.Outcome))
		case !p.Closed():
			return app.Errorf(app.EINVALID, "process.outcome", "Value", "")
		}
		obs, err := json.Marshal(orEmpty(p.Objections))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE publicities SET outcome = ?, note = ?, objections = ?, closed_at = ?
			WHERE meeting_id = ?`, string(p.Outcome), p.Note, string(obs), formatInstant(p.ClosedAt), p.MeetingID); err != nil {
			return err
		}
		desc := string(p.Outcome)
		for _, o := range p.Objections {
			desc += "；" + o.Text + " → " + o.Settlement
		}
		if err := s.audit(ctx, tx, auditRef{p.MeetingID, "publicities", p.MeetingID}, "outcome", "", desc); err != nil {
			return err
		}
		return nil
	})
}

func orEmpty(xs []app.Objection) []app.Objection {
	if xs == nil {
		return []app.Objection{}
	}
	return xs
}

// Publicity returns the 公示 of a meeting; nil, nil when none was issued.
func (s *Store) Publicity(ctx context.Context, meetingID int64) (*app.Publicity, error) {
	return readTx(ctx, s, func(tx *sql.Tx) (*app.Publicity, error) {
		return publicityOf(ctx, tx, meetingID)
	})
}

func publicityOf(ctx context.Context, tx *sql.Tx, meetingID int64) (*app.Publicity, error) {
	var p app.Publicity
	var start, issued, outcome, objections, closed string
	n := &p.Notice
	err := tx.QueryRowContext(ctx, `SELECT `+publicityColumns+` FROM publicities WHERE meeting_id = ?`, meetingID).Scan(
		&p.MeetingID, &start, &p.Days, &n.Place, &n.ObjectPlace, &n.Contact, &n.Phone, &n.SupervisePhone,
		&issued, &outcome, &p.Note, &objections, &closed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	p.Outcome = app.Outcome(outcome)
	var errs []error
	p.Start, err = parseDate(start)
	errs = append(errs, err)
	p.IssuedAt, err = parseInstant(issued)
	errs = append(errs, err)
	p.ClosedAt, err = parseInstant(closed)
	errs = append(errs, err)
	if strings.TrimSpace(objections) != "" {
		errs = append(errs, json.Unmarshal([]byte(objections), &p.Objections))
	}
	if len(p.Objections) == 0 {
		p.Objections = nil
	}
	return &p, errors.Join(errs...)
}
