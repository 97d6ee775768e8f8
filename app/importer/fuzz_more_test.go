package importer

import (
	"bytes"
	"os"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/app/amount"
)

// checkBounds asserts what the readers promise of any table they return: within the
// row and column bounds, no cell longer than a cell may be.
func checkBounds(t *testing.T, tb *Table) {
	t.Helper()
	for _, r := range tb.Rows {
		if r.Num <= 0 || r.Num > maxRows || len(r.Cells) > maxCols {
			t.Fatalf("row %d with %d cells passed the bounds", r.Num, len(r.Cells))
		}
		for _, c := range r.Cells {
			if len([]rune(c.Value)) > maxCell {
				t.Fatalf("row %d: a cell of %d characters", r.Num, len([]rune(c.Value)))
			}
		}
	}
}

// FuzzReadXLSX feeds mutated workbooks to the XLSX reader and the list checks: no
// panic, no hang (the fuzzer's own timeout), and the bounds hold for what is read.
func FuzzReadXLSX(f *testing.F) {
	rows := [][]any{anyRow(listHeader)}
	for i := 1; i <= 3; i++ {
		rows = append(rows, anyRow(listRow(i, nil)))
	}
	f.Add(xlsxBytes(f, map[string][][]any{"名单": rows}, "名单"))
	f.Add(xlsxBytes(f, map[string][][]any{"说明": {{"本表"}}, "名单": rows}, "说明", "名单"))
	for _, name := range []string{"testdata/libreoffice.xlsx", "testdata/libreoffice-numeric.xlsx"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := ReadTableFrom(bytes.NewReader(b), "f.xlsx", NomineeSchema)
		if err != nil {
			if app.ErrorCode(err) == app.EINTERNAL {
				t.Fatalf("a refusal without a message: %v", err)
			}
			return
		}
		checkBounds(t, tb)
		if l, err := ParseNominees(tb, rules()); err == nil {
			checkList(t, l)
		}
	})
}

// FuzzParseBank feeds mutated bank replies (CSV) to the reader and the register check:
// every answer it returns is one the register allows, and every refusal names a row.
func FuzzParseBank(f *testing.F) {
	id1, id2 := nthID(1), nthID(2)
	f.Add([]byte("身份证号码,户主姓名,审批结果,授信额度,审批日期,利率,备注\r\n" +
		id1 + ",村民1,批准,20万,2026-12-10,4.35%,\r\n" + id2 + ",村民2,不批准,,2026-12-10,,征信\r\n"))
	f.Add([]byte("序号\t身份证号\t审批意见\t批准额度\t批准日期\n1\t" + id1 + "\t同意\t300000\t2026/12/10\n"))
	signed := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	register := func(id string) *app.CreditRow {
		if id != id1 && id != id2 {
			return nil
		}
		return &app.CreditRow{IDNumber: id, Name: "村民1", SignedOn: signed, Passed: amount.Yuan(300_000)}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := ReadTableFrom(bytes.NewReader(b), "回执.csv", BankSchema)
		if err != nil {
			return
		}
		checkBounds(t, tb)
		answers, err := ParseBank(tb, today, register)
		var fe *FileErrors
		if err != nil {
			if errorsAs(err, &fe) {
				for _, e := range fe.Errors {
					if e.Row <= 0 {
						t.Fatalf("a bank reply error without a row: %+v", e)
					}
				}
			}
			return
		}
		for _, a := range answers {
			if bad := a.Check(register(a.IDNumber)); len(bad) > 0 {
				t.Fatalf("an answer the register refuses was accepted: %+v: %v", a, bad)
			}
		}
	})
}
