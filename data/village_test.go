package data

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"pingxin/app"
)

func TestVillageRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v := testVillage()
	v.Settings.Majority, v.Settings.StandardCap, v.Settings.NoticeDays = app.MajorityTwoThirds, 200_000, 10
	if err := s.CreateVillage(ctx, v); err != nil {
		t.Fatal(err)
	}
	if v.ID == 0 || v.Members[4].ID == 0 || v.Members[4].VillageID != v.ID {
		t.Fatalf("IDs not set: village %d, member %+v", v.ID, v.Members[4])
	}
	byID, err := s.Village(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	byName, err := s.VillageByName(ctx, "越丰村")
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]*app.Village{"by id": byID, "by name": byName} {
		t.Run(name, func(t *testing.T) {
			if !reflect.DeepEqual(got, v) {
				t.Errorf("got  %+v\nwant %+v", got, v)
			}
		})
	}
}

func TestVillageErrors(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if err := s.CreateVillage(ctx, testVillage()); err != nil {
		t.Fatal(err)
	}
	t.Run("same name", func(t *testing.T) {
		wantCode(t, s.CreateVillage(ctx, testVillage()), app.ECONFLICT, "village.exists")
	})
	t.Run("invalid", func(t *testing.T) {
		v := testVillage()
		v.Name = "新村"
		v.Settings.QuorumNum = 0
		wantCode(t, s.CreateVillage(ctx, v), app.EINVALID, "settings.quorum")
	})
	t.Run("unknown id", func(t *testing.T) {
		_, err := s.Village(ctx, 99)
		wantCode(t, err, app.ENOTFOUND, "village.not_found")
	})
	t.Run("unknown name", func(t *testing.T) {
		_, err := s.VillageByName(ctx, "无名村")
		wantCode(t, err, app.ENOTFOUND, "village.not_found")
	})
	t.Run("nothing half-stored", func(t *testing.T) {
		v := testVillage()
		v.Name = "双桥村"
		v.Members = append(v.Members, app.Member{Name: " "})
		wantCode(t, s.CreateVillage(ctx, v), app.EINVALID, "data.member_name_required")
		if _, err := s.VillageByName(ctx, "双桥村"); app.ErrorCode(err) != app.ENOTFOUND {
			t.Errorf("village stored after a failed create: %v", err)
		}
	})
}

func TestMembers(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v := testVillage()
	if err := s.CreateVillage(ctx, v); err != nil {
		t.Fatal(err)
	}
	m := app.Member{VillageID: v.ID, Name: "陆阿大", Bodies: []app.Body{app.BodyPeople}, Role: app.RoleMember}
	if err := s.AddMember(ctx, &m); err != nil || m.ID == 0 {
		t.Fatalf("AddMember: %v, ID %d", err, m.ID)
	}
	wantCode(t, s.AddMember(ctx, &app.Member{VillageID: v.ID, Name: "陆阿大"}), app.ECONFLICT, "data.member_exists")
	wantCode(t, s.AddMember(ctx, &app.Member{VillageID: 99, Name: "某人"}), app.ENOTFOUND, "village.not_found")
	if err := s.RemoveMember(ctx, v.Members[0].ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.RemoveMember(ctx, v.Members[0].ID), app.ENOTFOUND, "data.member_not_found")
	got, err := s.Village(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := append(append([]app.Member{}, v.Members[1:]...), m)
	if !reflect.DeepEqual(got.Members, want) {
		t.Errorf("roster = %+v\nwant %+v", got.Members, want)
	}
	t.Run("name free again after removal", func(t *testing.T) {
		again := app.Member{VillageID: v.ID, Name: v.Members[0].Name}
		if err := s.AddMember(ctx, &again); err != nil {
			t.Error(err)
		}
	})
}

func TestUpdateSettingsAudit(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v := testVillage()
	if err := s.CreateVillage(ctx, v); err != nil {
		t.Fatal(err)
	}
	before := len(mustAudit(t, s, 0))
	st := v.Settings
	st.QuorumNum, st.QuorumDen, st.RaisedCap = 1, 2, 600_000
	if err := s.UpdateSettings(ctx, v.ID, st); err != nil {
		t.Fatal(err)
	}
	got := mustAudit(t, s, 0)[before:]
	want := []app.AuditEntry{
		{At: clock, Table: "villages", RecordID: v.ID, Field: "quorum_num", Old: "2", New: "1"},
		{At: clock, Table: "villages", RecordID: v.ID, Field: "quorum_den", Old: "3", New: "2"},
		{At: clock, Table: "villages", RecordID: v.ID, Field: "raised_cap", Old: "500000", New: "600000"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit = %+v\nwant %+v", got, want)
	}
	back, _ := s.Village(ctx, v.ID)
	if !reflect.DeepEqual(back.Settings, st) {
		t.Errorf("settings = %+v, want %+v", back.Settings, st)
	}
	wantCode(t, s.UpdateSettings(ctx, 99, st), app.ENOTFOUND, "village.not_found")
}

func TestBlacklist(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v := testVillage()
	if err := s.CreateVillage(ctx, v); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2025, 11, 2, 0, 0, 0, 0, time.UTC)
	entries := []app.BlacklistEntry{
		{Name: "赵某", IDNumber: testID(1), Category: app.Defaulter, Source: "法院失信名单", Date: day, Note: "2025 年判决"},
		{Name: "孙某", IDNumber: testID(2), Category: app.Speculator},
	}
	if err := s.AddBlacklist(ctx, v.ID, entries); err != nil {
		t.Fatal(err)
	}
	t.Run("round trip", func(t *testing.T) {
		got, err := s.Blacklist(ctx, v.ID)
		if err != nil || !reflect.DeepEqual(got, entries) {
			t.Errorf("Blacklist = %+v, %v\nwant %+v", got, err, entries)
		}
	})
	t.Run("all or none", func(t *testing.T) {
		more := []app.BlacklistEntry{{Name: "周某", IDNumber: testID(3), Category: app.Gambler},
			{Name: "赵某", IDNumber: testID(1), Category: app.Other}}
		err := s.AddBlacklist(ctx, v.ID, more)
		wantCode(t, err, app.ECONFLICT, "data.blacklist_exists")
		if strings.Contains(err.Error(), testID(1)) {
			t.Errorf("message shows a full ID: %v", err)
		}
		if got, _ := s.Blacklist(ctx, v.ID); len(got) != 2 {
			t.Errorf("%d entries after a refused batch, want 2", len(got))
		}
	})
	t.Run("remove keeps the record", func(t *testing.T) {
		wantCode(t, s.RemoveBlacklist(ctx, entries[0].ID, " "), app.EINVALID, "blacklist.removal_reason_required")
		if err := s.RemoveBlacklist(ctx, entries[0].ID, "欠款已还清"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.RemoveBlacklist(ctx, entries[0].ID, "again"), app.ENOTFOUND, "data.blacklist_not_found")
		got, _ := s.Blacklist(ctx, v.ID)
		if !reflect.DeepEqual(got, entries[1:]) {
			t.Errorf("active = %+v, want %+v", got, entries[1:])
		}
		var reason string
		if err := s.rdb.QueryRow(`SELECT removed_reason FROM blacklist WHERE id = ?`, entries[0].ID).Scan(&reason); err != nil || reason != "欠款已还清" {
			t.Errorf("removed_reason = %q, %v", reason, err)
		}
		log := mustAudit(t, s, 0)
		last := log[len(log)-1]
		want := app.AuditEntry{At: clock, Table: "blacklist", RecordID: entries[0].ID, Field: fieldRemoved,
			Old: "赵某 " + maskID(testID(1)), New: "欠款已还清"}
		if last != want {
			t.Errorf("audit = %+v, want %+v", last, want)
		}
	})
}
