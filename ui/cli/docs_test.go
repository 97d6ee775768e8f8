package cli

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"pingxin/app"
	"pingxin/app/service"
	"pingxin/data"
)

// finishDemo deliberates every pending household of a demo meeting, as the meeting
// would, so that the minutes may be signed.
func finishDemo(t *testing.T, h *harness) int64 {
	id, _ := strconv.ParseInt(strings.TrimSpace(h.ok("demo")), 10, 64)
	st, err := data.Open(h.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	m, err := st.Meeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range m.Nominees {
		if n.Blocked != "" {
			continue
		}
		if n.Votes.Recorded && n.Baseline[3] != app.ToVerify {
			continue
		}
		n.Baseline[3] = app.Met
		n.Proposed = n.Requested
		if n.Proposed > 300_000 {
			n.ProposedReason = "信用良好"
		}
		n.Votes = app.Votes{For: 7, Against: 1, Recorded: true}
		if err := st.SaveNominee(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func TestSignVerifyExport(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	pass := map[string]string{"PINGXIN_PASSPHRASE": "越丰村2026年的口令"}

	t.Run("an unfinished meeting is refused with every household named", func(t *testing.T) {
		id := strings.TrimSpace(h.ok("demo"))
		out := filepath.Join(dir, "unfinished.pdf")
		code, _, errs := h.run(pass, "minutes", "--meeting", id, "--out", out, "--sign")
		if code != ExitRefused || !strings.Contains(errs, "第 13 户") || !strings.Contains(errs, "尚未表决") {
			t.Fatalf("exit %d, stderr:\n%s", code, errs)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatal("a refused signing must write no file")
		}
	})

	id := strconv.FormatInt(finishDemo(t, h), 10)
	signed := filepath.Join(dir, "minutes.pdf")

	t.Run("a wrong passphrase writes nothing and locks nothing", func(t *testing.T) {
		h.okEnv(pass, "minutes", "--meeting", id, "--out", filepath.Join(dir, "first.pdf"), "--sign")
		// the first signing created the key; a second meeting with a wrong passphrase:
		other := strconv.FormatInt(finishDemo(t, h), 10)
		out := filepath.Join(dir, "wrong.pdf")
		code, _, errs := h.run(map[string]string{"PINGXIN_PASSPHRASE": "不对的口令123"}, "minutes", "--meeting", other, "--out", out, "--sign")
		if code != ExitRefused || !strings.Contains(errs, "口令") {
			t.Fatalf("exit %d, stderr %s", code, errs)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatal("wrong passphrase left a file")
		}
		if list := h.ok("meetings"); strings.Contains(lineOf(list, other), "已签署") {
			t.Fatalf("wrong passphrase locked the meeting:\n%s", list)
		}
		id = other
	})

	out := h.okEnv(pass, "minutes", "--meeting", id, "--out", signed, "--sign")
	if !strings.HasPrefix(out, signed+" ") {
		t.Fatalf("minutes --sign printed %q", out)
	}
	if !strings.Contains(lineOf(h.ok("meetings"), id), "已签署") {
		t.Fatal("signing must lock the meeting")
	}

	t.Run("verify says valid and names the village council", func(t *testing.T) {
		code, stdout, errs := h.run(nil, "verify", signed)
		if code != 0 || !strings.Contains(stdout, "越丰村") || !strings.HasSuffix(stdout, "valid\n") {
			t.Fatalf("exit %d\n%s\n%s", code, stdout, errs)
		}
		if path, err := exec.LookPath("pdfsig"); err == nil {
			b, _ := exec.Command(path, signed).CombinedOutput()
			if !strings.Contains(string(b), "Signature is Valid") {
				t.Fatalf("pdfsig:\n%s", b)
			}
		}
	})
	t.Run("verify refuses a copy changed after signing", func(t *testing.T) {
		b, _ := os.ReadFile(signed)
		b[len(b)/3] ^= 0x01 // the original document: inside the signed range
		tampered := filepath.Join(dir, "tampered.pdf")
		os.WriteFile(tampered, b, 0o644)
		code, stdout, errs := h.run(nil, "verify", tampered)
		if code != ExitRefused || strings.HasSuffix(stdout, "valid\n") || errs == "" {
			t.Fatalf("tampered copy: exit %d\n%s\n%s", code, stdout, errs)
		}
	})
	t.Run("a signed meeting refuses a new import", func(t *testing.T) {
		csv := filepath.Join(dir, "late.csv")
		os.WriteFile(csv, []byte("户主姓名,身份证号码,申请额度\n迟来者,11010519491231002X,10万\n"), 0o644)
		code, _, errs := h.run(nil, "import", "--meeting", id, csv)
		if code != ExitRefused || !strings.Contains(errs, "锁定") {
			t.Fatalf("exit %d, stderr %s", code, errs)
		}
	})
	t.Run("cert export", func(t *testing.T) {
		crt := filepath.Join(dir, "village.crt")
		h.ok("cert", "export", "--village", "越丰村", "--out", crt)
		b, _ := os.ReadFile(crt)
		if !strings.HasPrefix(string(b), "-----BEGIN CERTIFICATE-----") {
			t.Fatalf("not a PEM certificate: %.40q", b)
		}
	})
	t.Run("the bank package's manifest matches its files", func(t *testing.T) {
		zp := filepath.Join(dir, "bank.zip")
		h.ok("review", "--meeting", id, "--date", h.clock().Format("2006-01-02"), "--by", "沈建国")
		publicize(t, h, id, dir)
		h.okEnv(pass, "export", "--meeting", id, "--out", zp)
		zr, err := zip.OpenReader(zp)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		files := map[string][]byte{}
		for _, f := range zr.File {
			rc, _ := f.Open()
			files[f.Name], _ = io.ReadAll(rc)
			rc.Close()
		}
		var man service.Manifest
		if err := json.Unmarshal(files[service.PackageManifest], &man); err != nil {
			t.Fatal(err)
		}
		if len(man.Files) != 3 || man.Village != "越丰村" || man.SignerCertHash == "" {
			t.Fatalf("manifest %+v", man)
		}
		for _, f := range man.Files {
			sum := sha256.Sum256(files[f.Name])
			if hex.EncodeToString(sum[:]) != f.SHA256 {
				t.Fatalf("%s: hash mismatch", f.Name)
			}
		}
		pdf, _ := os.ReadFile(signed)
		if string(files[service.PackageMinutes]) != string(pdf) {
			t.Fatal("the package must hold the minutes exactly as signed")
		}
		if out := h.ok("verify", zp); !strings.Contains(out, service.PackageSheet+"：未改动") || !strings.HasSuffix(out, "valid\n") {
			t.Fatalf("verify of the fresh package:\n%s", out)
		}
		files[service.PackageSheet][100] ^= 1 // one byte of the sheet, zipped again
		bad := filepath.Join(dir, "bad.zip")
		f, _ := os.Create(bad)
		zw := zip.NewWriter(f)
		for _, e := range zr.File {
			w, _ := zw.Create(e.Name)
			w.Write(files[e.Name])
		}
		zw.Close()
		f.Close()
		code, out, _ := h.run(nil, "verify", bad)
		if code != ExitRefused || !strings.Contains(out, service.PackageSheet+"：已改动") || strings.Contains(out, "valid") {
			t.Fatalf("verify of a changed package: exit %d\n%s", code, out)
		}
	})
}

// lineOf returns the line of a meetings table that starts with id.
func lineOf(table, id string) string {
	for _, l := range strings.Split(table, "\n") {
		if strings.HasPrefix(l, id+" ") {
			return l
		}
	}
	return ""
}
