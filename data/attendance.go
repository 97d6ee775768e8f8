package data

import (
	"context"
	"database/sql"
	"errors"

	"pingxin/app"
)

// insertAttendance puts the roll call on the meeting from place first on, each member
// as the village's roster has them; someone not on that roster now is refused.
func insertAttendance(ctx context.Context, tx *sql.Tx, a *auditor, meetingID, villageID int64, first int, as []app.Attendance) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO attendance (meeting_id, member_id, seq, name, bodies, role,
		presence, late_at) SELECT ?, id, ?, name, bodies, role, ?, ? FROM members WHERE id = ? AND village_id = ?
		AND removed_at IS NULL RETURNING name`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, at := range as {
		var name string
		err := stmt.QueryRowContext(ctx, meetingID, first+i, string(at.Presence), markAt(at.Presence, at.At),
			at.MemberID, villageID).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return app.Errorf(app.EINVALID, "meeting.unknown_member", "Name", at.Name)
		} else if isUnique(err) {
			return app.Errorf(app.EINVALID, "village.member_twice", "Name", at.Name)
		} else if err != nil {
			return err
		}
		desc := name + " " + string(at.Presence) + " " + markAt(at.Presence, at.At)
		if err := a.log(ctx, auditRef{meetingID, "attendance", at.MemberID}, fieldCreated, "", desc); err != nil {
			return err
		}
	}
	return nil
}

// markAt keeps a time only for a mark that has one (迟到, 早退).
func markAt(p app.Presence, at string) string {
	if !p.Timed() {
		return ""
	}
	return at
}

// attendanceOf returns the roll call of one meeting, or of all when meetingID is 0,
// by meeting, in roll-call order.
func attendanceOf(ctx context.Context, tx *sql.Tx, meetingID int64) (map[int64][]app.Attendance, error) {
	q := `SELECT meeting_id, member_id, name, bodies, role, presence, late_at FROM attendance`
	var args []any
	if meetingID != 0 {
		q, args = q+` WHERE meeting_id = ?`, []any{meetingID}
	}
	rows, err := tx.QueryContext(ctx, q+` ORDER BY meeting_id, seq`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]app.Attendance{}
	for rows.Next() {
		var a app.Attendance
		var mid int64
		var bodies, role, presence string
		if err := rows.Scan(&mid, &a.MemberID, &a.Name, &bodies, &role, &presence, &a.At); err != nil {
			return nil, err
		}
		if a.Bodies, err = parseList[app.Body](bodies); err != nil {
			return nil, err
		}
		a.Role, a.Presence = app.Role(role), app.Presence(presence)
		out[mid] = append(out[mid], a)
	}
	return out, rows.Err()
}

// SetPresence marks one member in the roll call (at, HH:MM, only for 迟到 and 早退) and logs
// what changed. A village member missing from the roll call (added to the roster after
// the meeting was created) is added to it. Each of recounts gives a recorded vote its
// new present set, audited, in the same transaction. A signed meeting is ELOCKED.
func (s *Store) SetPresence(ctx context.Context, meetingID, memberID int64, p app.Presence, at string, recounts []app.Recount) error {
	if q, ok := app.ParsePresence(string(p)); !ok || q != p {
		return app.Errorf(app.EINVALID, "meeting.presence", "Name", itoa(memberID), "Value", string(p))
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.setPresence(ctx, tx, meetingID, memberID, p, markAt(p, at)); err != nil {
			return lockedByTrigger(err)
		}
		if err := s.recount(ctx, tx, meetingID, recounts); err != nil {
			return lockedByTrigger(err)
		}
		return nil
	})
}

func (s *Store) setPresence(ctx context.Context, tx *sql.Tx, meetingID, memberID int64, p app.Presence, at string) error {
	_, villageID, err := unlocked(ctx, tx, meetingID)
	if err != nil {
		return err
	}
	var name, oldP, oldAt string
	err = tx.QueryRowContext(ctx, `SELECT name, presence, late_at FROM attendance WHERE meeting_id = ? AND member_id = ?`,
		meetingID, memberID).Scan(&name, &oldP, &oldAt)
	if errors.Is(err, sql.ErrNoRows) {
		return s.addToRoll(ctx, tx, meetingID, villageID, memberID, p, at)
	} else if err != nil {
		return err
	}
	if err := app.CheckMark(name, p, at); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE attendance SET presence = ?, late_at = ? WHERE meeting_id = ? AND member_id = ?`,
		string(p), at, meetingID, memberID); err != nil {
		return err
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return err
	}
	defer a.Close()
	old := []field{{name: "presence", value: oldP}, {name: "late_at", value: oldAt}}
	new := []field{{name: "presence", value: string(p)}, {name: "late_at", value: at}}
	return a.changes(ctx, auditRef{meetingID, "attendance", memberID}, old, new)
}

// addToRoll puts a current member of the meeting's village on its roll call.
func (s *Store) addToRoll(ctx context.Context, tx *sql.Tx, meetingID, villageID, memberID int64, p app.Presence, at string) error {
	var name string
	var seq int
	err := tx.QueryRowContext(ctx, `SELECT m.name, (SELECT coalesce(max(seq), 0) + 1 FROM attendance WHERE meeting_id = ?)
		FROM members m WHERE m.id = ? AND m.village_id = ? AND m.removed_at IS NULL`, meetingID, memberID, villageID).Scan(&name, &seq)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Errorf(app.ENOTFOUND, "data.member_not_found", "ID", memberID)
	} else if err != nil {
		return err
	}
	if err := app.CheckMark(name, p, at); err != nil {
		return err
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return err
	}
	defer a.Close()
	return insertAttendance(ctx, tx, a, meetingID, villageID, seq, []app.Attendance{{MemberID: memberID, Name: name, Presence: p, At: at}})
}

// recount stores the new present sets of recorded votes a roll-call change alters.
func (s *Store) recount(ctx context.Context, tx *sql.Tx, meetingID int64, rs []app.Recount) error {
	if len(rs) == 0 {
		return nil
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return err
	}
	defer a.Close()
	for _, r := range rs {
		res, err := tx.ExecContext(ctx, `UPDATE nominees SET vote_voters = ? WHERE id = ? AND meeting_id = ?`,
			formatIDs(r.After), r.NomineeID, meetingID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return app.Errorf(app.ENOTFOUND, "meeting.no_household", "ID", r.NomineeID)
		}
		old := []field{{name: "vote_voters", value: formatIDs(r.Before)}}
		new := []field{{name: "vote_voters", value: formatIDs(r.After)}}
		if err := a.changes(ctx, auditRef{meetingID, "nominees", r.NomineeID}, old, new); err != nil {
			return err
		}
	}
	return nil
}
