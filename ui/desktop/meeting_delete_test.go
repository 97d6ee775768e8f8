package desktop

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/demo"
	"pingxin/data"
)

// TestDeleteHouseholdAsksWithKeepAsDefault protects issue 12 item 6 in the list tab:
// 删除所选 asks, keeping is the highlighted answer, and deleting takes the household off
// the list (store and screen); once signed there is no delete button.
func TestDeleteHouseholdAsksWithKeepAsDefault(t *testing.T) {
	d, s := openDemoMeeting(t)
	s.tabs.SelectIndex(tabList)
	l := s.list
	l.table.Select(widget.TableCellID{Row: 0, Col: 1})
	if l.del.Disabled() || l.del.Hidden {
		t.Fatal("删除所选 is not offered for a selected household")
	}
	n := *s.model.nominee(l.selected)
	before := s.model.count()
	test.Tap(l.del)
	text := overlayText(t, d.Win)
	if !strings.Contains(text, n.Name) {
		t.Fatalf("the question does not name %s:\n%s", n.Name, text)
	}
	keep := overlayButton(t, d.Win, "不删除")
	if keep.Importance != widget.HighImportance {
		t.Errorf("keeping is not the highlighted answer (importance %v)", keep.Importance)
	}
	test.Tap(keep)
	if len(storedMeeting(t, s).Nominees) != before {
		t.Fatal("不删除 deleted")
	}
	test.Tap(l.del)
	test.Tap(overlayButton(t, d.Win, "删除"))
	if got := storedMeeting(t, s); len(got.Nominees) != before-1 || got.NomineeByID(n.ID) != nil {
		t.Fatalf("the household is still stored (%d households)", len(got.Nominees))
	}
	if s.model.count() != before-1 || !l.problem.Hidden {
		t.Errorf("the screen shows %d households, problem %q", s.model.count(), l.problem.Text)
	}
}

// TestDeleteMeetingFromItsWorkspace: 删除本次会议 asks, deletes the meeting and goes
// home, where it is no longer listed; a signed meeting has no such button and the
// service refuses it.
func TestDeleteMeetingFromItsWorkspace(t *testing.T) {
	d, s := openDemoMeeting(t)
	s.tabs.SelectIndex(tabRoll)
	r := s.roll
	if r.del.Hidden {
		t.Fatal("no delete button on an unsigned meeting")
	}
	test.Tap(r.del)
	if !strings.Contains(overlayText(t, d.Win), s.model.m.DocNumber) {
		t.Fatal("the question does not name the meeting's 文号")
	}
	test.Tap(overlayButton(t, d.Win, "删除"))
	if !r.deleted {
		t.Fatalf("not deleted: %s", r.factsErr.Text)
	}
	if _, err := d.Store.Meeting(context.Background(), s.model.id); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("the meeting reads back: %v", err)
	}
	h, ok := d.Nav.(*Navigator).Top().(*HomeScreen)
	if !ok {
		t.Fatal("not back home")
	}
	for _, row := range h.Rows() {
		if row.Summary.ID == s.model.id {
			t.Error("home still lists the deleted meeting")
		}
	}
}

func TestSignedMeetingCannotBeDeleted(t *testing.T) {
	d, s := openDemoMeeting(t)
	finishAll(t, s)
	if _, err := d.Store.SignMinutes(context.Background(), s.model.id, filepath.Join(t.TempDir(), "m.pdf"), "村委会2026年口令", testDay); err != nil {
		t.Fatal(err)
	}
	signed := NewMeetingScreen(d, s.model.id).(*MeetingScreen)
	signed.Content()
	if !signed.roll.del.Hidden || !signed.list.del.Hidden {
		t.Error("a signed meeting offers deletion")
	}
	err := d.Store.DeleteMeeting(context.Background(), s.model.id)
	if app.ErrorCode(err) != app.ELOCKED || !strings.Contains(errText(d, err), "补充纪要") {
		t.Errorf("deleting signed minutes: %v", err)
	}
	// its village: refused beside the button without a question, and kept
	vs := NewVillageScreen(d, s.model.m.VillageID)
	vs.Content()
	test.Tap(vs.del)
	if d.Win.Canvas().Overlays().Top() != nil {
		t.Error("asked about deleting a village the store refuses to delete")
	}
	if vs.deleted || vs.problem.Hidden || !strings.Contains(vs.problem.Text, "不能删除") {
		t.Errorf("a village with signed minutes: deleted %v, problem %q", vs.deleted, vs.problem.Text)
	}
}

// TestDeleteVillageAsksThenGoesHome: 删除本村 on the village's settings asks, with
// keeping highlighted, then deletes it with its meetings; a village with signed
// minutes is refused beside the button.
func TestDeleteVillageAsksThenGoesHome(t *testing.T) {
	d, s := newVillageScreen(t)
	d.Nav.Push(s)
	test.Tap(s.del)
	if !strings.Contains(overlayText(t, d.Win), demo.VillageName) {
		t.Fatal("the question does not name the village")
	}
	if b := overlayButton(t, d.Win, "不删除"); b.Importance != widget.HighImportance {
		t.Errorf("keeping is not the highlighted answer")
	}
	test.Tap(overlayButton(t, d.Win, "删除"))
	if !s.deleted {
		t.Fatalf("not deleted: %s", s.problem.Text)
	}
	if vs, _ := d.Store.Villages(context.Background()); len(vs) != 0 {
		t.Errorf("villages after the deletion: %+v", vs)
	}
	if ms, _ := d.Store.Meetings(context.Background()); len(ms) != 0 {
		t.Errorf("meetings after the deletion: %+v", ms)
	}
	if _, ok := d.Nav.(*Navigator).Top().(*HomeScreen); !ok {
		t.Error("not back home")
	}
}

// TestDeleteVillageRefusedWithoutAsking: a village the store would refuse to delete —
// here one holding a signing key (a CA key imported before any signing) — is not asked
// about: 删除本村 shows the refusal at once and opens no question.
func TestDeleteVillageRefusedWithoutAsking(t *testing.T) {
	d, s := newVillageScreen(t)
	d.Nav.Push(s)
	other, err := data.Open(d.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	err = other.SaveVillageKey(context.Background(), s.village.ID, app.VillageKey{Cert: []byte("cert"), Encrypted: []byte("key")})
	other.Close()
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(s.del)
	if d.Win.Canvas().Overlays().Top() != nil {
		t.Error("a question was asked whose answer would be refused")
	}
	if s.problem.Hidden || !strings.Contains(s.problem.Text, "已有签名密钥") {
		t.Errorf("the refusal is not shown: %q (hidden %v)", s.problem.Text, s.problem.Hidden)
	}
	if vs, _ := d.Store.Villages(context.Background()); len(vs) != 1 {
		t.Errorf("villages: %+v", vs)
	}
}
