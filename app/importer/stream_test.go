package importer

import (
	"bytes"
	"errors"
	"slices"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"pingxin/app"
)

// streamAll checks the list at path part by part as an import does, n rows a part.
func streamAll(t *testing.T, path string, r NomineeRules, n int) (*NomineeList, error) {
	t.Helper()
	s, err := OpenNominees(path, r)
	if err != nil {
		return nil, err
	}
	var all []NomineeList
	for {
		ns, err := s.Next(n)
		if err != nil {
			return nil, err
		}
		if len(ns) == 0 {
			break
		}
		all = append(all, NomineeList{Nominees: ns})
	}
	l := s.List()
	for _, p := range all {
		l.Nominees = append(l.Nominees, p.Nominees...)
	}
	return l, nil
}

// TestStreamChecksAsParseNominees: a list checked part by part (an import stores each
// part while the next is checked) gives exactly the households, errors, warnings and
// counts of the whole file checked at once, whatever the size of the parts: a
// duplicate of a row in an earlier part is still refused, a footer still skipped.
func TestStreamChecksAsParseNominees(t *testing.T) {
	rows := [][]string{{"越丰村提名名单"}, listHeader}
	for i := 1; i <= 700; i++ {
		var over map[string]string
		switch i {
		case 17:
			over = map[string]string{"申请额度": "若干"}
		case 420:
			over = map[string]string{"身份证号码": nthID(3)} // a duplicate of row 5
		case 650:
			over = map[string]string{"身份证号码": "330483" + "1990"}
		case 699:
			over = map[string]string{"核实人": "路人"}
		}
		rows = append(rows, listRow(i, over))
	}
	rows = append(rows, []string{"合计"}, []string{"制表人：张三"})
	path := gbkCSV(t, rows)
	whole := parseList(t, readBytes(t, "名单.csv", encode(t, csvText(rows, ",", "\r\n"), simplifiedchinese.GBK), NomineeSchema), rules())
	for _, n := range []int{1, 7, 200, 1000} {
		got, err := streamAll(t, path, rules(), n)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Nominees) != len(whole.Nominees) || !slices.EqualFunc(got.Nominees, whole.Nominees, sameHousehold) {
			t.Fatalf("parts of %d: %d households, want %d as checked whole", n, len(got.Nominees), len(whole.Nominees))
		}
		if !slices.EqualFunc(got.Errors, whole.Errors, sameError) || !slices.EqualFunc(got.Warnings, whole.Warnings, sameError) ||
			got.Bad != whole.Bad || got.Blocked != whole.Blocked || !slices.Equal(got.Rows, whole.Rows) {
			t.Fatalf("parts of %d: errors %v bad %d, want %v bad %d", n, got.Errors, got.Bad, whole.Errors, whole.Bad)
		}
	}
	if whole.Bad != 4 || len(whole.Nominees) != 696 {
		t.Fatalf("the list has %d bad rows and %d households, want 4 and 696", whole.Bad, len(whole.Nominees))
	}
}

func sameError(a, b RowError) bool {
	return a.Row == b.Row && a.Column == b.Column && a.Value == b.Value && a.Reason.Key == b.Reason.Key
}

// TestGBKDecodedPartByPart: a GBK file longer than one decoded part reads as the whole
// text decoded at once, rows across the parts' seams included; a sequence GB18030 does
// not know, far down the file, refuses the file as an encoding error (not a broken CSV)
// when read whole and when checked part by part.
func TestGBKDecodedPartByPart(t *testing.T) {
	rows := [][]string{listHeader}
	for i := 1; len(csvText(rows, ",", "\r\n")) < 3*gbPart; i++ {
		rows = append(rows, listRow(i, map[string]string{"核实意见": "家庭和睦，\n经营正常，邻里评价好"}))
	}
	b := encode(t, csvText(rows, ",", "\r\n"), simplifiedchinese.GBK)
	tb := readBytes(t, "名单.csv", b, NomineeSchema)
	if len(tb.Rows) != len(rows) {
		t.Fatalf("%d rows read, want %d", len(tb.Rows), len(rows))
	}
	for i, r := range tb.Rows {
		for j, c := range r.Cells {
			if c.Value != rows[i][j] {
				t.Fatalf("row %d col %d: %q, want %q", r.Num, j+1, c.Value, rows[i][j])
			}
		}
	}
	if last := tb.Rows[len(tb.Rows)-1].Num; last != len(rows) { // a note of two lines is one row
		t.Fatalf("last row numbered %d, want %d", last, len(rows))
	}

	bad := append(slices.Clone(b[:len(b)-100]), 0x81, 0x20) // 0x81 0x20 is no GB18030 sequence
	bad = append(bad, b[len(b)-100:]...)
	if _, err := ReadTableFrom(bytesReader(bad), "名单.csv", NomineeSchema); !isKey(err, "importer.encoding") {
		t.Fatalf("read whole: %v, want the encoding refused", err)
	}
	if _, err := streamAll(t, writeFile(t, "名单.csv", bad), rules(), 200); !isKey(err, "importer.encoding") {
		t.Fatalf("part by part: %v, want the encoding refused", err)
	}
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

// isKey reports whether err is the *app.Error with message key.
func isKey(err error, key string) bool {
	var e *app.Error
	return errors.As(err, &e) && e.Message.Key == key
}

// TestGBKFileReadAsItIsChecked: a GBK list on disk longer than two parts is read from
// the file part by part (the import checks the first rows before the rest is read);
// it must give the rows and the SHA-256 of the file read whole, and refuse a file that
// is bad further down with the refusal of the whole: a NUL after an unknown sequence
// is a binary file, an unknown sequence alone an encoding error, a few control
// characters in notes are let through and many are a binary file.
func TestGBKFileReadAsItIsChecked(t *testing.T) {
	rows := [][]string{listHeader}
	for i := 1; len(csvText(rows, ",", "\r\n")) < 4*gbPart; i++ {
		rows = append(rows, listRow(i, map[string]string{"核实意见": "家庭和睦，经营正常，邻里评价好"}))
	}
	b := encode(t, csvText(rows, ",", "\r\n"), simplifiedchinese.GBK)
	path := writeFile(t, "名单.csv", b)
	whole := readBytes(t, "名单.csv", b, NomineeSchema)
	got, err := ReadTable(path, NomineeSchema)
	if err != nil {
		t.Fatal(err)
	}
	if got.SHA256 != whole.SHA256 || len(got.Rows) != len(whole.Rows) || got.Format != "csv" {
		t.Fatalf("from the file: %d rows sha %s, want %d rows sha %s", len(got.Rows), got.SHA256, len(whole.Rows), whole.SHA256)
	}
	for i := range got.Rows {
		if !slices.Equal(got.Rows[i].Cells, whole.Rows[i].Cells) || got.Rows[i].Num != whole.Rows[i].Num {
			t.Fatalf("row %d differs: %v, want %v", i+1, got.Rows[i], whole.Rows[i])
		}
	}
	s, err := OpenNominees(path, rules())
	if err != nil {
		t.Fatal(err)
	}
	if s.src.file == nil {
		t.Fatal("the file was read whole, not part by part")
	}
	for {
		ns, err := s.Next(500)
		if err != nil {
			t.Fatal(err)
		}
		if len(ns) == 0 {
			break
		}
	}
	if s.SHA256() != whole.SHA256 || len(s.List().Errors) != 0 {
		t.Fatalf("stream sha %s errors %v, want sha %s", s.SHA256(), s.List().Errors, whole.SHA256)
	}

	late := len(b) - 200
	at := func(ins ...[]byte) []byte { // b with ins put in at late, each 100 bytes after the last
		out := slices.Clone(b[:late])
		for i, x := range ins {
			out = append(append(out, x...), b[late+i*100:late+(i+1)*100]...)
		}
		return append(out, b[late+len(ins)*100:]...)
	}
	ctl := func(n int) []byte { return bytes.Repeat([]byte{0x01}, n) }
	for _, tt := range []struct {
		name string
		b    []byte
		key  string // "" accepted
	}{
		{"unknown sequence", at([]byte{0x81, 0x20}), "importer.encoding"},
		{"unknown sequence, then NUL", at([]byte{0x81, 0x20}, []byte{0}), "importer.binary"},
		{"a few control characters", at(ctl(3)), ""},
		{"many control characters", at(ctl(20000)), "importer.binary"},
	} {
		_, wantErr := ReadTableFrom(bytesReader(tt.b), "名单.csv", NomineeSchema)
		_, err := ReadTable(writeFile(t, "名单.csv", tt.b), NomineeSchema)
		if tt.key == "" && (err != nil || wantErr != nil) || tt.key != "" && (!isKey(err, tt.key) || !isKey(wantErr, tt.key)) {
			t.Errorf("%s: from the file %v, read whole %v, want %q", tt.name, err, wantErr, tt.key)
		}
		_, err = streamAll(t, writeFile(t, "名单.csv", tt.b), rules(), 300)
		if tt.key != "" && !isKey(err, tt.key) {
			t.Errorf("%s: checked part by part: %v, want %q", tt.name, err, tt.key)
		}
	}
}

// TestReadClockStopsBetweenParts: the bound on the time spent reading a file counts
// only reading. An import stores each part before it asks for the next, on a slow disk
// for longer than the bound; the list must still be read whole. Time spent reading past
// the bound is still refused.
func TestReadClockStopsBetweenParts(t *testing.T) {
	defer func(d time.Duration) { readTimeout = d }(readTimeout)
	readTimeout = 300 * time.Millisecond
	rows := [][]string{listHeader}
	for i := 1; i <= 3000; i++ { // the clock is looked at every 1,024 rows
		rows = append(rows, listRow(i, nil))
	}
	path := writeFile(t, "名单.csv", encode(t, csvText(rows, ",", "\r\n"), simplifiedchinese.GBK))
	s, err := OpenNominees(path, rules())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := 0
	for {
		time.Sleep(readTimeout / 2) // the store storing the part before; 3,000 rows take four waits
		ns, err := s.Next(900)
		if err != nil {
			t.Fatalf("after %d households: %v", n, err)
		}
		if len(ns) == 0 {
			break
		}
		n += len(ns)
	}
	if n != 3000 {
		t.Fatalf("%d households read, want 3000", n)
	}

	l := newLimits()
	l.stop()
	time.Sleep(readTimeout)
	l.start()
	if err := l.row(1024, nil); err != nil {
		t.Fatalf("after a stop as long as the bound: %v", err)
	}
	time.Sleep(readTimeout)
	if err := l.row(2048, nil); !isKey(err, "importer.too_slow") {
		t.Fatalf("reading past the bound: %v, want importer.too_slow", err)
	}
}
