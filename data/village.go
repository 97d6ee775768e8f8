package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"pingxin/app"
	"pingxin/app/amount"
)

// settingsColumns are a village's rules (app.Settings), read by settingsRow in its
// order; the rules a meeting was signed under (signed_rules) have the same columns.
const settingsColumns = `quorum_num, quorum_den, majority, standard_cap, raised_cap, rounding_unit,
	validity_years, adult_age, notice_days, notice_place, object_place, notice_contact, notice_phone,
	supervise_phone, forbidden_purposes`

// villageColumns are read by scanVillage, in its order.
const villageColumns = `id, name, town, county_code, ` + settingsColumns

// CreateVillage stores a new village with its roster, after v.Validate, and sets v.ID and
// the members' IDs. A second village of the same name is ECONFLICT.
func (s *Store) CreateVillage(ctx context.Context, v *app.Village) error {
	if err := v.Validate(); err != nil {
		return err
	}
	var ids []int64
	if err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		ids, err = s.createVillage(ctx, tx, v)
		return err
	}); err != nil {
		return err
	}
	v.ID = ids[0]
	for i := range v.Members {
		v.Members[i].ID, v.Members[i].VillageID = ids[i+1], v.ID
	}
	return nil
}

// createVillage inserts v and its members and returns their new IDs, the village first.
func (s *Store) createVillage(ctx context.Context, tx *sql.Tx, v *app.Village) ([]int64, error) {
	st := v.Settings
	res, err := tx.ExecContext(ctx, `INSERT INTO villages (name, town, county_code, quorum_num, quorum_den,
		majority, standard_cap, raised_cap, rounding_unit, validity_years, adult_age, notice_days, notice_place,
		object_place, notice_contact, notice_phone, supervise_phone, forbidden_purposes, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		v.Name, v.Town, v.CountyCode, st.QuorumNum, st.QuorumDen, string(st.Majority), int64(st.StandardCap),
		int64(st.RaisedCap), int64(st.RoundingUnit), st.ValidityYears, st.AdultAge, st.NoticeDays,
		st.Notice.Place, st.Notice.ObjectPlace, st.Notice.Contact, st.Notice.Phone, st.Notice.SupervisePhone,
		formatList(st.ForbiddenPurposes), s.now())
	if isUnique(err) {
		return nil, app.Errorf(app.ECONFLICT, "village.exists", "Name", v.Name)
	} else if err != nil {
		return nil, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return nil, err
	}
	if err := s.audit(ctx, tx, auditRef{0, "villages", id}, fieldCreated, "", v.Name); err != nil {
		return nil, err
	}
	ids := []int64{id}
	for _, m := range v.Members {
		m.VillageID = id
		mid, err := s.insertMember(ctx, tx, &m)
		if err != nil {
			return nil, err
		}
		ids = append(ids, mid)
	}
	return ids, nil
}

// insertMember adds m to its village's roster and the audit log; a name already on
// the roster is ECONFLICT.
func (s *Store) insertMember(ctx context.Context, tx *sql.Tx, m *app.Member) (int64, error) {
	if strings.TrimSpace(m.Name) == "" {
		return 0, app.Errorf(app.EINVALID, "data.member_name_required")
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO members (village_id, name, bodies, role) VALUES (?, ?, ?, ?)`,
		m.VillageID, m.Name, formatList(m.Bodies), string(m.Role))
	if isUnique(err) {
		return 0, app.Errorf(app.ECONFLICT, "data.member_exists", "Name", m.Name)
	} else if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	desc := m.Name + " " + formatList(m.Bodies) + " " + string(m.Role)
	return id, s.audit(ctx, tx, auditRef{0, "members", id}, fieldCreated, "", desc)
}

// Villages lists every village by name with the size of its roster and its number of meetings.
func (s *Store) Villages(ctx context.Context) ([]app.VillageSummary, error) {
	return readTx(ctx, s, func(tx *sql.Tx) ([]app.VillageSummary, error) {
		rows, err := tx.QueryContext(ctx, `SELECT v.id, v.name, v.town,
			(SELECT count(*) FROM members m WHERE m.village_id = v.id AND m.removed_at IS NULL),
			(SELECT count(*) FROM meetings g WHERE g.village_id = v.id)
			FROM villages v ORDER BY v.name, v.id`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []app.VillageSummary
		for rows.Next() {
			var v app.VillageSummary
			if err := rows.Scan(&v.ID, &v.Name, &v.Town, &v.Members, &v.Meetings); err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, rows.Err()
	})
}

// Village returns a village with its current roster; ENOTFOUND when there is none.
func (s *Store) Village(ctx context.Context, id int64) (*app.Village, error) {
	return readTx(ctx, s, func(tx *sql.Tx) (*app.Village, error) {
		return villageWhere(ctx, tx, "id = ?", id, itoa(id))
	})
}

// VillageByName returns the village of that exact name with its roster; ENOTFOUND when
// there is none.
func (s *Store) VillageByName(ctx context.Context, name string) (*app.Village, error) {
	return readTx(ctx, s, func(tx *sql.Tx) (*app.Village, error) {
		return villageWhere(ctx, tx, "name = ?", name, name)
	})
}

// villageWhere loads the one village matching where (with one argument) and its roster;
// shown names it in the not-found message.
func villageWhere(ctx context.Context, tx *sql.Tx, where string, arg any, shown string) (*app.Village, error) {
	row := tx.QueryRowContext(ctx, `SELECT `+villageColumns+` FROM villages WHERE `+where, arg)
	v, err := scanVillage(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, app.Errorf(app.ENOTFOUND, "village.not_found", "Name", shown)
	} else if err != nil {
		return nil, err
	}
	if v.Members, err = members(ctx, tx, v.ID); err != nil {
		return nil, err
	}
	return v, nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

func scanVillage(r scanner) (*app.Village, error) {
	var v app.Village
	var st settingsRow
	if err := r.Scan(append([]any{&v.ID, &v.Name, &v.Town, &v.CountyCode}, st.dest()...)...); err != nil {
		return nil, err
	}
	var err error
	v.Settings, err = st.settings()
	return &v, err
}

// settingsRow receives the settingsColumns of one row.
type settingsRow struct {
	s                      app.Settings
	majority, forbidden    string
	standard, raised, unit int64
}

// dest are the scan destinations of settingsColumns, in their order.
func (r *settingsRow) dest() []any {
	st, n := &r.s, &r.s.Notice
	return []any{&st.QuorumNum, &st.QuorumDen, &r.majority, &r.standard, &r.raised, &r.unit, &st.ValidityYears,
		&st.AdultAge, &st.NoticeDays, &n.Place, &n.ObjectPlace, &n.Contact, &n.Phone, &n.SupervisePhone, &r.forbidden}
}

// settings are the rules scanned.
func (r *settingsRow) settings() (app.Settings, error) {
	st := r.s
	if r.forbidden == "" { // a village from before 0004 has the default list
		st.ForbiddenPurposes = app.DefaultForbiddenPurposes()
	} else if words, err := parseList[string](r.forbidden); err != nil {
		return st, err
	} else {
		st.ForbiddenPurposes = words
	}
	st.Majority = app.Majority(r.majority)
	st.StandardCap, st.RaisedCap, st.RoundingUnit = amount.Yuan(r.standard), amount.Yuan(r.raised), amount.Yuan(r.unit)
	return st, nil
}

// members returns a village's current roster in the order it was entered.
func members(ctx context.Context, tx *sql.Tx, villageID int64) ([]app.Member, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, village_id, name, bodies, role FROM members
		WHERE village_id = ? AND removed_at IS NULL ORDER BY id`, villageID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.Member
	for rows.Next() {
		var m app.Member
		var bodies, role string
		if err := rows.Scan(&m.ID, &m.VillageID, &m.Name, &bodies, &role); err != nil {
			return nil, err
		}
		if m.Bodies, err = parseList[app.Body](bodies); err != nil {
			return nil, err
		}
		m.Role = app.Role(role)
		out = append(out, m)
	}
	return out, rows.Err()
}

// settingsFields lists the audited fields of a village's rules.
func settingsFields(st app.Settings) []field {
	return []field{
		{name: "quorum_num", value: itoa(st.QuorumNum)},
		{name: "quorum_den", value: itoa(st.QuorumDen)},
		{name: "majority", value: string(st.Majority)},
		{name: "standard_cap", value: itoa(st.StandardCap)},
		{name: "raised_cap", value: itoa(st.RaisedCap)},
		{name: "rounding_unit", value: itoa(st.RoundingUnit)},
		{name: "validity_years", value: itoa(st.ValidityYears)},
		{name: "adult_age", value: itoa(st.AdultAge)},
		{name: "notice_days", value: itoa(st.NoticeDays)},
		{name: "notice_place", value: st.Notice.Place},
		{name: "object_place", value: st.Notice.ObjectPlace},
		{name: "notice_contact", value: st.Notice.Contact},
		{name: "notice_phone", value: st.Notice.Phone},
		{name: "supervise_phone", value: st.Notice.SupervisePhone},
		{name: "forbidden_purposes", value: formatList(st.ForbiddenPurposes)},
	}
}

// UpdateSettings replaces a village's rules, after st.Validate, and logs each changed rule.
func (s *Store) UpdateSettings(ctx context.Context, villageID int64, st app.Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.updateSettings(ctx, tx, villageID, st); err != nil {
			return err
		}
		return nil
	})
}

func (s *Store) updateSettings(ctx context.Context, tx *sql.Tx, villageID int64, st app.Settings) error {
	row := tx.QueryRowContext(ctx, `SELECT `+villageColumns+` FROM villages WHERE id = ?`, villageID)
	old, err := scanVillage(row)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Errorf(app.ENOTFOUND, "village.not_found", "Name", itoa(villageID))
	} else if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE villages SET quorum_num = ?, quorum_den = ?, majority = ?,
		standard_cap = ?, raised_cap = ?, rounding_unit = ?, validity_years = ?, adult_age = ?, notice_days = ?,
		notice_place = ?, object_place = ?, notice_contact = ?, notice_phone = ?, supervise_phone = ?,
		forbidden_purposes = ? WHERE id = ?`, st.QuorumNum, st.QuorumDen, string(st.Majority), int64(st.StandardCap),
		int64(st.RaisedCap), int64(st.RoundingUnit), st.ValidityYears, st.AdultAge, st.NoticeDays,
		st.Notice.Place, st.Notice.ObjectPlace, st.Notice.Contact, st.Notice.Phone, st.Notice.SupervisePhone,
		formatList(st.ForbiddenPurposes), villageID); err != nil {
		return err
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return err
	}
	defer a.Close()
	return a.changes(ctx, auditRef{0, "villages", villageID}, settingsFields(old.Settings), settingsFields(st))
}

// AddMember adds a person to a village's roster and sets m.ID. A name already on the
// roster is ECONFLICT; an unknown village ENOTFOUND.
func (s *Store) AddMember(ctx context.Context, m *app.Member) error {
	var id int64
	if err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		if err := villageExists(ctx, tx, m.VillageID); err != nil {
			return err
		}
		id, err = s.insertMember(ctx, tx, m)
		return err
	}); err != nil {
		return err
	}
	m.ID = id
	return nil
}

func villageExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM villages WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return app.Errorf(app.ENOTFOUND, "village.not_found", "Name", itoa(id))
	}
	return nil
}

// RemoveMember takes a person off the roster. The row is kept (removed_at), so the
// attendance of past meetings still names them.
func (s *Store) RemoveMember(ctx context.Context, memberID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) (err error) {
		var name string
		err = tx.QueryRowContext(ctx, `UPDATE members SET removed_at = ? WHERE id = ? AND removed_at IS NULL
			RETURNING name`, s.now(), memberID).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return app.Errorf(app.ENOTFOUND, "data.member_not_found", "ID", memberID)
		} else if err != nil {
			return err
		}
		if err := s.audit(ctx, tx, auditRef{0, "members", memberID}, fieldRemoved, name, ""); err != nil {
			return err
		}
		return nil
	})
}
