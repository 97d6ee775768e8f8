package cli

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/data"
)

// TestDeleteEnteredByMistake protects docs/CLI.md's delete commands (issue 12 item 6): a
// household, a meeting and a village entered by mistake go with --yes; without it the
// command says what would go and deletes nothing; signed minutes are refused, naming
// what to do instead.
func TestDeleteEnteredByMistake(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	roster := filepath.Join(dir, "名册.csv")
	os.WriteFile(roster, []byte(paperRoster), 0o644)
	h.ok("village", "new", "--name", "联丰村", "--town", "高桥街道", "--roster", roster)
	id := strings.TrimSpace(h.ok("meeting", "new", "--village", "联丰村", "--date", "2026-11-18"))
	list := filepath.Join(dir, "计票表.csv")
	os.WriteFile(list, []byte(paperList()), 0o644)
	h.ok("import", "--meeting", id, list)
	p := &paperMeeting{h: h}

	code, out, errs := h.run(nil, "household", "delete", "--meeting", id, "--seq", "2")
	if code != ExitUsage || out != "" || !strings.Contains(errs, "第 2 户 李春花") || !strings.Contains(errs, "--yes") {
		t.Fatalf("household delete without --yes: exit %d, %q", code, errs)
	}
	if n := len(p.meeting(t, id).Nominees); n != 3 {
		t.Fatalf("%d households after an unconfirmed delete", n)
	}
	h.ok("household", "delete", "--meeting", id, "--seq", "2", "--yes")
	for _, n := range p.meeting(t, id).Nominees {
		if n.Seq == 2 {
			t.Fatal("household 2 is still on the list")
		}
	}

	if code, _, errs := h.run(nil, "meeting", "delete", "--meeting", id); code != ExitUsage || !strings.Contains(errs, "2 户农户") {
		t.Fatalf("meeting delete without --yes: exit %d, %q", code, errs)
	}
	h.ok("meeting", "delete", "--meeting", id, "--yes")
	if out := h.ok("meetings"); strings.Contains(out, "联丰村评") {
		t.Fatalf("the deleted meeting is still listed:\n%s", out)
	}

	// a signed meeting is the record: refused, with what to do
	signed := strings.TrimSpace(h.ok("meeting", "new", "--village", "联丰村", "--date", "2026-11-19"))
	st, err := data.Open(h.db)
	if err != nil {
		t.Fatal(err)
	}
	sid, _ := strconv.ParseInt(signed, 10, 64)
	if err := st.Sign(context.Background(), sid, app.SignRecord{SignedAt: time.Now(), Signer: "CN=联丰村"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, errs = h.run(nil, "meeting", "delete", "--meeting", signed, "--yes")
	if code != ExitRefused || !strings.Contains(errs, "补充纪要") {
		t.Fatalf("deleting signed minutes: exit %d, %q", code, errs)
	}
	if code, _, errs := h.run(nil, "village", "delete", "--village", "联丰村"); code != ExitRefused || !strings.Contains(errs, "不能删除") {
		t.Fatalf("deleting a village with signed minutes: exit %d, %q", code, errs)
	}

	h.ok("village", "new", "--name", "误建村", "--town", "高桥街道", "--roster", roster)
	if code, _, errs := h.run(nil, "village", "delete", "--village", "误建村"); code != ExitUsage || !strings.Contains(errs, "误建村") {
		t.Fatalf("village delete without --yes: exit %d, %q", code, errs)
	}
	h.ok("village", "delete", "--village", "误建村", "--yes")
	if out := h.ok("village", "list"); strings.Contains(out, "误建村") || !strings.Contains(out, "联丰村") {
		t.Fatalf("villages after deleting 误建村:\n%s", out)
	}
}

// TestVillageDeleteRefusedWithoutAsking: a village the service would refuse to delete is
// refused straight (exit 1, the service's reason), not asked about with --yes (exit 2)
// only to be refused after: here a village holding a signing key (a CA key imported
// with cert pfx) and no signed minutes, which the command once asked about.
func TestVillageDeleteRefusedWithoutAsking(t *testing.T) {
	h := newHarness(t)
	roster := filepath.Join(t.TempDir(), "名册.csv")
	os.WriteFile(roster, []byte(paperRoster), 0o644)
	h.ok("village", "new", "--name", "联丰村", "--town", "高桥街道", "--roster", roster)
	st, err := data.Open(h.db)
	if err != nil {
		t.Fatal(err)
	}
	v, err := st.VillageByName(context.Background(), "联丰村")
	if err == nil {
		err = st.SaveVillageKey(context.Background(), v.ID, app.VillageKey{Cert: []byte("cert"), Encrypted: []byte("key")})
	}
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"village", "delete", "--village", "联丰村"}, {"village", "delete", "--village", "联丰村", "--yes"}} {
		code, out, errs := h.run(nil, args...)
		if code != ExitRefused || out != "" || !strings.Contains(errs, "已有签名密钥") || strings.Contains(errs, "--yes") {
			t.Errorf("%v: exit %d, stderr %q; want the service's refusal, exit 1", args, code, errs)
		}
	}
	if out := h.ok("village", "list"); !strings.Contains(out, "联丰村") {
		t.Fatalf("the refused village is gone:\n%s", out)
	}
}

// TestVillageCommandsTakeANumber: every command's --village takes the village's name or
// its number as `village list` shows it (docs/CLI.md §3); village delete and cert export
// once took the name only and answered "找不到村：1".
func TestVillageCommandsTakeANumber(t *testing.T) {
	h := newHarness(t)
	roster := filepath.Join(t.TempDir(), "名册.csv")
	os.WriteFile(roster, []byte(paperRoster), 0o644)
	h.ok("village", "new", "--name", "联丰村", "--town", "高桥街道", "--roster", roster)
	if code, _, errs := h.run(nil, "village", "delete", "--village", "1"); code != ExitUsage || !strings.Contains(errs, "将删除联丰村") {
		t.Errorf("village delete --village 1: exit %d, %q", code, errs)
	}
	if code, _, errs := h.run(nil, "cert", "export", "--village", "1", "--out", filepath.Join(t.TempDir(), "v.crt")); code != ExitRefused || !strings.Contains(errs, "还没有签名密钥") {
		t.Errorf("cert export --village 1: exit %d, %q", code, errs)
	}
	h.ok("village", "delete", "--village", "1", "--yes")
	if out := h.ok("village", "list"); strings.Contains(out, "联丰村") {
		t.Errorf("village 1 is still listed:\n%s", out)
	}
}
