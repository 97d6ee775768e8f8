package importer

import (
	"slices"

	"pingxin/app"
	"pingxin/app/i18n"
)

// ParseRoster reads the council roster in t: 姓名, 所属组织 (one or more bodies separated
// by 、 , ， / or spaces, as app.ParseBody reads them) and 职务 (app.ParseRole). A roster
// with any bad row — no name, an unknown body or role, a name twice — gives no members
// and a *FileErrors listing every bad row.
func ParseRoster(t *Table) ([]app.Member, error) {
	h, err := RosterSchema.Header(t)
	if err != nil {
		return nil, err
	}
	var out []app.Member
	var errs []RowError
	seen := map[string]int{}
	for _, row := range t.Rows[h.Index+1:] {
		rr := newRowReader(RosterSchema, h, row)
		if rr.blank() {
			continue
		}
		m := member(rr)
		if first, dup := seen[m.Name]; dup && m.Name != "" {
			rr.fail(ColName, i18n.M("importer.member_twice", "First", first), nil)
		} else {
			seen[m.Name] = row.Num
		}
		errs = append(errs, rr.errors()...)
		out = append(out, m)
	}
	if len(errs) > 0 {
		return nil, &FileErrors{File: t.Name, Errors: errs}
	}
	return out, nil
}

// member reads one roster row.
func member(rr *rowReader) app.Member {
	m := app.Member{Name: rr.text(ColName)}
	if m.Name == "" {
		rr.fail(ColName, i18n.M("importer.name_required"), nil)
	}
	for _, s := range names(rr.text(ColBodies)) {
		b, ok := app.ParseBody(s)
		if !ok {
			rr.fail(ColBodies, i18n.M("importer.body_unknown", "Body", s), nil)
			continue
		}
		if !slices.Contains(m.Bodies, b) {
			m.Bodies = append(m.Bodies, b)
		}
	}
	if len(m.Bodies) == 0 && !rr.bad[ColBodies] {
		rr.fail(ColBodies, i18n.M("importer.body_required"), nil)
	}
	role, ok := app.ParseRole(rr.text(ColRole))
	if !ok {
		rr.fail(ColRole, i18n.M("importer.role_unknown"), nil)
	}
	m.Role = role
	return m
}
