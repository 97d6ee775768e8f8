package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"pingxin/app"
)

// meetingColumns are read by scanMeeting, in its order.
const meetingColumns = `g.id, g.village_id, v.name, g.type, g.doc_number, g.date, g.time, g.place, g.chair,
	g.clerk, g.status, coalesce(g.amends_id, 0), g.amends_why`

// statusRank orders the statuses a meeting moves through; it never moves back.
var statusRank = map[app.Status]int{app.StatusDraft: 1, app.StatusInSession: 2, app.StatusClosed: 3, app.StatusSigned: 4}

// CreateMeeting stores a new meeting with its roll call (and any nominees already on
// it), after m.Validate, and sets m.ID, m.Village and the nominees' IDs and Seq. The
// roll call keeps each member's name, bodies and role as the roster has them now. A
// meeting starts as a draft unless m.Status says in session or closed; it cannot start
// signed, and it may amend only a signed meeting.
func (s *Store) CreateMeeting(ctx context.Context, m *app.Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if m.Status == "" {
		m.Status = app.StatusDraft
	}
	if err := checkNewStatus(m.Status); err != nil {
		return err
	}
	var created createdMeeting
	if err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		created, err = s.createMeeting(ctx, tx, m)
		return err
	}); err != nil {
		return err
	}
	created.apply(m)
	return nil
}

// checkNewStatus refuses a status a new meeting cannot have.
func checkNewStatus(st app.Status) error {
	switch r := statusRank[st]; {
	case r == 0:
		return app.Errorf(app.EINVALID, "data.status_invalid", "Value", string(st))
	case st == app.StatusSigned:
		return app.Errorf(app.EINVALID, "data.status_sign_only")
	}
	return nil
}

// createdMeeting is what a transaction assigned, applied to the caller's meeting only
// once it has committed.
type createdMeeting struct {
	id      int64
	village string
	ns      []placed
}

func (c createdMeeting) apply(m *app.Meeting) {
	m.ID, m.Village = c.id, c.village
	for i, p := range c.ns {
		m.Nominees[i].ID, m.Nominees[i].Seq, m.Nominees[i].MeetingID = p.id, p.seq, c.id
	}
}

func (s *Store) createMeeting(ctx context.Context, tx *sql.Tx, m *app.Meeting) (createdMeeting, error) {
	var c createdMeeting
	if err := tx.QueryRowContext(ctx, `SELECT name FROM villages WHERE id = ?`, m.VillageID).Scan(&c.village); errors.Is(err, sql.ErrNoRows) {
		return c, app.Errorf(app.ENOTFOUND, "village.not_found", "Name", itoa(m.VillageID))
	} else if err != nil {
		return c, err
	}
	if m.AmendsID != 0 {
		if err := amendable(ctx, tx, m.AmendsID); err != nil {
			return c, err
		}
	}
	if err := docNumber(ctx, tx, m, c.village); err != nil {
		return c, err
	}
	var err error
	if c.id, err = s.insertMeeting(ctx, tx, m); err != nil {
		return c, err
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return c, err
	}
	defer a.Close()
	if err := a.log(ctx, auditRef{c.id, "meetings", c.id}, fieldCreated, "", meetingDesc(m)); err != nil {
		return c, err
	}
	if err := insertAttendance(ctx, tx, a, c.id, m.VillageID, 1, m.Attendance); err != nil {
		return c, err
	}
	c.ns, err = insertNominees(ctx, tx, a, nil, c.id, m.Nominees) // the new roll call has its meeting recomputed whole
	return c, err
}

func (s *Store) insertMeeting(ctx context.Context, tx *sql.Tx, m *app.Meeting) (int64, error) {
	var amends any
	if m.AmendsID != 0 {
		amends = m.AmendsID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO meetings (village_id, type, doc_number, date, time, place, chair,
		clerk, status, amends_id, amends_why, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.VillageID, m.Type, m.DocNumber, formatDate(m.Date), m.Time, m.Place, m.Chair, m.Clerk,
		string(m.Status), amends, m.AmendsWhy, s.now())
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// meetingDesc is how the audit log names a new meeting.
func meetingDesc(m *app.Meeting) string {
	d := formatDate(m.Date) + " " + m.Type
	if m.DocNumber != "" {
		d += " " + m.DocNumber
	}
	return d
}

// unlocked returns the meeting's status and village, ENOTFOUND when there is no such
// meeting and ELOCKED when it is signed. Every change to a meeting calls it first, in
// the transaction that makes the change.
func unlocked(ctx context.Context, tx *sql.Tx, meetingID int64) (app.Status, int64, error) {
	var status string
	var villageID int64
	err := tx.QueryRowContext(ctx, `SELECT status, village_id FROM meetings WHERE id = ?`, meetingID).Scan(&status, &villageID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", 0, app.Errorf(app.ENOTFOUND, "meeting.not_found", "ID", meetingID)
	case err != nil:
		return "", 0, err
	case app.Status(status) == app.StatusSigned:
		return "", 0, app.Errorf(app.ELOCKED, "meeting.locked")
	}
	return app.Status(status), villageID, nil
}

// Meeting returns a meeting with its village's name, its roll call and its nominees in
// Seq order with their verification; ENOTFOUND when there is none.
func (s *Store) Meeting(ctx context.Context, id int64) (*app.Meeting, error) {
	return readTx(ctx, s, func(tx *sql.Tx) (*app.Meeting, error) {
		return loadMeeting(ctx, tx, id)
	})
}

// loadMeeting reads a whole meeting: its row, its roll call and its list.
func loadMeeting(ctx context.Context, tx *sql.Tx, id int64) (*app.Meeting, error) {
	m, err := loadRollCall(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	ns, err := nomineesOf(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	m.Nominees = ns[id]
	return m, nil
}

// RollCall returns a meeting with its village's name and its roll call, without its
// households (a mark that cannot recount a vote reads no more); ENOTFOUND when there
// is none.
func (s *Store) RollCall(ctx context.Context, id int64) (*app.Meeting, error) {
	return readTx(ctx, s, func(tx *sql.Tx) (*app.Meeting, error) {
		return loadRollCall(ctx, tx, id)
	})
}

// loadRollCall reads a meeting's facts and roll call.
func loadRollCall(ctx context.Context, tx *sql.Tx, id int64) (*app.Meeting, error) {
	m, err := loadFacts(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	as, err := attendanceOf(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	m.Attendance = as[id]
	return m, nil
}

func scanMeeting(r scanner) (*app.Meeting, error) {
	var m app.Meeting
	var date, status string
	if err := r.Scan(&m.ID, &m.VillageID, &m.Village, &m.Type, &m.DocNumber, &date, &m.Time, &m.Place,
		&m.Chair, &m.Clerk, &status, &m.AmendsID, &m.AmendsWhy); err != nil {
		return nil, err
	}
	m.Status = app.Status(status)
	var err error
	m.Date, err = parseDate(date)
	return &m, err
}

// Meetings lists every meeting, the latest first, with its counts and total as the
// domain's own rule (app.Nominee.Result) gave them under its village's settings: each
// household's result is stored when it changes (outcome.go), so the list is one sum by
// meeting over an index, not a load of every household: the home screen and `meetings`
// open at once on a database of 50,000 (BenchmarkMeetings50k).
func (s *Store) Meetings(ctx context.Context) ([]app.MeetingSummary, error) {
	return readTx(ctx, s, func(tx *sql.Tx) ([]app.MeetingSummary, error) {
		ms, err := allMeetings(ctx, tx)
		if err != nil {
			return nil, err
		}
		return summarise(ctx, tx, ms)
	})
}

func allMeetings(ctx context.Context, tx *sql.Tx) ([]*app.Meeting, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+meetingColumns+` FROM meetings g JOIN villages v ON v.id = g.village_id
		ORDER BY g.date DESC, g.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*app.Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// meetingFacts lists the audited facts of a meeting: what UpdateMeeting may change.
func meetingFacts(m *app.Meeting) []field {
	return []field{
		{name: "type", value: m.Type},
		{name: "doc_number", value: m.DocNumber},
		{name: "date", value: formatDate(m.Date)},
		{name: "time", value: m.Time},
		{name: "place", value: m.Place},
		{name: "chair", value: m.Chair},
		{name: "clerk", value: m.Clerk},
	}
}

// UpdateMeeting changes a meeting's facts (type, number, date, time, place, chair,
// clerk), after m.Validate, and logs each fact that changed. Roll call, status and
// nominees have their own methods. A signed meeting is ELOCKED.
func (s *Store) UpdateMeeting(ctx context.Context, m *app.Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.updateMeeting(ctx, tx, m); err != nil {
			return lockedByTrigger(err)
		}
		return nil
	})
}

func (s *Store) updateMeeting(ctx context.Context, tx *sql.Tx, m *app.Meeting) error {
	if _, _, err := unlocked(ctx, tx, m.ID); err != nil {
		return err
	}
	old, err := loadFacts(ctx, tx, m.ID)
	if err != nil {
		return err
	}
	m.VillageID = old.VillageID
	if m.DocNumber == "" { // a 文号 once given stays: clearing it would leave a gap
		m.DocNumber = old.DocNumber
	}
	if err := docNumberFree(ctx, tx, m); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meetings SET type = ?, doc_number = ?, date = ?, time = ?, place = ?,
		chair = ?, clerk = ? WHERE id = ?`, m.Type, m.DocNumber, formatDate(m.Date), m.Time, m.Place, m.Chair,
		m.Clerk, m.ID); err != nil {
		return err
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return err
	}
	defer a.Close()
	return a.changes(ctx, auditRef{m.ID, "meetings", m.ID}, meetingFacts(old), meetingFacts(m))
}

// loadFacts reads a meeting's own row, without roll call or nominees.
func loadFacts(ctx context.Context, tx *sql.Tx, id int64) (*app.Meeting, error) {
	row := tx.QueryRowContext(ctx, `SELECT `+meetingColumns+` FROM meetings g JOIN villages v ON v.id = g.village_id
		WHERE g.id = ?`, id)
	m, err := scanMeeting(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, app.Errorf(app.ENOTFOUND, "meeting.not_found", "ID", id)
	} else if err != nil {
		return nil, err
	}
	m.Rules, m.SignedFingerprint, err = signedRules(ctx, tx, id)
	return m, err
}

// SetStatus moves a meeting forward (draft → in session → closed); setting the status it
// has is a no-op. It never moves back and never to signed, which only Sign does. A
// signed meeting is ELOCKED.
func (s *Store) SetStatus(ctx context.Context, meetingID int64, st app.Status) error {
	if err := checkNewStatus(st); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.setStatus(ctx, tx, meetingID, st); err != nil {
			return lockedByTrigger(err)
		}
		return nil
	})
}

func (s *Store) setStatus(ctx context.Context, tx *sql.Tx, meetingID int64, st app.Status) error {
	old, _, err := unlocked(ctx, tx, meetingID)
	if err != nil {
		return err
	}
	switch {
	case old == st:
		return nil
	case statusRank[st] < statusRank[old]:
		return app.Errorf(app.EINVALID, "data.status_backward", "From", string(old), "To", string(st))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meetings SET status = ? WHERE id = ?`, string(st), meetingID); err != nil {
		return err
	}
	return s.audit(ctx, tx, auditRef{meetingID, "meetings", meetingID}, "status", string(old), string(st))
}

// docNumber gives a new meeting without one the village's next 文号 for the meeting's
// year, in the transaction that stores it, so that two writers never get the same
// number; a number given by hand must not be the village's already.
func docNumber(ctx context.Context, tx *sql.Tx, m *app.Meeting, village string) error {
	m.DocNumber = strings.TrimSpace(m.DocNumber)
	if m.DocNumber != "" {
		return docNumberFree(ctx, tx, m)
	}
	rows, err := tx.QueryContext(ctx, `SELECT doc_number FROM meetings WHERE village_id = ?`, m.VillageID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var used []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return err
		}
		used = append(used, d)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	m.DocNumber = app.NextDocNumberAfter(village, m.Date.Year(), used)
	return nil
}

// docNumberFree refuses a 文号 another meeting of the village already has.
func docNumberFree(ctx context.Context, tx *sql.Tx, m *app.Meeting) error {
	if m.DocNumber == "" {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM meetings WHERE village_id = ? AND doc_number = ? AND id <> ?`,
		m.VillageID, m.DocNumber, m.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return app.Errorf(app.ECONFLICT, "process.doc_number_used", "Number", m.DocNumber)
	}
	return nil
}
