package data

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"pingxin/app"
)

// signedRecord is the record the tests sign with.
var signedRecord = app.SignRecord{
	SignedAt: time.Date(2026, 3, 10, 21, 5, 7, 123_000_000, time.UTC), Signer: "CN=越丰村公议授信评议会",
	SHA256: "9f2c", CertSHA256: "77ab", MinutesPath: "/home/clerk/纪要.pdf",
}

// signedMeeting seeds a meeting with the round-trip households and signs it.
func signedMeeting(t *testing.T, s *Store) (*app.Village, *app.Meeting) {
	t.Helper()
	v, m := seed(t, s, nomineesOfTable()...)
	if err := s.Sign(context.Background(), m.ID, signedRecord); err != nil {
		t.Fatalf("Sign: %v", err)
	}
	return v, m
}

func TestSign(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s)
	if r, err := s.SignRecord(ctx, m.ID); r != nil || err != nil {
		t.Fatalf("SignRecord before signing = %+v, %v; want nil, nil", r, err)
	}
	before := len(mustAudit(t, s, m.ID))
	if err := s.Sign(ctx, m.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	r, err := s.SignRecord(ctx, m.ID)
	if err != nil || r == nil || !reflect.DeepEqual(*r, signedRecord) {
		t.Errorf("SignRecord = %+v, %v\nwant %+v", r, err, signedRecord)
	}
	if st := mustMeeting(t, s, m.ID).Status; st != app.StatusSigned {
		t.Errorf("status = %s, want signed", st)
	}
	got := mustAudit(t, s, m.ID)[before:]
	want := []app.AuditEntry{
		{At: clock, MeetingID: m.ID, Table: "meetings", RecordID: m.ID, Field: "status", Old: "draft", New: "signed"},
		{At: clock, MeetingID: m.ID, Table: "signatures", RecordID: m.ID, Field: fieldCreated, New: signedRecord.Signer + " sha256:9f2c"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit = %+v\nwant %+v", got, want)
	}
}

// TestLocked checks that every method that changes a meeting refuses once it is signed,
// and that nothing changed: the meeting, its signature and its audit log.
func TestLocked(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v, m := signedMeeting(t, s)
	n := mustMeeting(t, s, m.ID).Nominees[1]
	cases := []struct {
		name   string
		change func() error
	}{
		{"UpdateMeeting", func() error { mm := *m; mm.Place = "别处"; return s.UpdateMeeting(ctx, &mm) }},
		{"SetPresence", func() error { return s.SetPresence(ctx, m.ID, v.Members[2].ID, app.Present, "", nil) }},
		{"SetStatus", func() error { return s.SetStatus(ctx, m.ID, app.StatusClosed) }},
		{"AddNominees", func() error { return s.AddNominees(ctx, m.ID, []app.Nominee{app.NewNominee("迟到户", testID(40))}) }},
		{"SaveNominee", func() error { nn := n; nn.Proposed = 500_000; return s.SaveNominee(ctx, &nn) }},
		{"SaveNominee verification", func() error { nn := n; nn.Verification = nil; return s.SaveNominee(ctx, &nn) }},
		{"DeleteNominee", func() error { return s.DeleteNominee(ctx, n.ID) }},
		{"Sign again", func() error { return s.Sign(ctx, m.ID, app.SignRecord{Signer: "CN=冒名"}) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, audit := mustMeeting(t, s, m.ID), mustAudit(t, s, m.ID)
			wantCode(t, c.change(), app.ELOCKED, "meeting.locked")
			if after := mustMeeting(t, s, m.ID); !reflect.DeepEqual(after, before) {
				t.Errorf("meeting changed:\n%+v\n%+v", before, after)
			}
			if after := mustAudit(t, s, m.ID); !reflect.DeepEqual(after, audit) {
				t.Errorf("audit changed: %d → %d rows", len(audit), len(after))
			}
			if r, _ := s.SignRecord(ctx, m.ID); r == nil || !reflect.DeepEqual(*r, signedRecord) {
				t.Errorf("sign record = %+v", r)
			}
		})
	}
}

// TestLockedInDatabase checks the triggers that hold the lock even against code that
// skips the store's check.
func TestLockedInDatabase(t *testing.T) {
	s := openTest(t)
	_, m := signedMeeting(t, s)
	n := m.Nominees[1]
	stmts := []struct{ name, q string }{
		{"meeting", `UPDATE meetings SET place = 'x' WHERE id = ?`},
		{"attendance", `UPDATE attendance SET presence = '缺席' WHERE meeting_id = ?`},
		{"nominee", `UPDATE nominees SET proposed = 1 WHERE meeting_id = ?`},
		{"nominee insert", `INSERT INTO nominees (meeting_id, seq, name, id_number) VALUES (?, 9, 'x', 'y')`},
		{"nominee delete", `DELETE FROM nominees WHERE meeting_id = ?`},
		{"verification", `UPDATE verifications SET notes = 'x' WHERE nominee_id IN (SELECT id FROM nominees WHERE meeting_id = ?)`},
		{"signature", `DELETE FROM signatures WHERE meeting_id = ?`},
		{"audit log", `DELETE FROM audit_log WHERE meeting_id = ?`},
	}
	for _, c := range stmts {
		t.Run(c.name, func(t *testing.T) {
			if _, err := s.db.Exec(c.q, m.ID); err == nil {
				t.Errorf("%s: allowed", c.q)
			}
		})
	}
	if got := mustMeeting(t, s, m.ID).Nominees[1]; got.Proposed != n.Proposed || got.Verification == nil {
		t.Errorf("nominee changed: %+v", got)
	}
}

func TestCreateAmendment(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s, nomineesOfTable()...)
	t.Run("unsigned is refused", func(t *testing.T) {
		_, err := s.CreateAmendment(ctx, m.ID, "更正金额")
		wantCode(t, err, app.EINVALID, "data.amend_not_signed")
	})
	if err := s.DeleteNominee(ctx, m.Nominees[0].ID); err != nil { // leaves № 2 and 3
		t.Fatal(err)
	}
	if err := s.Sign(ctx, m.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	t.Run("why is required", func(t *testing.T) {
		_, err := s.CreateAmendment(ctx, m.ID, "  ")
		wantCode(t, err, app.EINVALID, "amend.why_required")
	})
	t.Run("unknown", func(t *testing.T) {
		_, err := s.CreateAmendment(ctx, 999, "x")
		wantCode(t, err, app.ENOTFOUND, "meeting.not_found")
	})
	src := mustMeeting(t, s, m.ID)
	a, err := s.CreateAmendment(ctx, m.ID, "陈美华核实后调低额度，原纪要金额有误")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(mustMeeting(t, s, a.ID), a) {
		t.Error("the returned amendment differs from the stored one")
	}
	t.Run("copy", func(t *testing.T) {
		// a sitting of its own: the next 文号, today, no time yet, the roster all present
		want := *src
		want.ID, want.Status, want.AmendsID, want.AmendsWhy = a.ID, app.StatusDraft, m.ID, "陈美华核实后调低额度，原纪要金额有误"
		want.DocNumber, want.Time = "越丰村评〔2026〕4号", ""
		want.Rules = nil           // decided under the village's rules until its own signing
		want.SignedFingerprint = 0 // its documents carry the latest fingerprint until its own signing
		if a.Date.Format("2006-01-02") != clock.Format("2006-01-02") {
			t.Errorf("amendment dated %v, want the day it was opened", a.Date)
		}
		want.Date = a.Date
		want.Attendance = append([]app.Attendance(nil), src.Attendance...)
		for i := range want.Attendance {
			want.Attendance[i].Presence, want.Attendance[i].At = app.Present, ""
		}
		want.Nominees = append([]app.Nominee(nil), src.Nominees...)
		for i := range want.Nominees {
			if a.Nominees[i].ID == src.Nominees[i].ID {
				t.Errorf("nominee %d kept its ID", i)
			}
			want.Nominees[i].ID, want.Nominees[i].MeetingID = a.Nominees[i].ID, a.ID
		}
		if !reflect.DeepEqual(a, &want) {
			t.Errorf("amendment %+v\nwant %+v", a, &want)
		}
		if a.Nominees[0].Seq != 2 {
			t.Errorf("№ not kept: %d", a.Nominees[0].Seq)
		}
	})
	t.Run("editable, the original untouched", func(t *testing.T) {
		n := a.Nominees[0]
		n.Proposed = 200_000
		if err := s.SaveNominee(ctx, &n); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(mustMeeting(t, s, m.ID), src) {
			t.Error("the signed meeting changed")
		}
		if r, _ := s.SignRecord(ctx, a.ID); r != nil {
			t.Error("the amendment came signed")
		}
	})
	t.Run("audited", func(t *testing.T) {
		log := mustAudit(t, s, a.ID)
		first := app.AuditEntry{At: clock, MeetingID: a.ID, Table: "meetings", RecordID: a.ID, Field: fieldCreated,
			New: "amends #" + itoa(m.ID) + " 越丰村评〔2026〕4号: 陈美华核实后调低额度，原纪要金额有误"}
		if len(log) != 1+len(src.Attendance)+len(src.Nominees)+1 || log[0] != first {
			t.Errorf("audit = %+v", log)
		}
	})
}

func TestMeetings(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	passed := app.NewNominee("张阿三", testID(1))
	passed.Proposed, passed.Votes = 300_000, app.Votes{For: 2, Recorded: true}
	failed := app.NewNominee("李四", testID(2))
	failed.Proposed, failed.Votes = 100_000, app.Votes{For: 1, Against: 1, Recorded: true}
	v, m := seed(t, s, passed, failed)
	later, _ := app.NewMeeting(v, meetingDate.AddDate(0, 1, 0), nil)
	if err := s.CreateMeeting(ctx, later); err != nil {
		t.Fatal(err)
	}
	got, err := s.Meetings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []app.MeetingSummary{
		{ID: later.ID, VillageID: v.ID, Village: "越丰村", Date: later.Date, DocNumber: "越丰村评〔2026〕4号", Status: app.StatusDraft},
		{ID: m.ID, VillageID: v.ID, Village: "越丰村", Date: meetingDate, DocNumber: m.DocNumber,
			Status: app.StatusDraft, Nominees: 2, Passed: 1, Total: 300_000},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Meetings = %+v\nwant %+v", got, want)
	}
	t.Run("village settings apply", func(t *testing.T) {
		st := v.Settings
		st.QuorumNum, st.QuorumDen = 1, 1 // all three needed, one is absent
		if err := s.UpdateSettings(ctx, v.ID, st); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Meetings(ctx)
		if got[1].Passed != 0 || got[1].Total != 0 {
			t.Errorf("without quorum: %+v", got[1])
		}
	})
	t.Run("villages count them", func(t *testing.T) {
		vs, _ := s.Villages(ctx)
		if len(vs) != 1 || vs[0].Meetings != 2 || vs[0].Members != 5 {
			t.Errorf("Villages = %+v", vs)
		}
	})
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	signedMeeting(t, s)
	path := filepath.Join(t.TempDir(), "backups", "pingxin-2026-03-14.db")
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
		t.Errorf("backup file: %v %v", fi.Mode(), err)
	}
	t.Run("never overwrites", func(t *testing.T) {
		before, _ := os.ReadFile(path)
		wantCode(t, s.Backup(ctx, path), app.ECONFLICT, "data.backup_exists")
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Error("the existing backup changed")
		}
	})
	t.Run("opens with the same meetings", func(t *testing.T) {
		b, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		want, _ := s.Meetings(ctx)
		got, err := b.Meetings(ctx)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("backup Meetings = %+v, %v\nwant %+v", got, err, want)
		}
		if !reflect.DeepEqual(mustMeeting(t, b, want[0].ID), mustMeeting(t, s, want[0].ID)) {
			t.Error("the backup's meeting differs")
		}
		wantLog, gotLog := mustAudit(t, s, want[0].ID), mustAudit(t, b, want[0].ID)
		if !reflect.DeepEqual(gotLog, wantLog) {
			t.Error("the backup's audit log differs")
		}
	})
}
