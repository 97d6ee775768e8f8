package service

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"pingxin/app/importer"
)

// longList is a GBK list of n households (many parts of partRows) with the faults
// given, by household number.
func longList(t testing.TB, n int, faults map[int]map[int]string) string {
	rows := [][]string{header}
	for i := 1; i <= n; i++ {
		rows = append(rows, household(i+100, faults[i])) // household 5 (blacklisted) is not among them
	}
	return gbkFile(t, rows)
}

// TestImportRefusedLateStoresNothing: the parts of a list are stored while the rest is
// still being checked, so a bad row in the last part, after four parts were stored,
// must still leave nothing stored, and name exactly the bad rows, a duplicate of a row
// in the first part among them. With --skip-invalid the rest is stored in file order,
// numbered without gaps, under one audit entry for the file.
func TestImportRefusedLateStoresNothing(t *testing.T) {
	st, id := setup(t)
	ctx := context.Background()
	path := longList(t, 1000, map[int]map[int]string{950: {4: "若干"}, 990: {1: idN(120)}})
	if partRows*4 >= 950 {
		t.Fatalf("the list's faults are not after four parts of %d rows", partRows)
	}
	sum, err := New(st).ImportNominees(ctx, id, path, false)
	var fe *importer.FileErrors
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want the file's errors", err)
	}
	if got := rowsOf(sum.Errors); !slices.Equal(got, []int{951, 991}) || sum.Imported != 0 {
		t.Fatalf("summary %+v rows %v", sum, got)
	}
	if sum.Errors[1].Reason.Key != "importer.duplicate" {
		t.Errorf("row 991: %+v, want the duplicate of row 21", sum.Errors[1])
	}
	if n := len(nominees(t, st, id)); n != 0 {
		t.Fatalf("%d households stored after a refused import", n)
	}
	before, err := st.Audit(ctx, id)
	if err != nil {
		t.Fatal(err)
	}

	sum, err = New(st).ImportNominees(ctx, id, path, true)
	if err != nil || sum.Imported != 998 || sum.Skipped != 2 {
		t.Fatalf("%v %+v", err, sum)
	}
	ns := nominees(t, st, id)
	var kept []int // the households stored, in file order: all but 950 and 990
	for i := 1; i <= 1000; i++ {
		if i != 950 && i != 990 {
			kept = append(kept, i)
		}
	}
	for i, n := range ns {
		if n.Seq != i+1 || n.IDNumber != idN(kept[i]+100) || n.Voters == nil {
			t.Fatalf("№%d: seq %d %s voters %v, want household %d", i+1, n.Seq, n.Name, n.Voters, kept[i])
		}
	}
	after, err := st.Audit(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%s sha256:%x 998 households", filepath.Base(path), sha256.Sum256(b))
	if len(after) != len(before)+1 || after[len(after)-1].New != want {
		t.Fatalf("audit after the import: %+v, want one entry %q", after[len(before):], want)
	}
}
