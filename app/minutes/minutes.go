// Package minutes turns a meeting into the documents it leaves behind: the minutes PDF
// (会议纪要) the bank receives, the public notice PDF (公示) for the village notice
// board, and the bank sheet XLSX with the passed households. It prints what the domain
// decided — results, tallies and quorum come from package app, never from here — and
// its own job is the paper: an embedded Chinese font, lines broken the way Chinese is
// written, tables that never cut a row, no character lost, no ID number unmasked where
// it does not belong, and the same bytes for the same meeting under a fixed clock.
package minutes

import (
	"io"
	"time"

	"pingxin/app"
)

// Options are the caller's choices about the documents; none of them changes what a
// meeting's minutes say, so none enters the content fingerprint.
type Options struct {
	// Now stamps the PDF's creation and modification dates (and the workbook's).
	// Fix it to get byte-identical files; zero means time.Now().
	Now time.Time
	// Final renders the minutes as they are to be signed: without the draft mark that
	// every page of unsigned minutes carries otherwise. Signing sets it; a signed
	// meeting's minutes are the stored signed copy, never rendered again.
	Final bool
	// Review is the 组织审定, printed in its block on the signature page once recorded.
	Review *app.Review
	// Publicity is the 公示 the notice announces (its period and the village's notice
	// settings as issued); nil prints the notice from today with the current settings.
	Publicity *app.Publicity
	// Original is, for an amendment, the signed meeting it corrects, with its signing.
	Original *Original
	// Changes are an amendment's corrections against the signed minutes (from
	// app.Changes), printed in its facts; ignored for a meeting that amends nothing.
	Changes []app.Change
}

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

// minutes holds one rendering of the minutes: the document and everything computed
// once from the domain.
type minutes struct {
	d       *doc
	v       *app.Village
	m       *app.Meeting
	s       app.Settings
	results []app.Result
	tally   app.Tally
	quorum  app.Quorum
	o       Options
}

// Render writes the minutes of meeting m of village v as an A4 PDF to w: the facts,
// attendance and quorum, the rules applied, the household table, the excluded
// households, every verification note in full, the totals and a signature page, with
// 第 X 页 共 Y 页, the document number and the content fingerprint on every page. It
// stops before writing anything if a character cannot be printed (see CheckGlyphs).
// The output is deterministic for a fixed o.Now.
func Render(w io.Writer, v *app.Village, m *app.Meeting, o Options) error {
	if err := CheckGlyphs(v, m); err != nil {
		return err
	}
	d, err := newDoc(o.now(), minutesTitle(v, m), m.DocNumber, footer{docNumber: m.DocNumber, fingerprint: Fingerprint(v, m), draft: !o.Final && !m.Locked()})
	if err != nil {
		return err
	}
	s := m.RulesUnder(v.Settings) // a signed meeting's own rules (docs/RULES.md §3, "Final result")
	mn := &minutes{d: d, v: v, m: m, s: s, o: o, results: m.Results(s), tally: m.Tally(s), quorum: m.Quorum(s)}
	for _, section := range []func(){
		mn.title, mn.facts, mn.attendance, mn.rules, mn.households,
		mn.excluded, mn.others, mn.notes, mn.totals, mn.signatures,
	} {
		section()
	}
	return d.output(w)
}

// Original is what an amendment's minutes say of the minutes they correct: "对……〔2026〕
// 1号纪要的补充", with that record's fingerprint and signing time (docs/RULES.md §11.5).
type Original struct {
	DocNumber   string
	Date        time.Time
	Fingerprint string
	SignedAt    time.Time
}

// minutesTitle is the document's title: village + 三治信农贷评议会议纪要.
func minutesTitle(v *app.Village, m *app.Meeting) string {
	t := v.Name + "三治信农贷评议会议纪要"
	if m.AmendsID != 0 {
		t += "（补充纪要）"
	}
	return t
}
