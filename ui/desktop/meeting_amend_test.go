package desktop

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"pingxin/app"
	"pingxin/app/service"
)

// signedDemoAmendment signs the finished demo meeting and opens an amendment of it in
// a new workspace; it returns that workspace.
func signedDemoAmendment(t *testing.T) (*Deps, *MeetingScreen, *app.Meeting) {
	t.Helper()
	d, s := openDemoMeeting(t)
	finishAll(t, s)
	ctx := context.Background()
	if _, err := d.Store.SignMinutes(ctx, s.model.id, filepath.Join(t.TempDir(), "纪要.pdf"), "村委会2026年口令", testDay); err != nil {
		t.Fatal(err)
	}
	orig := storedMeeting(t, s)
	am, err := d.Store.Amend(ctx, orig.ID, service.AmendSpec{Reason: "第 1 户建议额度笔误，第 2 户撤回申请"})
	if err != nil {
		t.Fatal(err)
	}
	return d, NewMeetingScreen(d, am.ID).(*MeetingScreen), orig
}

// TestAmendmentTabListsItsChanges protects issue 12 item 7: before an amendment is
// signed, its 纪要与签署 tab lists what it corrects — a household withdrawn, one added,
// an amount changed with its signed and its new value — as the amendment's minutes will
// (app.Changes), and keeps the list current as the clerk corrects.
func TestAmendmentTabListsItsChanges(t *testing.T) {
	d, s, orig := signedDemoAmendment(t)
	mt := s.minutes
	s.tabs.SelectIndex(tabMinutes)
	if mt.changes.Hidden || mt.changes.Text != zh("meeting.minutes.changes_none") {
		t.Fatalf("a fresh amendment shows %q (hidden %v)", mt.changes.Text, mt.changes.Hidden)
	}
	ctx := context.Background()
	first, second := s.model.m.Nominees[0], s.model.m.Nominees[1]
	n := first
	n.Proposed = first.Proposed - 10_000
	if err := s.model.saveNominee(0, n); err != nil { // as the 会议表决 form stores it
		t.Fatal(err)
	}
	if err := d.Store.DeleteHousehold(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	added := app.NewNominee("新增户", testID("19800101", 77))
	added.Purpose, added.Requested = "生产", 100_000
	if err := d.Store.AddHousehold(ctx, s.model.id, &added); err != nil {
		t.Fatal(err)
	}
	if err := s.model.reload(); err != nil {
		t.Fatal(err)
	}
	text := mt.changes.Text
	for _, want := range []string{
		"第 1 户 " + first.Name + "　建议授信额度：" + first.Proposed.String() + " → " + n.Proposed.String(),
		"第 2 户 " + second.Name + "　删除农户",
		"新增户　新增农户",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the amendment's tab lacks %q:\n%s", want, text)
		}
	}
	if orig.AmendsID != 0 || s.model.orig == nil || s.model.orig.ID != orig.ID {
		t.Error("the model does not hold the signed original")
	}
	// the signed original's own tab lists nothing of the kind
	o := NewMeetingScreen(d, orig.ID).(*MeetingScreen)
	if !o.minutes.changes.Hidden {
		t.Errorf("the original shows changes: %q", o.minutes.changes.Text)
	}
}
