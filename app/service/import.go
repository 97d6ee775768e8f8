package service

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"time"

	"pingxin/app"
	"pingxin/app/atomicfile"
	"pingxin/app/i18n"
	"pingxin/app/importer"
)

// now is the clock the importers check birth dates against; tests fix it.
var now = time.Now

// ImportSummary is what an import did, as both UIs report it: how many households were
// imported (blocked ones included, Blocked of them), how many rows were skipped, every
// error of a refused or skipped row, and the headers that were not recognised.
type ImportSummary struct {
	Meeting  int64
	Imported int
	Blocked  int
	Skipped  int
	Errors   []importer.RowError
	Warnings []importer.RowError // told, not refused (an ID from another county)
	Unknown  []string
}

// JSON renders the summary exactly as docs/CLI.md shows `import --json`, reasons in l, on
// one line: {"meeting":3,"imported":58,"blocked":2,"skipped":0,"errors":[…]}.
func (s *ImportSummary) JSON(l i18n.Lang) []byte {
	type jsonError struct {
		Row    int    `json:"row"`
		Column string `json:"column"`
		Value  string `json:"value"`
		Reason string `json:"reason"`
	}
	out := struct {
		Meeting  int64       `json:"meeting"`
		Imported int         `json:"imported"`
		Blocked  int         `json:"blocked"`
		Skipped  int         `json:"skipped"`
		Errors   []jsonError `json:"errors"`
	}{s.Meeting, s.Imported, s.Blocked, s.Skipped, make([]jsonError, len(s.Errors))}
	for i, e := range s.Errors {
		out.Errors[i] = jsonError{e.Row, e.Column, e.Value, e.ReasonIn(l)}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(out) // plain strings and numbers cannot fail
	return b.Bytes()
}

// Text is the one-line summary for a person: imported, blocked, skipped.
func (s *ImportSummary) Text(l i18n.Lang) string {
	return i18n.T(l, "importer.summary", i18n.Data{"Imported": s.Imported, "Blocked": s.Blocked, "Skipped": s.Skipped})
}

// UnknownText says which columns were ignored, or "" when all were recognised.
func (s *ImportSummary) UnknownText(l i18n.Lang) string {
	if len(s.Unknown) == 0 {
		return ""
	}
	cols := s.Unknown
	if len(cols) > i18n.MaxListed {
		cols = append(cols[:i18n.MaxListed:i18n.MaxListed], i18n.T(l, "guard.more", i18n.Data{"Count": len(s.Unknown) - i18n.MaxListed}))
	}
	return i18n.T(l, "importer.unknown_columns", i18n.Data{"Columns": strings.Join(cols, "、")})
}

// ImportPreview is a nomination list read and checked against a meeting, not yet
// stored: the desktop shows it before the clerk confirms.
type ImportPreview struct {
	Meeting int64
	File    string
	Table   *importer.Table // the file as read, for showing its rows beside their errors
	List    *importer.NomineeList
}

// PreviewNominees reads the nomination list at path and checks it against meeting
// meetingID (its date, the members present, the households already on it) and the
// village (settings, blacklist), without storing anything. A file that cannot be read
// at all, or a locked meeting, is the error.
func PreviewNominees(ctx context.Context, st app.Reader, meetingID int64, path string) (*ImportPreview, error) {
	rules, err := HouseholdRules(ctx, st, meetingID, 0)
	if err != nil {
		return nil, err
	}
	t, err := importer.ReadTable(path, importer.NomineeSchema)
	if err != nil {
		return nil, err
	}
	l, err := importer.ParseNominees(t, rules)
	if err != nil {
		return nil, err
	}
	return &ImportPreview{Meeting: meetingID, File: path, Table: t, List: l}, nil
}

// Commit stores the previewed households in one st.ImportNominees call (one
// transaction, one audit entry naming the file, its SHA-256 and the count).
// With errors and skipInvalid false nothing is stored: the summary lists every error
// and the error is an *importer.FileErrors (code EINVALID). With skipInvalid the valid
// rows are stored and every skipped row is in the summary.
func (p *ImportPreview) Commit(ctx context.Context, svc *Service, skipInvalid bool) (*ImportSummary, error) {
	l := p.List
	s := &ImportSummary{Meeting: p.Meeting, Errors: l.Errors, Warnings: l.Warnings, Unknown: l.Unknown}
	if len(l.Errors) > 0 && !skipInvalid {
		return s, &importer.FileErrors{File: p.File, Errors: l.Errors}
	}
	if len(l.Nominees) > 0 {
		m, err := svc.Meeting(ctx, p.Meeting)
		if err != nil {
			return nil, err
		}
		for i := range l.Nominees { // a tally sheet's votes were taken by those present now
			m.StampVote(nil, &l.Nominees[i], now())
		}
		src := app.ImportSource{File: filepath.Base(p.File), SHA256: p.Table.SHA256}
		if err := svc.st.ImportNominees(ctx, p.Meeting, app.NomineesFrom(l.Nominees, src)); err != nil {
			return nil, err
		}
	}
	s.Imported, s.Blocked, s.Skipped = len(l.Nominees), l.Blocked, l.Bad
	return s, nil
}

// ImportNominees is the import of a nomination list from the command line: the checks
// and the outcome of PreviewNominees and Commit, with the file read and checked part
// by part (feed) while the store stores the parts before, so that on two cores checking
// overlaps storing. A list refused for its bad rows stores nothing: the store's
// transaction is rolled back when the last row has been checked.
func (s *Service) ImportNominees(ctx context.Context, meetingID int64, path string, skipInvalid bool) (*ImportSummary, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	rules, err := householdRules(ctx, s, m, 0)
	if err != nil {
		return nil, err
	}
	in, err := importer.OpenNominees(path, rules)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	f := &feed{in: in, m: m, skipInvalid: skipInvalid}
	err = s.st.ImportNominees(ctx, meetingID, f) // has stopped asking for parts when it returns
	l := in.List()
	sum := &ImportSummary{Meeting: meetingID, Errors: l.Errors, Warnings: l.Warnings, Unknown: l.Unknown}
	var fe *importer.FileErrors
	switch {
	case errors.As(err, &fe):
		return sum, err
	case err != nil:
		return nil, err
	}
	sum.Imported, sum.Blocked, sum.Skipped = f.count, l.Blocked, l.Bad
	return sum, nil
}

// partRows is how many rows the feed checks at a time: small enough that storing begins
// soon after the file is read, and a multiple of the store's rows per statement.
const partRows = 200

// feed checks a list part by part as the store asks for the parts (app.NomineeFeed)
// and gives it each part's households, their votes stamped with the members present (as
// Commit does). The store asks from a goroutine of its own, which also builds the
// statements' values, while its connection stores the parts before: on two cores one
// goroutine reads and one stores. (A goroutine of the feed's own, reading ahead, made
// three busy goroutines on two cores, and the connection's waited for a processor a
// third of the import.) The read-time bound counts only the time spent reading
// (importer.NomineeStream). Once a row is refused and skipInvalid is false it keeps
// checking, to name every bad row, but gives the store no more households and ends with
// the *importer.FileErrors.
type feed struct {
	in          *importer.NomineeStream
	m           *app.Meeting
	skipInvalid bool
	ended       bool
	count       int // households given to the store
}

// Next gives the store the next part (app.NomineeFeed).
func (f *feed) Next() ([]app.Nominee, error) {
	for !f.ended {
		ns, err := f.in.Next(partRows)
		if err != nil {
			f.ended = true
			return nil, err
		}
		if len(ns) == 0 {
			f.ended = true
			break
		}
		if !f.skipInvalid && len(f.in.List().Errors) > 0 {
			continue
		}
		for i := range ns {
			f.m.StampVote(nil, &ns[i], now())
		}
		f.count += len(ns)
		return ns, nil
	}
	if l := f.in.List(); !f.skipInvalid && len(l.Errors) > 0 {
		return nil, &importer.FileErrors{File: f.in.File, Errors: l.Errors}
	}
	return nil, nil
}

// Source names the file for the audit log.
func (f *feed) Source() app.ImportSource {
	return app.ImportSource{File: filepath.Base(f.in.File), SHA256: f.in.SHA256()}
}

// ReadRoster reads a council roster file (姓名, 所属组织, 职务) for a new village. Any bad
// row refuses the whole file with an *importer.FileErrors naming every bad row.
func ReadRoster(path string) ([]app.Member, error) {
	t, err := importer.ReadTable(path, importer.RosterSchema)
	if err != nil {
		return nil, err
	}
	return importer.ParseRoster(t)
}

// BlacklistSummary is what a blacklist import did: entries added, and entries whose ID
// was already on the village's blacklist (left as they were).
type BlacklistSummary struct {
	Village int64
	Added   int
	Already int
}

// Text is the one-line summary for a person.
func (s *BlacklistSummary) Text(l i18n.Lang) string {
	return i18n.T(l, "importer.blacklist_summary", i18n.Data{"Added": s.Added, "Already": s.Already})
}

// ImportBlacklist reads a blacklist file (姓名, 身份证号码, 类别, 来源, 日期, 备注) into the
// village's blacklist in one st.AddBlacklist call: all of it or, when any row is bad,
// nothing, with an *importer.FileErrors naming every bad row.
func (svc *Service) ImportBlacklist(ctx context.Context, villageID int64, path string) (*BlacklistSummary, error) {
	st := svc.st
	if _, err := st.Village(ctx, villageID); err != nil {
		return nil, err
	}
	t, err := importer.ReadTable(path, importer.BlacklistSchema)
	if err != nil {
		return nil, err
	}
	entries, err := importer.ParseBlacklist(t, now())
	if err != nil {
		return nil, err
	}
	have, err := st.Blacklist(ctx, villageID)
	if err != nil {
		return nil, err
	}
	list := app.NewBlacklist(have)
	s := &BlacklistSummary{Village: villageID}
	var add []app.BlacklistEntry
	for _, e := range entries {
		if _, ok := list.Match(e.IDNumber); ok {
			s.Already++
			continue
		}
		e.VillageID = villageID
		add = append(add, e)
	}
	if len(add) > 0 {
		if err := st.AddBlacklist(ctx, villageID, add); err != nil {
			return nil, err
		}
	}
	s.Added = len(add)
	return s, nil
}

// SaveTemplate writes the blank nomination-list template (下载模板) to path as XLSX,
// whole or not at all.
func SaveTemplate(path string) error {
	return atomicfile.Write(path, 0o644, importer.WriteTemplate)
}
