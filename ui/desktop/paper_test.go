package desktop

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pingxin/app"
	"pingxin/app/idcard"
	"pingxin/internal/pdftest"
	"pingxin/ui/desktop/widgets"
)

// The paper meeting of ui/cli's TestPaperMeetingFromTheCommandLine, entered on the
// screens: the same village, roster, tally sheet, corrections and amendment.
const (
	paperRoster = "姓名,所属组织,职务\n沈建国,百姓议事会,主持人\n王丽芳,百姓议事会,记录人\n钱国强,百姓议事会,成员\n" +
		"徐月英,百姓议事会,成员\n陆志明,百姓议事会,成员\n朱海燕,百姓议事会,成员\n蒋阿大,百姓议事会,成员\n张德明,乡贤参事会,会长\n孙晓东,列席,驻村干部\n"
	paperPass = "联丰村口令2026年"
)

// paperID is the resident ID of household n of the tally sheet.
func paperID(n int) string { return testID("19800101", n) }

// paperList is the tally sheet: household 1 passed, household 2 voted down without the
// reason written in, household 3 not yet entered.
func paperList() string {
	return "户主姓名,身份证号码,村民小组,贷款用途,申请额度,建议授信额度,赞成,反对,弃权,回避\n" +
		"陈永明," + paperID(101) + ",1组,生产,30万,250000,6,0,0,0\n" +
		"李春花," + paperID(102) + ",2组,建房,20万,200000,1,5,0,0\n" +
		"周小平," + paperID(103) + ",3组,创业,25万,,,,,\n"
}

// wantWords fails for each of wants the PDF at path does not say.
func wantWords(t *testing.T, path, what string, wants ...string) {
	t.Helper()
	text := pdftest.Words(t, path)
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// deliberate types one household's entries on the 会议表决 tab and presses Enter, as the
// clerk does; an empty value leaves its entry as it is.
func deliberate(t *testing.T, s *MeetingScreen, seq int, proposed, why string, rate bool, votes []string, reason string) {
	t.Helper()
	c := s.d.Win.Canvas()
	if s.tabs.SelectedIndex() != 2 {
		s.tabs.SelectIndex(2)
	}
	dt := s.delib
	if dt.cur != seq-1 {
		dt.show(seq - 1)
	}
	// Ctrl+A in an entry selects what it holds, so typing replaces it
	retype := func(e *widgets.KeyEntry, text string) {
		if text == "" {
			return
		}
		c.Focus(e)
		if e.Text != "" { // (Fyne keeps selecting after a Ctrl+A on nothing)
			e.TypedShortcut(&fyne.ShortcutSelectAll{})
		}
		typeOn(c, text)
		if e.Text != text {
			t.Fatalf("№ %d: typed %q, the entry holds %q", seq, text, e.Text)
		}
	}
	retype(dt.proposed, proposed)
	retype(dt.why, why)
	if rate != dt.rate.Checked {
		c.Focus(dt.rate)
		typeOn(c, " ")
	}
	for i, e := range dt.voteEntries() {
		if i < len(votes) {
			retype(e, votes[i])
		}
	}
	retype(dt.reason, reason)
	c.Focus(dt.reason)
	keyOn(c, fyne.KeyReturn)
	n := s.model.nominee(seq - 1)
	if (reason != "" && n.Reason != reason) || (proposed != "" && n.Proposed.String() != dt.proposed.Text && n.Proposed == 0) {
		t.Fatalf("№ %d not stored as typed (%+v): %q %q %q %q %q", seq, n, dt.proposedErr.Text, dt.whyErr.Text,
			dt.votesErr.Text, dt.reasonErr.Text, dt.storeErr.Text)
	}
}

// TestPaperMeetingOnTheScreens runs the paper meeting of the CLI's end-to-end test on
// the desktop, by tapping and typing the real screens, which call the same
// app/service operations: a village from a roster file and its 公示 settings, a
// meeting with the next 文号, a roll call with leave, late and early leaving, the
// tally sheet through the import preview, corrections of single households (an amount
// above the cap with its reason, a missing reason, a vote, a visit), signing, the
// notice, the 组织审定, closing the 公示, the bank package and an amendment — and checks
// that the documents say what was entered.
func TestPaperMeetingOnTheScreens(t *testing.T) {
	d := newTestDeps(t)
	dir := t.TempDir()
	documentsRoot = func(d *Deps) string { return filepath.Join(filepath.Dir(d.DBPath), "documents") }
	d.Now = func() time.Time { return time.Date(2026, 11, 18, 19, 0, 0, 0, time.Local) }
	ctx := context.Background()
	var v *app.Village
	var s *MeetingScreen
	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"village from its roster, and its settings", func(t *testing.T) {
			h := d.Nav.(*Navigator).Top().(*HomeScreen)
			test.Tap(h.newVillage)
			vd := h.villageDlg
			roster := filepath.Join(dir, "名册.csv")
			if err := os.WriteFile(roster, []byte(paperRoster), 0o600); err != nil {
				t.Fatal(err)
			}
			test.Type(vd.name, "联丰村")
			test.Type(vd.town, "高桥街道")
			wait(t, func(done func()) { vd.importFile(roster, done) })
			test.Tap(vd.save)
			if vd.problem.Visible() {
				t.Fatalf("new village: %s", vd.problem.Text)
			}
			v = mustVillage(t, d.Store, "联丰村")
			vs := NewVillageScreen(d, v.ID)
			vs.Content()
			r := vs.Rules
			for e, text := range map[interface{ SetText(string) }]string{
				r.NoticeDays: "10", r.StandardCap: "25万", r.Contact: "王丽芳", r.Phone: "0573-88000000",
				r.NoticePlace: "村务公开栏", r.ObjectPlace: "村委会办公室", r.SupervisePhone: "0573-88111111",
			} {
				e.SetText(text)
			}
			r.RaisedCap.SetText("10万") // below the standard cap: refused, nothing stored
			test.Tap(r.Save)
			if !r.Problem.Visible() || mustVillage(t, d.Store, "联丰村").Settings.StandardCap != app.DefaultSettings().StandardCap {
				t.Fatalf("a raised cap below the standard one: problem %q", r.Problem.Text)
			}
			r.RaisedCap.SetText("50万")
			test.Tap(r.Save)
			if r.Problem.Visible() {
				t.Fatalf("settings: %s", r.Problem.Text)
			}
			v = mustVillage(t, d.Store, "联丰村")
			if len(v.Members) != 9 || v.Settings.NoticeDays != 10 || v.Settings.StandardCap != 250_000 || v.Settings.Notice.Contact != "王丽芳" {
				t.Fatalf("stored village %+v", v)
			}
		}},
		{"meeting numbered with the next 文号", func(t *testing.T) {
			h := d.Nav.(*Navigator).Top().(*HomeScreen)
			h.Refresh()
			test.Tap(h.newMeeting)
			md := h.meetingDlg
			if md.doc.Text != "联丰村评〔2026〕1号" {
				t.Fatalf("proposed 文号 %q", md.doc.Text)
			}
			md.time.SetText("")
			test.Type(md.time, "19:00")
			test.Type(md.place, "村委会议室")
			test.Tap(md.save)
			if md.problem.Visible() {
				t.Fatalf("new meeting: %s", md.problem.Text)
			}
			ms, err := d.Store.Meetings(ctx)
			if err != nil || len(ms) != 1 {
				t.Fatalf("meetings %v, %v", ms, err)
			}
			s = NewMeetingScreen(d, ms[0].ID).(*MeetingScreen)
			d.Nav.Push(s)
		}},
		{"roll call with leave, late and early leaving", func(t *testing.T) {
			s.tabs.SelectIndex(0)
			rollRowOf(t, s, "徐月英").radio.SetSelected("请假")
			for name, mark := range map[string][2]string{"钱国强": {"迟到", "19:20"}, "陆志明": {"早退", "20:30"}} {
				r := rollRowOf(t, s, name)
				r.late.SetText(mark[1])
				r.radio.SetSelected(mark[0])
				if !r.err.Hidden {
					t.Fatalf("%s: %s", name, r.err.Text)
				}
			}
			m := storedMeeting(t, s)
			marks := map[string]string{}
			for _, a := range m.Attendance {
				marks[a.Name] = string(a.Presence) + a.At
			}
			if marks["徐月英"] != "请假" || marks["钱国强"] != "迟到19:20" || marks["陆志明"] != "早退20:30" || marks["沈建国"] != "出席" {
				t.Fatalf("roll call stored %v", marks)
			}
		}},
		{"the tally sheet through the preview", func(t *testing.T) {
			// the tally sheet is typed in the next morning: every vote counts the whole roll
			// call, 陆志明 who left early included (app.Meeting.PresentVoters)
			d.Now = func() time.Time { return time.Date(2026, 11, 19, 9, 0, 0, 0, time.Local) }
			list := filepath.Join(dir, "计票表.csv")
			if err := os.WriteFile(list, []byte(paperList()), 0o600); err != nil {
				t.Fatal(err)
			}
			s.tabs.SelectIndex(1)
			s.list.previewFile(list)
			waitBackground()
			if s.list.preview == nil {
				t.Fatal("no preview")
			}
			test.Tap(s.list.preview.confirm)
			waitBackground()
			if n := len(storedMeeting(t, s).Nominees); n != 3 {
				t.Fatalf("imported %d households", n)
			}
			if s.list.reportDlg != nil { // the clerk reads the import's report and closes it
				s.list.reportDlg.Hide()
			}
		}},
		{"household corrections", func(t *testing.T) {
			// above the standard cap with no visit: 暂缓, which needs the meeting's reason
			deliberate(t, s, 1, "30万", "双带能力强", true, nil, "超出标准额度，待走访核实")
			deliberate(t, s, 2, "", "", false, nil, "经营情况不明，多数反对")
			deliberate(t, s, 3, "20万", "", false, []string{"5", "1", "0", "0"}, "")
			s.tabs.SelectIndex(3)
			vt := s.verify
			vt.list.Select(2)
			vt.date.SetText("2026-11-17")
			vt.visitors.SetSelected([]string{"张德明"})
			vt.conc.SetSelected("部分属实")
			vt.rec.SetSelected("调低至")
			vt.lowerTo.SetText("15万")
			vt.notes.SetText("厂房为租用，规模小于申报")
			test.Tap(vt.save)
			if !vt.problem.Hidden {
				t.Fatalf("visit: %s", vt.problem.Text)
			}
			m := storedMeeting(t, s)
			n := m.Nominees[2]
			if n.Proposed != 200_000 || n.Votes.For != 5 || n.Verification == nil || n.Verification.LowerTo != 150_000 {
				t.Fatalf("household 3 stored as %+v %+v", n, n.Verification)
			}
			if h := m.Nominees[0]; !h.RatePreference || h.ProposedReason != "双带能力强" || h.Proposed != 300_000 {
				t.Fatalf("household 1 stored as %+v", h)
			}
			if m.Nominees[1].Reason != "经营情况不明，多数反对" {
				t.Fatalf("household 2 stored as %+v", m.Nominees[1])
			}
		}},
		{"sign", func(t *testing.T) {
			s.tabs.SelectIndex(4)
			mt := s.minutes
			if len(mt.open) != 0 || mt.sign.Disabled() {
				t.Fatalf("not signable: %d open", len(mt.open))
			}
			test.Tap(mt.sign)
			mt.signPass.SetText(paperPass)
			mt.signAgain.SetText(paperPass)
			mt.signDialog.Submit()
			waitBackground()
			if !mt.problem.Hidden || !storedMeeting(t, s).Locked() {
				t.Fatalf("sign: %s", mt.problem.Text)
			}
			wantWords(t, mt.path(fileSigned), "the signed minutes", "联丰村评〔2026〕1号", "请假", "徐月英", "迟到，19:20到会",
				"早退，20:30离会", "陈永明", "李春花", "周小平", "经营情况不明，多数反对", "厂房为租用，规模小于申报", idcard.Mask(paperID(101)))
			n := *s.model.nominee(1)
			n.Reason = "改"
			if err := s.model.saveNominee(1, n); app.ErrorCode(err) != app.ELOCKED {
				t.Errorf("a change after signing: %v", err)
			}
		}},
		{"notice, review and 公示", func(t *testing.T) {
			mt := s.minutes
			test.Tap(mt.generate)
			waitBackground()
			if !mt.problem.Hidden {
				t.Fatalf("notice: %s", mt.problem.Text)
			}
			// № 1 is 暂缓 (above the cap, not visited), № 2 not passed: № 3 alone, lowered by its visit
			wantWords(t, mt.path(fileNotice), "the notice", "联丰村", "周小平", "150,000", "村务公开栏", "0573-88000000")
			test.Tap(mt.review)
			mt.reviewDialog.date.SetText("2026-11-21")
			mt.reviewDialog.by.SetText("沈建国")
			mt.reviewDialog.Submit()
			if r, _ := d.Store.Review(ctx, s.model.id); r == nil || r.Reviewer != "沈建国" {
				t.Fatalf("review: %+v (%s)", r, mt.problem.Text)
			}
			d.Now = func() time.Time { return time.Date(2026, 12, 19, 9, 0, 0, 0, time.Local) } // past the 10 days
			test.Tap(mt.closePub)
			mt.publicityDialog.dlg.Submit()
			if p, _ := d.Store.Publicity(ctx, s.model.id); p == nil || p.Outcome != app.NoObjection {
				t.Fatalf("公示: %+v (%s)", p, mt.problem.Text)
			}
		}},
		{"export", func(t *testing.T) {
			zip := filepath.Join(dir, "银行资料包.zip")
			s.minutes.exportTo(zip, paperPass)
			waitBackground()
			if b, err := os.ReadFile(zip); err != nil || !strings.HasPrefix(string(b), "PK") {
				t.Fatalf("bank package: %v (%s)", err, s.minutes.problem.Text)
			}
		}},
		{"amend", func(t *testing.T) {
			mt := s.minutes
			mt.amendWith(" ")
			if mt.amended != 0 || mt.problem.Hidden {
				t.Fatal("an amendment without a reason was opened")
			}
			mt.amendWith("第1户建议额度误记，更正为二十万元")
			waitBackground() // the amendment opens in the background
			am, ok := d.Nav.(*Navigator).Top().(*MeetingScreen)
			if mt.amended == 0 || !ok || am.model.m.AmendsID != s.model.id {
				t.Fatalf("no amendment screen: %s", mt.problem.Text)
			}
			deliberate(t, am, 1, "20万", "", false, nil, "")
			am.tabs.SelectIndex(4)
			test.Tap(am.minutes.generate)
			waitBackground()
			if !am.minutes.problem.Hidden {
				t.Fatalf("the amendment's minutes: %s", am.minutes.problem.Text)
			}
			wantWords(t, am.minutes.path(fileMinutes), "the amendment's minutes", "补充纪要", "第1户建议额度误记",
				"原为“300,000”，更正为“200,000”")
		}},
	}
	for _, st := range steps {
		if !t.Run(st.name, st.run) {
			t.FailNow()
		}
	}
}
