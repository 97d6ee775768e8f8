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
