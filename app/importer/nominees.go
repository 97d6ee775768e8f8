package importer

import (
	"runtime"
	"strings"
	"sync"
	"time"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/idcard"
)

// NomineeRules is what a nomination list is checked against: the rules every
// household is held to, from a file or the form alike (app.HouseholdRules).
type NomineeRules = app.HouseholdRules

// NomineeList is a nomination list read and checked row by row.
type NomineeList struct {
	Nominees []app.Nominee // every row without error, in file order, blocked ones included
	Rows     []int         // the spreadsheet row of each of Nominees
	Errors   []RowError    // every error of every bad row, in row order
	Warnings []RowError    // told, not refused: an ID registered outside the county
	Bad      int           // rows with at least one error
	Blocked  int           // of Nominees, those excluded (blacklist, forbidden purpose)
	Unknown  []string      // headers not known, ignored
	Header   *Header
}

// ParseNominees reads and checks the nomination list in t. Each row is held to the
// domain's rules (docs/RULES.md §5, §6): a valid resident ID (checksum, real birth date, not in
// the future, never one a spreadsheet stored as a number), adult on the meeting date,
// not twice in the file nor already in the meeting, amounts in any spelling on the
// rounding unit and within the caps, votes adding up to no more than the members
// present (app.Nominee.Check). A blacklisted ID or a purpose the three 不准 forbid is
// not an error: the household is kept, blocked, with the reason. The error is for a file
// that has no usable header.
func ParseNominees(t *Table, r NomineeRules) (*NomineeList, error) {
	h, err := NomineeSchema.Header(t)
	if err != nil {
		return nil, err
	}
	rows := t.Rows[h.Index+1:]
	workers := 1
	if len(rows) >= parallelRows {
		workers = min(runtime.GOMAXPROCS(0), 4)
	}
	return parseNominees(h, rows, r, workers), nil
}

// parallelRows is the length from which a list's rows are checked by several
// goroutines at once (each row is checked on its own; only whether its ID came earlier
// in the file is decided afterwards, in file order): on two cores this halves the
// checking of a 10,000-row list.
const parallelRows = 2000

// checkedRow is what checking one row on its own found, besides its household.
type checkedRow struct {
	rr       *rowReader
	skip     bool       // blank, or a footer under the table
	id       string     // the canonical ID when it is valid, for the duplicate check
	idWarn   []RowError // about the ID (another county's)
	goodWarn []RowError // about a good row (app.Nominee.Warnings), dropped if the row turns out bad
}

// parseNominees checks rows on workers goroutines and collects the list.
func parseNominees(h *Header, rows []Row, r NomineeRules, workers int) *NomineeList {
	c := newListChecker(h, r)
	c.l.Nominees = c.check(rows, workers)
	return c.l
}

// listChecker checks the data rows of a list part by part, in file order, into l: a
// whole file at once (ParseNominees) or while it is still being read (NomineeStream).
type listChecker struct {
	p    nomineeParser
	h    *Header
	l    *NomineeList
	seen map[string]int // canonical ID → the row it first appeared on
}

func newListChecker(h *Header, r NomineeRules) *listChecker {
	if r.Today.IsZero() {
		r.Today = time.Now()
	}
	return &listChecker{p: nomineeParser{rules: r}, h: h, seen: map[string]int{},
		l: &NomineeList{Unknown: h.Unknown, Header: h}}
}

// check checks rows, the next part of the list, on workers goroutines (with one, on
// this goroutine: a list read part by part is checked by the goroutine that reads it,
// and on two cores another goroutine waiting for a processor was the store's), then in
// file order refuses an ID seen before; it returns the part's good households in file
// order and adds its errors, warnings and counts to c.l.
func (c *listChecker) check(rows []Row, workers int) []app.Nominee {
	ns := make([]app.Nominee, len(rows))
	checked := make([]checkedRow, len(rows))
	checkRange := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			cr := &checked[i]
			cr.rr = newRowReader(NomineeSchema, c.h, rows[i])
			if cr.skip = cr.rr.blank() || cr.rr.footer(); !cr.skip {
				ns[i] = c.p.nominee(cr)
			}
		}
	}
	if workers <= 1 {
		checkRange(0, len(rows))
	} else {
		var wg sync.WaitGroup
		per := (len(rows) + workers - 1) / workers
		for lo := 0; lo < len(rows); lo += per {
			wg.Go(func() { checkRange(lo, min(lo+per, len(rows))) })
		}
		wg.Wait()
	}
	l := c.l
	kept := 0
	for i := range checked {
		cr := &checked[i]
		if cr.skip {
			continue
		}
		if cr.id != "" {
			if first, dup := c.seen[cr.id]; dup {
				cr.rr.fail(ColID, i18n.M("importer.duplicate", "First", first), nil)
			} else {
				// a copy: cr.id is cut from the row's text, which the map would
				// otherwise keep whole for the rest of the list (3 MB of 10,000
				// rows, a third of an import's heap)
				c.seen[strings.Clone(cr.id)] = cr.rr.row.Num
			}
		}
		l.Warnings = append(l.Warnings, cr.idWarn...)
		if len(cr.rr.errs) > 0 {
			l.Errors = append(l.Errors, cr.rr.errors()...)
			l.Bad++
			continue
		}
		l.Warnings = append(l.Warnings, cr.goodWarn...)
		if ns[i].Blocked != "" {
			l.Blocked++
		}
		ns[kept] = ns[i] // kept <= i: the good rows move up in place
		kept++
		l.Rows = append(l.Rows, cr.rr.row.Num)
	}
	return ns[:kept]
}

// nomineeParser carries the rules through the rows.
type nomineeParser struct {
	rules NomineeRules
}

// nominee builds the household of the row of c and records its errors in c.rr, its
// warnings and its canonical ID in c.
func (p *nomineeParser) nominee(c *checkedRow) app.Nominee {
	rr := c.rr
	id, ok, warn := p.id(rr)
	if ok {
		c.id = id.String()
	}
	c.idWarn = warn
	n := app.NewNominee(rr.text(ColName), id.String())
	n.Group = rr.text(ColGroup)
	n.Phone = narrow(rr.text(ColPhone))
	n.HouseholdSize = rr.count(ColSize)
	n.Purpose = rr.text(ColPurpose)
	n.Requested = rr.amount(ColRequested)
	n.Proposed = rr.amount(ColProposed)
	n.ProposedReason = rr.text(ColProposedReason)
	n.RatePreference = rr.yesNo(ColRate, false)
	n.Reason = rr.text(ColReason)
	for i := range n.Baseline {
		n.Baseline[i] = rr.check(ColBaseline(i))
	}
	n.Undertaking = rr.yesNo(ColUndertaking, true)
	n.Votes = votes(rr)
	n.Verification = p.verification(rr)
	p.problems(rr, &n)
	n.Blocked = p.rules.BlockedReason(id, n.Purpose)
	if len(rr.errs) == 0 {
		c.goodWarn = p.warnings(rr, &n)
	}
	return n
}

// warnings are what the clerk is told about a good row and never refused for
// (app.Nominee.Warnings): a proposal above the request, a proposal above the standard
// cap with no visit recorded (the household will be 暂缓). Both are about the
// 建议授信额度 cell.
func (p *nomineeParser) warnings(rr *rowReader, n *app.Nominee) []RowError {
	var out []RowError
	for _, w := range n.Warnings(p.rules.Settings) {
		out = append(out, RowError{Row: rr.row.Num, Column: rr.header(ColProposed), Value: shorten(rr.text(ColProposed), false),
			Reason: w.Message})
	}
	return out
}

// id checks the row's resident ID and its holder's age; ok says the ID is valid (that
// the person is on the list only once is checked after, in file order).
func (p *nomineeParser) id(rr *rowReader) (id idcard.ID, ok bool, warn []RowError) {
	id, ok = rr.residentID(p.rules.Today)
	if !ok {
		return id, false, nil
	}
	for _, m := range p.rules.CheckPerson(id) {
		rr.fail(ColID, m, nil)
	}
	if !idcard.InCounty(id, p.rules.CountyCode) {
		w := &idcard.Error{Kind: idcard.KindRegion, Value: rr.text(ColID)}
		return id, true, []RowError{{Row: rr.row.Num, Column: rr.header(ColID), Value: shorten(w.Value, true),
			Reason: i18n.M("idcard.region"), Cause: w}}
	}
	return id, true, nil
}

// votes reads the tally; it is recorded when any vote column of the row is filled.
func votes(rr *rowReader) app.Votes {
	v := app.Votes{For: rr.count(ColFor), Against: rr.count(ColAgainst),
		Abstain: rr.count(ColAbstain), Recused: rr.count(ColRecused)}
	for _, k := range []string{ColFor, ColAgainst, ColAbstain, ColRecused} {
		if rr.text(k) != "" {
			v.Recorded = true
		}
	}
	return v
}

// verification reads the sage council's record when any of its columns is filled. The
// 核实意见 is the notes, kept as written. The conclusion is the 核实结论 cell when it is
// filled, else what the notes say unambiguously (conclusionInNotes), else left open for
// the clerk: the household then keeps the minutes from being signed (app.Verification.
// Open) but the row is imported. A visit date the file does not give stays unknown and
// prints 未填写, never the meeting's date (docs/RULES.md §11: nothing is invented); an
// empty recommendation is 维持 after 属实 and open after 部分属实 or 不属实, which need the
// council's word. Everything else is checked by the domain (app.HouseholdRules.Check).
func (p *nomineeParser) verification(rr *rowReader) *app.Verification {
	keys := []string{ColConclusion, ColRecommendation, ColNotes, ColVisitors, ColVisitDate}
	filled := false
	for _, k := range keys {
		filled = filled || rr.text(k) != ""
	}
	if !filled {
		return nil
	}
	v := &app.Verification{
		Conclusion: app.Conclusion(rr.text(ColConclusion)),
		Notes:      rr.text(ColNotes),
		Visitors:   names(rr.text(ColVisitors)),
		VisitDate:  rr.date(ColVisitDate),
	}
	if v.Conclusion == "" {
		v.Conclusion = conclusionInNotes(v.Notes)
	}
	rec, lower := app.SplitRecommendation(rr.text(ColRecommendation))
	switch {
	case rec == app.LowerTo:
		v.Recommendation = app.LowerTo
		v.LowerTo = rr.amountText(ColRecommendation, clean(lower))
	case rec == "" && v.Conclusion == app.Confirmed:
		v.Recommendation = app.Keep
	default:
		v.Recommendation = rec
	}
	return v
}

// fieldColumns maps the fields of app.Problem to the column that shows the value.
var fieldColumns = map[string]string{
	app.FieldName:        ColName,
	app.FieldRequested:   ColRequested,
	app.FieldProposed:    ColProposed,
	app.FieldProposedWhy: ColProposed,
	app.FieldReason:      ColReason,
}

// problems adds what app.HouseholdRules.Check finds, each at the column that shows the
// value, except about a column whose value could not even be read (that error is
// there). Every visitor who is not on the roster's 乡贤参事会 or 百事服务团 is an error of
// its own, naming the visitor.
func (p *nomineeParser) problems(rr *rowReader, n *app.Nominee) {
	unreadable := rr.bad[ColVisitors]
	for _, pr := range p.rules.Check(n) {
		if pr.Field == app.FieldVotes {
			rr.failAt(votesHeader(rr), votesValue(rr), pr.Message)
			continue
		}
		key := problemColumn(pr)
		if !rr.bad[key] || (pr.Message.Key == "process.visitor_not_member" && !unreadable) {
			rr.fail(key, pr.Message, nil)
		}
	}
}

// verificationColumns maps the verification messages of app.Nominee.Check to columns.
var verificationColumns = map[string]string{
	"verification.visitor_required": ColVisitors,
	"process.visitor_not_member":    ColVisitors,
	"verification.conclusion":       ColConclusion,
}

// problemColumn is the column a problem of app.Nominee.Check is about.
func problemColumn(pr app.Problem) string {
	if pr.Field == app.FieldVerification {
		if k, ok := verificationColumns[pr.Message.Key]; ok {
			return k
		}
		return ColRecommendation
	}
	if k, ok := fieldColumns[pr.Field]; ok {
		return k
	}
	return ColName
}

// votesHeader names the vote columns the file has, e.g. "赞成/反对/弃权".
func votesHeader(rr *rowReader) string {
	var hs []string
	for _, k := range []string{ColFor, ColAgainst, ColAbstain, ColRecused} {
		if rr.h.Has(k) {
			hs = append(hs, rr.header(k))
		}
	}
	return strings.Join(hs, "/")
}

// votesValue is what the vote columns of the row hold, e.g. "5/3/1".
func votesValue(rr *rowReader) string {
	var vs []string
	for _, k := range []string{ColFor, ColAgainst, ColAbstain, ColRecused} {
		if rr.h.Has(k) {
			vs = append(vs, rr.text(k))
		}
	}
	return strings.Join(vs, "/")
}
