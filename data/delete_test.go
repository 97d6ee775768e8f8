package data

import (
	"context"
	"testing"

	"pingxin/app"
)

// audited reports whether the audit log has the deletion of table's record id.
func audited(t *testing.T, s *Store, meetingID int64, table string, id int64) bool {
	t.Helper()
	for _, e := range mustAudit(t, s, meetingID) {
		if e.Table == table && e.RecordID == id && e.Field == fieldDeleted && e.Old != "" {
			return true
		}
	}
	return false
}

// TestDeleteMeetingBeforeSigning protects issue 12 item 6: a meeting entered by mistake
// goes, with its roll call, households and visits, and the audit log keeps it; signed
// minutes are the record and are refused with a message that says what to do.
func TestDeleteMeetingBeforeSigning(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s, nomineesOfTable()...)
	if err := s.DeleteMeeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Meeting(ctx, m.ID); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("the deleted meeting reads back: %v", err)
	}
	var left int
	s.db.QueryRow(`SELECT (SELECT count(*) FROM nominees) + (SELECT count(*) FROM attendance) + (SELECT count(*) FROM verifications)`).Scan(&left)
	if left != 0 {
		t.Errorf("%d rows of the deleted meeting left", left)
	}
	if !audited(t, s, m.ID, "meetings", m.ID) {
		t.Error("the deletion is not in the audit log")
	}
	wantCode(t, s.DeleteMeeting(ctx, m.ID), app.ENOTFOUND, "meeting.not_found")
}

func TestDeleteSignedMeetingRefused(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v, m := signedMeeting(t, s)
	wantCode(t, s.DeleteMeeting(ctx, m.ID), app.ELOCKED, "delete.meeting_signed")
	if got := mustMeeting(t, s, m.ID); len(got.Nominees) == 0 || !got.Locked() {
		t.Fatal("the refused deletion changed the signed meeting")
	}
	wantCode(t, s.DeleteVillage(ctx, v.ID), app.ELOCKED, "delete.village_signed")
	if _, err := s.Village(ctx, v.ID); err != nil {
		t.Fatalf("the refused deletion took the village: %v", err)
	}
}

// TestDeleteVillageBeforeSigning: a village entered by mistake goes with its roster,
// blacklist and unsigned meetings; the audit log keeps it.
func TestDeleteVillageBeforeSigning(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v, m := seed(t, s, nomineesOfTable()...)
	if err := s.AddBlacklist(ctx, v.ID, []app.BlacklistEntry{{Name: "老赖", IDNumber: testID(900), Category: app.Defaulter, Date: meetingDate}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteVillage(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	if vs, _ := s.Villages(ctx); len(vs) != 0 {
		t.Fatalf("villages after the deletion: %+v", vs)
	}
	if _, err := s.Meeting(ctx, m.ID); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("its meeting reads back: %v", err)
	}
	var left int
	s.db.QueryRow(`SELECT (SELECT count(*) FROM members) + (SELECT count(*) FROM blacklist) + (SELECT count(*) FROM nominees)`).Scan(&left)
	if left != 0 {
		t.Errorf("%d rows of the deleted village left", left)
	}
	if !audited(t, s, 0, "villages", v.ID) || !audited(t, s, m.ID, "meetings", m.ID) {
		t.Error("the deletion is not in the audit log")
	}
}

// TestVillageDeletionAnswersAsDeleteWould: the question a face asks before "delete?"
// gets the answer DeleteVillage itself would give — the meetings it would take, or the
// same refusal for a signed meeting, a signing key alone (a CA key imported before any
// signing) or an unknown village — and changes nothing.
func TestVillageDeletionAnswersAsDeleteWould(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v, _ := seed(t, s, nomineesOfTable()...)
	if n, err := s.VillageDeletion(ctx, v.ID); err != nil || n != 1 {
		t.Fatalf("a village with one unsigned meeting: %d meetings, %v", n, err)
	}
	if err := s.SaveVillageKey(ctx, v.ID, app.VillageKey{Cert: []byte("cert"), Encrypted: []byte("key")}); err != nil {
		t.Fatal(err)
	}
	_, asked := s.VillageDeletion(ctx, v.ID)
	wantCode(t, asked, app.ECONFLICT, "delete.village_key")
	if err := s.DeleteVillage(ctx, v.ID); err == nil || err.Error() != asked.Error() {
		t.Errorf("DeleteVillage says %v, VillageDeletion said %v", err, asked)
	}

	s2 := openTest(t)
	v2, _ := signedMeeting(t, s2)
	_, asked = s2.VillageDeletion(ctx, v2.ID)
	wantCode(t, asked, app.ELOCKED, "delete.village_signed")
	if err := s2.DeleteVillage(ctx, v2.ID); err == nil || err.Error() != asked.Error() {
		t.Errorf("DeleteVillage says %v, VillageDeletion said %v", err, asked)
	}
	_, err := s2.VillageDeletion(ctx, v2.ID+100)
	wantCode(t, err, app.ENOTFOUND, "village.not_found")
}
