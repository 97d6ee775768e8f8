package importer

import (
	"time"

	"pingxin/app"
	"pingxin/app/i18n"
)

// ParseBlacklist reads a village blacklist in t: 姓名, 身份证号码, 类别 (老赖, 炒房族,
// 投机客, 违法者, 其他, as app.ParseCategory reads them), 来源, 日期, 备注. IDs are checked
// like a nominee's (never a number cell) on today. A list with any bad row gives no
// entries and a *FileErrors listing every bad row.
func ParseBlacklist(t *Table, today time.Time) ([]app.BlacklistEntry, error) {
	h, err := BlacklistSchema.Header(t)
	if err != nil {
		return nil, err
	}
	var out []app.BlacklistEntry
	var errs []RowError
	seen := map[string]int{}
	for _, row := range t.Rows[h.Index+1:] {
		rr := newRowReader(BlacklistSchema, h, row)
		if rr.blank() {
			continue
		}
		e := entry(rr, today)
		if first, dup := seen[e.IDNumber]; dup && e.IDNumber != "" {
			rr.fail(ColID, i18n.M("importer.duplicate", "First", first), nil)
		} else {
			seen[e.IDNumber] = row.Num
		}
		errs = append(errs, rr.errors()...)
		out = append(out, e)
	}
	if len(errs) > 0 {
		return nil, &FileErrors{File: t.Name, Errors: errs}
	}
	return out, nil
}

// entry reads one blacklist row.
func entry(rr *rowReader, today time.Time) app.BlacklistEntry {
	e := app.BlacklistEntry{Name: rr.text(ColName), Source: rr.text(ColSource), Note: rr.text(ColNote)}
	if e.Name == "" {
		rr.fail(ColName, i18n.M("importer.name_required"), nil)
	}
	if id, ok := rr.residentID(today); ok {
		e.IDNumber = id.String()
	}
	switch c, ok := app.ParseCategory(rr.text(ColCategory)); {
	case rr.text(ColCategory) == "":
		rr.fail(ColCategory, i18n.M("importer.category_required"), nil)
	case !ok:
		rr.fail(ColCategory, i18n.M("importer.category_unknown"), nil)
	default:
		e.Category = c
	}
	e.Date = rr.date(ColDate)
	return e
}
