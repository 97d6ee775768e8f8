package service

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"pingxin/app"
)

const demoPass = "口令1234567890"

// exportZip exports the bank package of meeting id and returns its bytes, recording
// the 组织审定 and the 公示's outcome first where they are not yet recorded.
func exportZip(t *testing.T, st app.Store, id int64, dir string, now time.Time) []byte {
	t.Helper()
	path := filepath.Join(dir, "bank.zip")
	reviewed(t, st, id, now)
	publicized(t, st, id, dir, now)
	if err := New(st).ExportBank(context.Background(), id, path, demoPass, now); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// reviewed records meeting id's 组织审定 on the day of now, unless one is recorded
// already: the bank package comes after it.
func reviewed(t *testing.T, st app.Store, id int64, now time.Time) {
	t.Helper()
	ctx := context.Background()
	if r, err := st.Review(ctx, id); err != nil || r != nil {
		return
	}
	if err := New(st).RecordReview(ctx, id, app.Day(now), "王书记", "", now); err != nil {
		t.Fatal(err)
	}
}

// publicized runs meeting id's 公示 from now and records 无异议 once its period is
// over, unless its outcome is recorded already: the bank package comes after it.
func publicized(t *testing.T, st app.Store, id int64, dir string, now time.Time) {
	t.Helper()
	ctx := context.Background()
	if p, err := st.Publicity(ctx, id); err != nil || (p != nil && p.Closed()) {
		return
	}
	s := New(st)
	if _, err := s.WriteNotice(ctx, id, filepath.Join(dir, "notice.pdf"), time.Time{}, now); err != nil {
		t.Fatal(err)
	}
	if err := s.ClosePublicity(ctx, id, app.NoObjection, "", nil, now.AddDate(0, 0, 31)); err != nil {
		t.Fatal(err)
	}
}

// unzip returns the entries of a zip in order.
func unzip(t *testing.T, b []byte) ([]string, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
		names = append(names, f.Name)
	}
	return names, files
}

// rezip writes the entries again, as someone who changed a file and zipped it back would.
func rezip(t *testing.T, names []string, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestBankPackageHolds: a fresh package verifies — every file named and unchanged, the
// manifest signed by the village key, with the 组织审定 and 公示 sections, Beijing times.
func TestBankPackageHolds(t *testing.T) {
	st, id, dir := signedDemo(t)
	now := time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)
	b := exportZip(t, st, id, dir, now)
	rep, err := VerifyPackage(context.Background(), st, b)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Valid || !rep.Known || len(rep.Files) != 5 {
		t.Fatalf("a fresh package: valid %v known %v files %+v", rep.Valid, rep.Known, rep.Files)
	}
	for _, f := range rep.Files {
		if f.State != FileOK {
			t.Errorf("%s: %s", f.Name, f.State)
		}
	}
	names, files := unzip(t, b)
	want := []string{PackageMinutes, PackageSheet, PackageCover, PackageManifest, PackageManifestSig}
	if !slices.Equal(names, want) {
		t.Errorf("entries %v, want %v", names, want)
	}
	var raw map[string]any
	json.Unmarshal(files[PackageManifest], &raw)
	for _, k := range []string{"amends", "review", "publicity", "created_at"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("manifest lacks %q", k)
		}
	}
	if raw["created_at"] != "2026-11-30T09:00:00+08:00" {
		t.Errorf("created_at %v, want Beijing time", raw["created_at"])
	}
	bank, _ := VerifyPackage(context.Background(), nil, b) // a PC that knows no certificate
	if !bank.Valid || bank.Known {
		t.Errorf("on a bank PC knowing no certificate: valid %v known %v", bank.Valid, bank.Known)
	}
}

// TestBankPackageTamper flips one byte at every position of each file of the package
// (or 1,000 spread positions where the file is larger than 4 KB) and zips it again; and
// adds, removes and swaps files. Verification must catch every change. The full run
// (PINGXIN_TAMPER_FULL=1) takes minutes on two cores; by default 60 spread positions per
// file are flipped.
func TestBankPackageTamper(t *testing.T) {
	st, id, dir := signedDemo(t)
	b := exportZip(t, st, id, dir, time.Now())
	names, files := unzip(t, b)
	ctx := context.Background()
	caught := func(z []byte) bool {
		rep, err := VerifyPackage(ctx, st, z)
		return err != nil || !rep.Valid
	}
	total, missed := 0, 0
	for _, name := range names {
		orig := files[name]
		n := len(orig)
		positions := make([]int, 0, n)
		if os.Getenv("PINGXIN_TAMPER_FULL") != "1" {
			for k := range 60 {
				positions = append(positions, k*n/60)
			}
		} else if n <= 4096 {
			for i := range n {
				positions = append(positions, i)
			}
		} else {
			for k := range 1000 {
				positions = append(positions, k*n/1000)
			}
		}
		for _, i := range positions {
			c := bytes.Clone(orig)
			c[i] ^= 0x01
			files[name] = c
			total++
			if !caught(rezip(t, names, files)) {
				missed++
				t.Errorf("%s: byte %d flipped and the package still verifies", name, i)
			}
		}
		files[name] = orig
		t.Logf("%s (%d bytes): %d flips", name, n, len(positions))
	}
	t.Logf("package: %d of %d single-byte flips caught", total-missed, total)

	for _, tc := range []struct {
		name  string
		names []string
		edit  func(map[string][]byte)
	}{
		{"a file added", append(slices.Clone(names), "extra.txt"), func(f map[string][]byte) { f["extra.txt"] = []byte("x") }},
		{"the sheet removed", slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == PackageSheet }), nil},
		{"the manifest's signature removed", slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == PackageManifestSig }), nil},
		{"the minutes swapped for the cover sheet", names, func(f map[string][]byte) { f[PackageMinutes] = f[PackageCover] }},
	} {
		fs := map[string][]byte{}
		for k, v := range files {
			fs[k] = v
		}
		if tc.edit != nil {
			tc.edit(fs)
		}
		if !caught(rezip(t, tc.names, fs)) {
			t.Errorf("%s: the package still verifies", tc.name)
		}
	}
}

// TestAmendmentPackageNamesTheOriginal: the package of an amendment names the package it
// amends by 文号 and manifest SHA-256, and lists the changed household with its old and
// new amounts.
func TestAmendmentPackageNamesTheOriginal(t *testing.T) {
	st, id, dir := signedDemo(t)
	ctx := context.Background()
	orig := exportZip(t, st, id, dir, time.Now())
	_, of := unzip(t, orig)
	am := amendFirstTo250k(t, st, id)
	am, _ = st.Meeting(ctx, am.ID)
	for _, a := range am.Attendance {
		New(st).SetPresence(ctx, am.ID, a.MemberID, app.Present, "", true)
	}
	if _, err := New(st).SignMinutes(ctx, am.ID, filepath.Join(dir, "amend.pdf"), demoPass, time.Now()); err != nil {
		t.Fatal(err)
	}
	_, af := unzip(t, exportZip(t, st, am.ID, t.TempDir(), time.Now()))
	var man Manifest
	if err := json.Unmarshal(af[PackageManifest], &man); err != nil {
		t.Fatal(err)
	}
	origMan, _ := st.Meeting(ctx, id)
	if man.Amends == nil || man.Amends.DocNumber != origMan.DocNumber || man.Amends.ManifestSHA256 != hexSHA(of[PackageManifest]) {
		t.Fatalf("amends = %+v, want %s and the original manifest's hash", man.Amends, origMan.DocNumber)
	}
	if len(man.Amends.Changed) != 1 || man.Amends.Changed[0].OldAmount != 300_000 || man.Amends.Changed[0].NewAmount != 250_000 {
		t.Errorf("changed = %+v", man.Amends.Changed)
	}
}

// TestBankPackageOnlyAfterReview: the bank package is refused, and nothing is written,
// until the 组织审定 is recorded (docs/RULES.md §11.4); the refusal names 组织审定, and
// names the 公示's outcome too while that is also missing. An amendment needs its own
// review: the original's does not cover the changes.
func TestBankPackageOnlyAfterReview(t *testing.T) {
	st, id, dir := signedDemo(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)
	path := filepath.Join(dir, "bank.zip")
	refused := func(id int64, key string, words ...string) {
		t.Helper()
		err := New(st).ExportBank(ctx, id, path, demoPass, now)
		var e *app.Error
		if !errors.As(err, &e) || e.Code != app.EINVALID || e.Message.Key != key {
			t.Fatalf("export of meeting %d: %v, want %s", id, err, key)
		}
		if err := ReadyForBank(ctx, st, id); err == nil || err.Error() != e.Error() {
			t.Errorf("ReadyForBank says %v, export said %v", err, e)
		}
		for _, w := range words {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("the refusal %q does not name %s", err, w)
			}
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a refused export left %s: %v", path, err)
		}
	}
	refused(id, "process.export_no_review_no_outcome", "组织审定", "公示结果")
	publicized(t, st, id, dir, now)
	refused(id, "process.export_no_review", "组织审定")
	if pk, err := st.LatestPackage(ctx, id); err != nil || pk != nil {
		t.Fatalf("a refused export recorded a package: %+v %v", pk, err)
	}
	reviewed(t, st, id, now)
	if err := ReadyForBank(ctx, st, id); err != nil {
		t.Fatalf("reviewed and publicized, still not ready: %v", err)
	}
	if err := New(st).ExportBank(ctx, id, path, demoPass, now); err != nil {
		t.Fatal(err)
	}
	_, files := unzip(t, mustRead(t, path))
	var man Manifest
	if err := json.Unmarshal(files[PackageManifest], &man); err != nil {
		t.Fatal(err)
	}
	if man.Review == nil || man.Review.Reviewer != "王书记" || man.Review.Opinion != app.DefaultOpinion {
		t.Errorf("the manifest's review: %+v", man.Review)
	}
	os.Remove(path)

	am := amendFirstTo250k(t, st, id)
	refused(am.ID, "service.export_unsigned")
	am, _ = st.Meeting(ctx, am.ID)
	for _, a := range am.Attendance {
		New(st).SetPresence(ctx, am.ID, a.MemberID, app.Present, "", true)
	}
	if _, err := New(st).SignMinutes(ctx, am.ID, filepath.Join(dir, "amend.pdf"), demoPass, now); err != nil {
		t.Fatal(err)
	}
	publicized(t, st, am.ID, dir, now)
	refused(am.ID, "process.export_no_review", "组织审定")
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
