package desktop

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2/test"

	"pingxin/app"
	"pingxin/app/demo"
	"pingxin/app/i18n"
	"pingxin/app/idcard"
	"pingxin/app/service"
)

// newVillageScreen seeds the demo and opens its village's settings.
func newVillageScreen(t *testing.T) (*Deps, *VillageScreen) {
	t.Helper()
	d := newTestDeps(t)
	if _, err := d.Store.Demo(context.Background(), testDay); err != nil {
		t.Fatal(err)
	}
	v := mustVillage(t, d.Store, demo.VillageName)
	s := NewVillageScreen(d, v.ID)
	s.Content()
	return d, s
}

func TestRulesShowDefaults(t *testing.T) {
	_, s := newVillageScreen(t)
	r := s.Rules
	for _, c := range []struct{ name, got, want string }{
		{"quorum", r.QuorumNum.Text + "/" + r.QuorumDen.Text, "2/3"},
		{"majority", r.Majority.Selected, "过半数赞成"},
		{"standard cap", r.StandardCap.Text, "300,000"},
		{"raised cap", r.RaisedCap.Text, "500,000"},
		{"unit", r.Unit.Text, "1,000"},
		{"validity", r.ValidityYears.Text, "3"},
		{"adult age", r.AdultAge.Text, "18"},
		{"notice", r.NoticeDays.Text, "7"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %q, want %q", c.got, c.want)
			}
		})
	}
}

func TestRulesSaveValid(t *testing.T) {
	d, s := newVillageScreen(t)
	r := s.Rules
	r.QuorumNum.SetText("3")
	r.QuorumDen.SetText("4")
	r.Majority.SetSelected("三分之二以上赞成")
	r.StandardCap.SetText("20万")
	r.RaisedCap.SetText("400,000")
	r.NoticeDays.SetText("10")
	test.Tap(r.Save)
	if r.Problem.Visible() || r.Saved.Text != "规则已保存。" {
		t.Fatalf("save: problem %q, saved %q", r.Problem.Text, r.Saved.Text)
	}
	v := mustVillage(t, d.Store, demo.VillageName)
	want := app.DefaultSettings()
	want.QuorumNum, want.QuorumDen, want.Majority = 3, 4, app.MajorityTwoThirds
	want.StandardCap, want.RaisedCap, want.NoticeDays = 200_000, 400_000, 10
	if !reflect.DeepEqual(v.Settings, want) {
		t.Errorf("stored %+v, want %+v", v.Settings, want)
	}
}

func TestRulesRefuseInvalid(t *testing.T) {
	for _, c := range []struct {
		name  string
		set   func(r *RulesTab)
		shown string
	}{
		{"raised cap below standard cap", func(r *RulesTab) { r.RaisedCap.SetText("200000") },
			"额度上限设置有误：标准上限 300,000 元，最高上限 200,000 元"},
		{"quorum above one", func(r *RulesTab) { r.QuorumNum.SetText("4") }, zh("settings.quorum", "Num", 4, "Den", 3)},
		{"quorum over zero", func(r *RulesTab) { r.QuorumDen.SetText("0") }, zh("settings.quorum", "Num", 2, "Den", 0)},
		{"notice days zero", func(r *RulesTab) { r.NoticeDays.SetText("0") }, zh("settings.positive")},
		{"age not a number", func(r *RulesTab) { r.AdultAge.SetText("十八") }, "成年年龄须填整数，现在是“十八”。"},
		{"cap not an amount", func(r *RulesTab) { r.StandardCap.SetText("若干") },
			"标准上限须填金额（例如 300000 或 30万），现在是“若干”。"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, s := newVillageScreen(t)
			c.set(s.Rules)
			test.Tap(s.Rules.Save)
			if !s.Rules.Problem.Visible() || s.Rules.Problem.Text != c.shown {
				t.Errorf("shown %q (visible %v), want %q", s.Rules.Problem.Text, s.Rules.Problem.Visible(), c.shown)
			}
			if s.Rules.Saved.Text != "" {
				t.Errorf("saved label = %q after a refusal", s.Rules.Saved.Text)
			}
			if v := mustVillage(t, d.Store, demo.VillageName); !reflect.DeepEqual(v.Settings, app.DefaultSettings()) {
				t.Errorf("refused settings were stored: %+v", v.Settings)
			}
		})
	}
}

// blacklistID is a valid resident ID from county 330483.
var blacklistID = idcard.Complete("33048319850612401")

func TestBlacklistAddAndRemove(t *testing.T) {
	d, s := newVillageScreen(t)
	b := s.Blacklist
	before := len(b.Entries())

	test.Type(b.Name, "周某")
	bad := blacklistID[:17] + "1"
	if blacklistID[17] == '1' {
		bad = blacklistID[:17] + "2"
	}
	test.Type(b.IDNumber, bad)
	test.Tap(b.Add)
	_, idErr := idcard.Parse(bad)
	if idErr == nil || b.Problem.Text != i18n.ErrorText(idErr, i18n.Zh) {
		t.Fatalf("bad ID: problem %q, want %v", b.Problem.Text, idErr)
	}

	b.IDNumber.SetText(blacklistID)
	b.Category.SetSelected("炒房族")
	test.Type(b.Note, "多次炒房")
	test.Tap(b.Add)
	if b.Problem.Visible() || len(b.Entries()) != before+1 {
		t.Fatalf("add: problem %q, %d entries", b.Problem.Text, len(b.Entries()))
	}
	var added app.BlacklistEntry
	for _, e := range b.Entries() {
		if e.IDNumber == blacklistID {
			added = e
		}
	}
	if added.Name != "周某" || added.Category != app.Speculator || added.Note != "多次炒房" ||
		added.Date.Format(dateLayout) != "2026-03-15" {
		t.Errorf("stored entry = %+v", added)
	}

	b.Remove(added.ID, "已核实为误报")
	stored, err := d.Store.Blacklist(context.Background(), added.VillageID)
	if err != nil || len(stored) != before || len(b.Entries()) != before {
		t.Errorf("after remove: store %d, screen %d, want %d (%v)", len(stored), len(b.Entries()), before, err)
	}
}

func TestBlacklistImportFile(t *testing.T) {
	d, s := newVillageScreen(t)
	b := s.Blacklist
	before := len(b.Entries())
	path := filepath.Join(t.TempDir(), "blacklist.csv")
	csv := "姓名,身份证号码,类别,备注\r\n吴某," + blacklistID + ",老赖,法院失信名单\r\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	wait(t, func(done func()) { b.ImportFile(path, done) })
	if b.Problem.Visible() || len(b.Entries()) != before+1 {
		t.Fatalf("import: problem %q, %d entries, want %d", b.Problem.Text, len(b.Entries()), before+1)
	}
	want := (&service.BlacklistSummary{Added: 1}).Text(d.Lang)
	if b.Info.Text != want {
		t.Errorf("summary = %q, want %q", b.Info.Text, want)
	}
}

func TestRosterAddAndRemove(t *testing.T) {
	d, s := newVillageScreen(t)
	r := s.Roster
	before := len(r.Members())
	addMember(t, r.form, "新成员", app.BodyLegal, app.RoleMember)
	v := mustVillage(t, d.Store, demo.VillageName)
	m, ok := v.MemberByName("新成员")
	if !ok || len(v.Members) != before+1 || len(r.Members()) != before+1 || !m.In(app.BodyLegal) {
		t.Fatalf("after add: store %d, screen %d, member %+v", len(v.Members), len(r.Members()), m)
	}
	r.remove(m.ID)
	if r.problem.Visible() {
		t.Fatalf("remove: %s", r.problem.Text)
	}
	v = mustVillage(t, d.Store, demo.VillageName)
	if _, still := v.MemberByName("新成员"); still || len(r.Members()) != before {
		t.Errorf("after remove: still stored %v, screen %d", still, len(r.Members()))
	}
}
