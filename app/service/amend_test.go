package service

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/data"
	"pingxin/internal/pdftest"
)

// signedDemo makes a demo meeting, deliberates every household and signs it.
func signedDemo(t *testing.T) (app.Store, int64, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := data.Open(filepath.Join(dir, "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 20, 0, 0, 0, time.Local)
	id, err := New(st).Demo(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := st.Meeting(ctx, id)
	for _, n := range m.Nominees {
		if n.Blocked != "" || (n.Votes.Recorded && n.Baseline[3] == app.Met) {
			continue
		}
		n.Baseline[3], n.Proposed = app.Met, n.Requested
		if n.Proposed > 300_000 {
			n.ProposedReason = "信用良好"
		}
		n.Votes = app.Votes{For: 7, Against: 1, Recorded: true}
		if err := st.SaveNominee(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	pdf := filepath.Join(dir, "signed.pdf")
	if _, err := New(st).SignMinutes(ctx, id, pdf, "口令1234567890", now); err != nil {
		t.Fatal(err)
	}
	return st, id, dir
}

// amendFirstTo250k opens an amendment of signed meeting id that corrects household 1's
// proposed amount to 250,000, as the amendment tests' clerk does, at a sitting with its
// time and place so that it can be signed.
func amendFirstTo250k(t *testing.T, st app.Store, id int64) *app.Meeting {
	t.Helper()
	ctx := context.Background()
	am, err := New(st).Amend(ctx, id, AmendSpec{Reason: "第1户建议额度误记，更正为二十五万元", Time: "19:30", Place: "村委会议室"})
	if err != nil {
		t.Fatal(err)
	}
	n := am.Nominees[0]
	n.Proposed = 250_000
	if err := st.SaveNominee(ctx, &n); err != nil {
		t.Fatal(err)
	}
	return am
}

func TestAmendmentListsItsCorrections(t *testing.T) {
	st, id, dir := signedDemo(t)
	ctx := context.Background()
	if _, err := New(st).Amend(ctx, id, AmendSpec{Reason: " "}); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("an amendment without a reason: %v", err)
	}
	am := amendFirstTo250k(t, st, id)
	orig, _ := st.Meeting(ctx, id)
	if !orig.Locked() || orig.Nominees[0].Proposed != 300_000 {
		t.Fatalf("the signed meeting must not change: %+v", orig.Nominees[0])
	}
	pdf := filepath.Join(dir, "amend.pdf")
	if _, err := WriteMinutes(ctx, st, am.ID, pdf, time.Now()); err != nil {
		t.Fatal(err)
	}
	text := pdftest.Words(t, pdf)
	for _, want := range []string{"补充纪要", "第1户建议额度误记", "第1户陈永明，建议授信额度：原为“300,000”，更正为“250,000”", "最终结果：原为“通过300,000”，更正为“通过250,000”"} {
		if !strings.Contains(text, strings.Join(strings.Fields(want), "")) {
			t.Errorf("amendment minutes lack %q", want)
		}
	}
}
