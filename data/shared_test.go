package data

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// countingPreparer counts the statements it prepares.
type countingPreparer struct {
	preparer
	n int
}

func (p *countingPreparer) prepare(ctx context.Context, q string) (batchStmt, error) {
	p.n++
	return p.preparer.prepare(ctx, q)
}

// TestSharedValuesLandInTheirColumns: batches whose columns are alike in every row in
// changing ways (none, some, all but one; one row; text, numbers, NULL) store every value
// in its own row and column; after maxShapes statements of different shapes a batch
// binds every value (and prepares no more than one statement per row count for that).
func TestSharedValuesLandInTheirColumns(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE t (k INTEGER, a, b, c, d)`); err != nil {
		t.Fatal(err)
	}
	in := insertInto{"t", []string{"k", "a", "b", "c", "d"}}
	cp := &countingPreparer{preparer: txPreparer{tx}}
	b := newBatcher(cp)
	defer b.close()
	var want [][]any
	k := int64(0)
	for n := range 20 {
		rows := 1 + n%4
		var v rowValues
		v.reset(len(in.cols))
		for r := range rows {
			k++
			row := []any{k, int64(n), "甲", nil, fmt.Sprintf("行%d", r)}
			if n&1 != 0 {
				row[1] = int64(r) // varies
			}
			if n&2 != 0 {
				row[2] = strings.Repeat("乙", r) // varies ("" first)
			}
			if n&4 != 0 && r == 1 {
				row[3] = "丙"
			}
			if n&8 != 0 {
				row[4] = "同" // alike
			}
			v.add(row...)
			want = append(want, row)
		}
		v.seal()
		if err := b.exec(ctx, in, &v); err != nil {
			t.Fatalf("batch %d (%d rows): %v", n, rows, err)
		}
	}
	if cp.n > maxShapes+4 {
		t.Errorf("%d statements prepared, want at most %d", cp.n, maxShapes+4)
	}
	rs, err := tx.QueryContext(ctx, `SELECT k, a, b, c, d FROM t ORDER BY k`)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	var got [][]any
	for rs.Next() {
		row := make([]any, 5)
		ptrs := make([]any, 5)
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		got = append(got, row)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("stored:\n%v\nwant:\n%v", got, want)
	}
}

// TestInsertSQLNumbersSharedFirst: the shared columns come first, as ?1 … ?S, and every
// other value is a plain ?.
func TestInsertSQLNumbersSharedFirst(t *testing.T) {
	in := insertInto{"t", []string{"k", "a", "b", "c"}}
	got := in.sql(2, 1<<1|1<<3)
	want := "INSERT INTO t (a, c, k, b) VALUES (?1, ?2, ?, ?), (?1, ?2, ?, ?)"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := in.sql(1, 0); got != "INSERT INTO t (k, a, b, c) VALUES (?, ?, ?, ?)" {
		t.Errorf("unshared: %s", got)
	}
}
