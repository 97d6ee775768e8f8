package data

import (
	"context"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingxin/app"
)

// roundTripNominees are three households that between them set every field.
var roundTripNominees = []struct {
	name string
	n    app.Nominee
}{
	{"as nominated", app.NewNominee("张阿三", testID(11))},
	{"every field, lowered", app.Nominee{
		Name: "陈美华", IDNumber: testID(12), Group: "第三村民小组", Phone: "13857312345", HouseholdSize: 5,
		Purpose: "扩大湖羊养殖", Requested: 400_000,
		Baseline:    [6]app.Check{app.Met, app.Met, app.Met, app.ToVerify, app.Met, app.Met},
		Undertaking: true, Proposed: 350_000, ProposedReason: "双带能力强、信用良好", RatePreference: true,
		Votes:  app.Votes{For: 4, Against: 1, Abstain: 2, Recused: 3, Recorded: true},
		Reason: "待核实：高息借贷",
		Verification: &app.Verification{
			VisitDate: time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC), Visitors: []string{"王金土", "李秀英"},
			Conclusion: app.PartlyTrue, Recommendation: app.LowerTo, LowerTo: 200_000,
			Notes: strings.Repeat("走访邻里，了解到曾有民间借贷，已结清。", 40),
		},
	}},
	{"blocked, refused, no undertaking", app.Nominee{
		Name: "赵某", IDNumber: testID(13), Purpose: "购房", Requested: 100_000,
		Baseline: [6]app.Check{app.NotMet, app.Met, app.NotMet, app.Met, app.ToVerify, app.NotMet},
		Votes:    app.Votes{For: 0, Against: 2, Abstain: 0, Recorded: true},
		Reason:   "不符合六无",
		Blocked:  "黑名单：老赖",
		Verification: &app.Verification{VisitDate: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
			Visitors: []string{"李秀英"}, Conclusion: app.NotConfirmed, Recommendation: app.Refuse},
	}},
}

func nomineesOfTable() []app.Nominee {
	ns := make([]app.Nominee, len(roundTripNominees))
	for i, c := range roundTripNominees {
		ns[i] = c.n
		if v := c.n.Verification; v != nil {
			cp := *v
			cp.Visitors = append([]string(nil), v.Visitors...)
			ns[i].Verification = &cp
		}
	}
	return ns
}

func TestMeetingRoundTrip(t *testing.T) {
	s := openTest(t)
	v, m := seed(t, s, nomineesOfTable()...)
	if err := s.SetPresence(context.Background(), m.ID, v.Members[1].ID, app.Late, "19:45", nil); err != nil {
		t.Fatal(err)
	}
	got := mustMeeting(t, s, m.ID)
	t.Run("facts", func(t *testing.T) {
		want, got := *m, *got
		want.Attendance, want.Nominees = nil, nil
		got.Attendance, got.Nominees = nil, nil
		want.Village, want.Status = "越丰村", app.StatusDraft
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}
	})
	t.Run("attendance", func(t *testing.T) {
		want := append([]app.Attendance{}, m.Attendance...)
		want[1].Presence, want[1].At = app.Late, "19:45"
		if !reflect.DeepEqual(got.Attendance, want) {
			t.Errorf("got  %+v\nwant %+v", got.Attendance, want)
		}
		if got.Attendance[2].Presence != app.Absent || got.Attendance[4].Bodies[0] != app.BodyObserver {
			t.Errorf("roll call lost its marks: %+v", got.Attendance)
		}
	})
	if len(got.Nominees) != len(roundTripNominees) {
		t.Fatalf("%d nominees, want %d", len(got.Nominees), len(roundTripNominees))
	}
	for i, c := range roundTripNominees {
		t.Run(c.name, func(t *testing.T) {
			want := c.n
			want.ID, want.MeetingID, want.Seq = m.Nominees[i].ID, m.ID, i+1
			if want.ID == 0 {
				t.Fatal("CreateMeeting did not set the nominee's ID")
			}
			if !reflect.DeepEqual(got.Nominees[i], want) {
				t.Errorf("got  %+v\nwant %+v", got.Nominees[i], want)
			}
		})
	}
}

func TestMeetingNotFound(t *testing.T) {
	s := openTest(t)
	_, err := s.Meeting(context.Background(), 42)
	wantCode(t, err, app.ENOTFOUND, "meeting.not_found")
	_, err = s.SignRecord(context.Background(), 42)
	wantCode(t, err, app.ENOTFOUND, "meeting.not_found")
}

func TestCreateMeetingRefuses(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v, _ := seed(t, s)
	cases := []struct {
		name, code, key string
		edit            func(m *app.Meeting)
	}{
		{"signed", app.EINVALID, "data.status_sign_only", func(m *app.Meeting) { m.Status = app.StatusSigned }},
		{"unknown village", app.ENOTFOUND, "village.not_found", func(m *app.Meeting) { m.VillageID = 99 }},
		{"stranger on the roll", app.EINVALID, "meeting.unknown_member", func(m *app.Meeting) {
			m.Attendance = append(m.Attendance, app.Attendance{MemberID: 999, Name: "外人", Presence: app.Present})
		}},
		{"member twice on the roll", app.EINVALID, "village.member_twice", func(m *app.Meeting) {
			m.Attendance = append(m.Attendance, m.Attendance[0])
		}},
		{"amends an unsigned meeting", app.EINVALID, "data.amend_not_signed", func(m *app.Meeting) { m.AmendsID = 1 }},
		{"duplicate ID", app.ECONFLICT, "data.nominee_exists", func(m *app.Meeting) {
			m.Nominees = []app.Nominee{app.NewNominee("甲", testID(1)), app.NewNominee("乙", testID(1))}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, _ := app.NewMeeting(v, meetingDate, nil)
			c.edit(m)
			wantCode(t, s.CreateMeeting(ctx, m), c.code, c.key)
			if ms, _ := s.Meetings(ctx); len(ms) != 1 {
				t.Errorf("%d meetings after a refused create, want 1", len(ms))
			}
		})
	}
}

func TestAddNominees(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s, app.NewNominee("张阿三", testID(1)))
	batch := []app.Nominee{app.NewNominee("甲", testID(2)), app.NewNominee("乙", testID(3))}
	if err := s.AddNominees(ctx, m.ID, batch); err != nil {
		t.Fatal(err)
	}
	if batch[0].Seq != 2 || batch[1].Seq != 3 || batch[1].MeetingID != m.ID || batch[1].ID == 0 {
		t.Errorf("batch = %+v", batch)
	}
	got := mustMeeting(t, s, m.ID).Nominees
	if names := []string{got[0].Name, got[1].Name, got[2].Name}; !reflect.DeepEqual(names, []string{"张阿三", "甲", "乙"}) {
		t.Errorf("list = %v", names)
	}
}

// TestAddNomineesIDs protects the IDs a batch insert hands back without asking the
// database for them: each is the stored row of that household, across batch
// boundaries and after the list's last household was deleted (whose ID SQLite gives
// again, as before).
func TestAddNomineesIDs(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s, app.NewNominee("甲", testID(1)), app.NewNominee("乙", testID(2)))
	last := mustMeeting(t, s, m.ID).Nominees[1]
	if err := s.DeleteNominee(ctx, last.ID); err != nil {
		t.Fatal(err)
	}
	ns := make([]app.Nominee, 2*batchRows+17)
	for i := range ns {
		ns[i] = app.NewNominee("户"+strconv.Itoa(i), testID(10+i))
	}
	if err := s.AddNominees(ctx, m.ID, ns); err != nil {
		t.Fatal(err)
	}
	if ns[0].ID != last.ID {
		t.Errorf("first new ID %d, want %d (SQLite's own choice: one above the largest left)", ns[0].ID, last.ID)
	}
	stored := map[int64]app.Nominee{}
	for _, n := range mustMeeting(t, s, m.ID).Nominees {
		stored[n.ID] = n
	}
	for i, n := range ns {
		got, ok := stored[n.ID]
		if !ok || got.IDNumber != n.IDNumber || got.Seq != n.Seq || n.Seq != 2+i {
			t.Fatalf("household %d: handed back ID %d №%d, stored %+v", i, n.ID, n.Seq, got)
		}
	}
}

func TestAddNomineesAtomic(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name  string
		batch []app.Nominee
		dup   string
	}{
		{"twice in the batch", []app.Nominee{app.NewNominee("甲", testID(2)), app.NewNominee("乙", testID(3)),
			app.NewNominee("甲", testID(2))}, testID(2)},
		{"already on the list", []app.Nominee{app.NewNominee("乙", testID(3)), app.NewNominee("张阿三", testID(1))}, testID(1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openTest(t)
			_, m := seed(t, s, app.NewNominee("张阿三", testID(1)))
			before, audit := mustMeeting(t, s, m.ID), len(mustAudit(t, s, m.ID))
			err := s.AddNominees(ctx, m.ID, c.batch)
			wantCode(t, err, app.ECONFLICT, "data.nominee_exists")
			if strings.Contains(err.Error(), c.dup) || !strings.Contains(err.Error(), maskID(c.dup)) {
				t.Errorf("message %q should show %s, never %s", err, maskID(c.dup), c.dup)
			}
			if after := mustMeeting(t, s, m.ID); !reflect.DeepEqual(after, before) {
				t.Errorf("meeting changed by a refused batch: %d nominees", len(after.Nominees))
			}
			if n := len(mustAudit(t, s, m.ID)); n != audit {
				t.Errorf("audit grew from %d to %d", audit, n)
			}
			if c.batch[0].ID != 0 {
				t.Error("IDs set on a refused batch")
			}
		})
	}
}

func TestSaveNomineeAudit(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s, nomineesOfTable()[1])
	before := len(mustAudit(t, s, m.ID))
	n := mustMeeting(t, s, m.ID).Nominees[0]
	n.Proposed, n.Reason = 300_000, ""
	if err := s.SaveNominee(ctx, &n); err != nil {
		t.Fatal(err)
	}
	got := mustAudit(t, s, m.ID)[before:]
	want := []app.AuditEntry{
		{At: clock, MeetingID: m.ID, Table: "nominees", RecordID: n.ID, Field: "proposed", Old: "350000", New: "300000"},
		{At: clock, MeetingID: m.ID, Table: "nominees", RecordID: n.ID, Field: "reason", Old: "待核实：高息借贷", New: ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit = %+v\nwant %+v", got, want)
	}
	if back := mustMeeting(t, s, m.ID).Nominees[0]; !reflect.DeepEqual(back, n) {
		t.Errorf("saved  %+v\nread %+v", n, back)
	}
}

func TestSaveNomineeMasksAndVerification(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s, nomineesOfTable()[1], app.NewNominee("张阿三", testID(1)))
	before := len(mustAudit(t, s, m.ID))
	n := mustMeeting(t, s, m.ID).Nominees[0]
	n.IDNumber, n.Phone, n.Verification = testID(14), "13900001111", nil
	if err := s.SaveNominee(ctx, &n); err != nil {
		t.Fatal(err)
	}
	got := mustAudit(t, s, m.ID)[before:]
	fields := map[string]app.AuditEntry{}
	for _, e := range got {
		fields[e.Field] = e
		if strings.Contains(e.Old+e.New, testID(12)) || strings.Contains(e.Old+e.New, testID(14)) ||
			strings.Contains(e.Old+e.New, "13900001111") {
			t.Errorf("audit row shows a full number: %+v", e)
		}
	}
	if e := fields["id_number"]; e.Old != maskID(testID(12)) || e.New != maskID(testID(14)) {
		t.Errorf("id_number row = %+v", e)
	}
	if e := fields["phone"]; e.Old != "138****2345" || e.New != "139****1111" {
		t.Errorf("phone row = %+v", e)
	}
	if e := fields["verification.recommendation"]; e.Old != string(app.LowerTo) || e.New != "" {
		t.Errorf("verification row = %+v", e)
	}
	if len(got) != 8 { // id_number, phone and the six verification fields, all set before
		t.Errorf("%d audit rows, want 8: %+v", len(got), got)
	}
	if back := mustMeeting(t, s, m.ID).Nominees[0]; back.Verification != nil || back.IDNumber != testID(14) {
		t.Errorf("read back %+v", back)
	}
	t.Run("another household's ID", func(t *testing.T) {
		n.IDNumber = testID(1)
		wantCode(t, s.SaveNominee(ctx, &n), app.ECONFLICT, "data.nominee_exists")
	})
	t.Run("unknown", func(t *testing.T) {
		wantCode(t, s.SaveNominee(ctx, &app.Nominee{ID: 999}), app.ENOTFOUND, "data.nominee_not_found")
	})
}

func TestDeleteNominee(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s, nomineesOfTable()...)
	if err := s.DeleteNominee(ctx, m.Nominees[1].ID); err != nil {
		t.Fatal(err)
	}
	got := mustMeeting(t, s, m.ID).Nominees
	if len(got) != 2 || got[0].Seq != 1 || got[1].Seq != 3 {
		t.Errorf("after delete: %+v", got)
	}
	log := mustAudit(t, s, m.ID)
	want := app.AuditEntry{At: clock, MeetingID: m.ID, Table: "nominees", RecordID: m.Nominees[1].ID,
		Field: fieldDeleted, Old: "№2 陈美华 " + maskID(testID(12))}
	if last := log[len(log)-1]; last != want {
		t.Errorf("audit = %+v, want %+v", last, want)
	}
	var orphans int
	s.rdb.QueryRow(`SELECT count(*) FROM verifications WHERE nominee_id = ?`, m.Nominees[1].ID).Scan(&orphans)
	if orphans != 0 {
		t.Error("verification left behind")
	}
	wantCode(t, s.DeleteNominee(ctx, m.Nominees[1].ID), app.ENOTFOUND, "data.nominee_not_found")
}

func TestUpdateMeetingAudit(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s)
	before := len(mustAudit(t, s, m.ID))
	m.Place, m.Date = "村委会二楼", meetingDate.AddDate(0, 0, 1)
	if err := s.UpdateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	got := mustAudit(t, s, m.ID)[before:]
	want := []app.AuditEntry{
		{At: clock, MeetingID: m.ID, Table: "meetings", RecordID: m.ID, Field: "date", Old: "2026-03-10", New: "2026-03-11"},
		{At: clock, MeetingID: m.ID, Table: "meetings", RecordID: m.ID, Field: "place", Old: "村文化礼堂", New: "村委会二楼"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit = %+v\nwant %+v", got, want)
	}
}

func TestSetPresence(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v, m := seed(t, s)
	cases := []struct {
		name      string
		member    int64
		p         app.Presence
		at        string
		code, key string
	}{
		{"late needs a time", v.Members[0].ID, app.Late, "", app.EINVALID, "meeting.mark_time"},
		{"unknown mark", v.Members[0].ID, "到了", "", app.EINVALID, "meeting.presence"},
		{"not a member", 999, app.Present, "", app.ENOTFOUND, "data.member_not_found"},
		{"unknown meeting", v.Members[0].ID, app.Present, "", app.ENOTFOUND, "meeting.not_found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id := m.ID
			if c.key == "meeting.not_found" {
				id = 999
			}
			wantCode(t, s.SetPresence(ctx, id, c.member, c.p, c.at, nil), c.code, c.key)
		})
	}
	t.Run("member added after the meeting joins the roll", func(t *testing.T) {
		late := app.Member{VillageID: v.ID, Name: "新成员", Bodies: []app.Body{app.BodyPeople}}
		if err := s.AddMember(ctx, &late); err != nil {
			t.Fatal(err)
		}
		if err := s.SetPresence(ctx, m.ID, late.ID, app.Leave, "20:00", nil); err != nil {
			t.Fatal(err)
		}
		as := mustMeeting(t, s, m.ID).Attendance
		want := app.Attendance{MemberID: late.ID, Name: "新成员", Bodies: late.Bodies, Presence: app.Leave}
		if !reflect.DeepEqual(as[len(as)-1], want) {
			t.Errorf("roll ends with %+v, want %+v", as[len(as)-1], want)
		}
	})
	t.Run("only changed fields logged", func(t *testing.T) {
		before := len(mustAudit(t, s, m.ID))
		if err := s.SetPresence(ctx, m.ID, v.Members[2].ID, app.Present, "19:00", nil); err != nil {
			t.Fatal(err)
		}
		got := mustAudit(t, s, m.ID)[before:]
		want := []app.AuditEntry{{At: clock, MeetingID: m.ID, Table: "attendance", RecordID: v.Members[2].ID,
			Field: "presence", Old: string(app.Absent), New: string(app.Present)}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("audit = %+v\nwant %+v", got, want)
		}
	})
}

func TestSetStatus(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s)
	steps := []struct {
		name      string
		to        app.Status
		code, key string
		want      app.Status
	}{
		{"forward", app.StatusInSession, "", "", app.StatusInSession},
		{"same again", app.StatusInSession, "", "", app.StatusInSession},
		{"never back", app.StatusDraft, app.EINVALID, "data.status_backward", app.StatusInSession},
		{"never signed", app.StatusSigned, app.EINVALID, "data.status_sign_only", app.StatusInSession},
		{"unknown", "archived", app.EINVALID, "data.status_invalid", app.StatusInSession},
		{"closed", app.StatusClosed, "", "", app.StatusClosed},
	}
	for _, c := range steps {
		t.Run(c.name, func(t *testing.T) {
			err := s.SetStatus(ctx, m.ID, c.to)
			if c.code == "" && err != nil {
				t.Fatal(err)
			} else if c.code != "" {
				wantCode(t, err, c.code, c.key)
			}
			if got := mustMeeting(t, s, m.ID).Status; got != c.want {
				t.Errorf("status = %s, want %s", got, c.want)
			}
		})
	}
	statusRows := 0
	for _, e := range mustAudit(t, s, m.ID) {
		if e.Field == "status" {
			statusRows++
		}
	}
	if statusRows != 2 {
		t.Errorf("%d status rows in the audit log, want 2", statusRows)
	}
}

// TestImportNomineesAudit: an import leaves one audit entry naming the file, its hash and
// the count, not one per household; the households and their visits are stored, and a
// later edit of one is audited on its own.
func TestImportNomineesAudit(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s)
	before := len(mustAudit(t, s, m.ID))
	batch := []app.Nominee{app.NewNominee("甲", testID(2)), app.NewNominee("乙", testID(3))}
	batch[1].Verification = &app.Verification{VisitDate: meetingDate, Visitors: []string{"钱老"}, Notes: "经营稳定，建议授信"}
	src := app.ImportSource{File: "名单.xlsx", SHA256: strings.Repeat("ab", 32)}
	if err := s.ImportNominees(ctx, m.ID, app.NomineesFrom(batch, src)); err != nil {
		t.Fatal(err)
	}
	audit := mustAudit(t, s, m.ID)
	if len(audit) != before+1 {
		t.Fatalf("%d audit entries for an import of 2, want 1: %+v", len(audit)-before, audit[before:])
	}
	e := audit[before]
	if e.Field != fieldImported || e.New != "名单.xlsx sha256:"+src.SHA256+" 2 households" {
		t.Errorf("import entry %+v", e)
	}
	got := mustMeeting(t, s, m.ID).Nominees
	if len(got) != 2 || got[1].Verification == nil || got[1].Verification.Notes != "经营稳定，建议授信" || got[1].Verification.Conclusion != "" {
		t.Fatalf("stored %+v", got)
	}
	n := got[0]
	n.Phone = "13900000000"
	if err := s.SaveNominee(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if after := mustAudit(t, s, m.ID); len(after) != before+2 || after[before+1].RecordID != n.ID {
		t.Errorf("the later edit is not audited on its own: %+v", after[before:])
	}
}
