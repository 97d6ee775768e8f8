package data

import (
	"context"
	"errors"
	"testing"

	"pingxin/app"
)

// partsFeed gives parts one by one, then err (nil: the end).
type partsFeed struct {
	parts [][]app.Nominee
	err   error
}

func (f *partsFeed) Next() ([]app.Nominee, error) {
	if len(f.parts) == 0 {
		return nil, f.err
	}
	p := f.parts[0]
	f.parts = f.parts[1:]
	return p, nil
}

func (f *partsFeed) Source() app.ImportSource {
	return app.ImportSource{File: "名单.csv", SHA256: "00"}
}

// parts makes n parts of k households each, numbered from first, each with a visit.
func parts(n, k, first int) [][]app.Nominee {
	out := make([][]app.Nominee, n)
	for i := range out {
		for j := range k {
			h := app.NewNominee("户主", bigID(first+i*k+j))
			h.Verification = &app.Verification{Visitors: []string{"钱老"}, Notes: "经营稳定"}
			out[i] = append(out[i], h)
		}
	}
	return out
}

// TestImportFeedStoresAllOrNothing: an import stores the parts of a list as they come
// (its batches are built apart from the connection), so what it stored must go when
// the feed ends with an error after three parts, or a later part brings an ID already
// on the list; a feed that ends well stores every part in order with their visits.
func TestImportFeedStoresAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s)
	before := len(mustAudit(t, s, m.ID))
	refused := errors.New("row 900 refused")
	if err := s.ImportNominees(ctx, m.ID, &partsFeed{parts: parts(3, 250, 0), err: refused}); err != refused {
		t.Fatalf("err = %v, want the feed's", err)
	}
	dup := parts(4, 250, 1000)
	dup[3][100].IDNumber = dup[0][7].IDNumber
	if err := s.ImportNominees(ctx, m.ID, &partsFeed{parts: dup}); app.ErrorCode(err) != app.ECONFLICT {
		t.Fatalf("err = %v, want ECONFLICT", err)
	}
	if got := mustMeeting(t, s, m.ID).Nominees; len(got) != 0 {
		t.Fatalf("%d households stored by refused imports", len(got))
	}
	if after := mustAudit(t, s, m.ID); len(after) != before {
		t.Fatalf("refused imports audited: %+v", after[before:])
	}

	if err := s.ImportNominees(ctx, m.ID, &partsFeed{parts: parts(5, 230, 2000)}); err != nil {
		t.Fatal(err)
	}
	got := mustMeeting(t, s, m.ID).Nominees
	if len(got) != 1150 {
		t.Fatalf("%d households stored, want 1150", len(got))
	}
	for i, n := range got {
		if n.Seq != i+1 || n.IDNumber != bigID(2000+i) || n.Verification == nil || n.Verification.Notes != "经营稳定" {
			t.Fatalf("№%d: %+v", i+1, n)
		}
	}
	if after := mustAudit(t, s, m.ID); len(after) != before+1 || after[before].New != "名单.csv sha256:00 1150 households" {
		t.Fatalf("audit: %+v", after[before:])
	}
}

// TestImportSparseColumnsKeepEveryValue: a tally sheet fills some columns in some
// parts of the list and not in others (a phone, a purpose, a reason, by the bits of
// the part's number), and others here and there (a vote every 13th, an unchecked
// baseline item every 7th, a visit every 3rd). The batched INSERTs must put every
// value in its own household's column: each household comes back exactly as fed, its
// empty fields empty.
func TestImportSparseColumnsKeepEveryValue(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s)
	var fed []app.Nominee
	var ps [][]app.Nominee
	for p := range 9 {
		var part []app.Nominee
		for j := range 130 {
			i := p*130 + j
			h := app.NewNominee("户主", bigID(5000+i))
			if p&1 != 0 {
				h.Phone = "13800000000"
			}
			if p&2 != 0 {
				h.Purpose = "养殖"
			}
			if p&4 != 0 {
				h.ProposedReason = "经营稳定"
			}
			if i%13 == 0 {
				h.Proposed, h.Votes = 50000, app.Votes{For: 5, Against: 1, Recorded: true}
			}
			if i%7 == 0 {
				h.Baseline[i%6] = app.ToVerify
				h.Undertaking = false
			}
			if i%3 == 0 {
				h.Verification = &app.Verification{Visitors: []string{"钱老"}, Notes: "情况属实"}
			}
			part = append(part, h)
		}
		fed = append(fed, part...)
		ps = append(ps, part)
	}
	if err := s.ImportNominees(ctx, m.ID, &partsFeed{parts: ps}); err != nil {
		t.Fatal(err)
	}
	got := mustMeeting(t, s, m.ID).Nominees
	if len(got) != len(fed) {
		t.Fatalf("%d households stored, want %d", len(got), len(fed))
	}
	for i := range got {
		g, w := got[i], fed[i]
		if g.Phone != w.Phone || g.Purpose != w.Purpose || g.ProposedReason != w.ProposedReason || g.Proposed != w.Proposed ||
			g.Votes.For != w.Votes.For || g.Votes.Against != w.Votes.Against || g.Votes.Recorded != w.Votes.Recorded ||
			g.Baseline != w.Baseline || g.Undertaking != w.Undertaking || (g.Verification == nil) != (w.Verification == nil) {
			t.Fatalf("№%d came back as\n%+v\nwant\n%+v", i+1, g, w)
		}
	}
}
