package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/app/idcard"
	"pingxin/internal/pdftest"
)

// paperRoster is a village of seven people's-council members, a sage and an observer.
const paperRoster = "姓名,所属组织,职务\n沈建国,百姓议事会,主持人\n王丽芳,百姓议事会,记录人\n钱国强,百姓议事会,成员\n" +
	"徐月英,百姓议事会,成员\n陆志明,百姓议事会,成员\n朱海燕,百姓议事会,成员\n蒋阿大,百姓议事会,成员\n张德明,乡贤参事会,会长\n孙晓东,列席,驻村干部\n"

// paperList is a tally sheet of a meeting held on paper: household 1 passed, household 2
// voted down without the reason written in, household 3 not yet entered.
func paperList() string {
	return "户主姓名,身份证号码,村民小组,贷款用途,申请额度,建议授信额度,赞成,反对,弃权,回避\n" +
		"陈永明," + cliID(101) + ",1组,生产,30万,250000,6,0,0,0\n" +
		"李春花," + cliID(102) + ",2组,建房,20万,200000,1,5,0,0\n" +
		"周小平," + cliID(103) + ",3组,创业,25万,,,,,\n"
}

// paperMeeting is a whole paper meeting entered from the command line, step by step;
// each step is a subtest so that later steps (review, 公示, close) slot in between.
type paperMeeting struct {
	h           *harness
	dir, id, am string
	pass        map[string]string
}

// store opens the harness's database to look at what the commands stored.
func (p *paperMeeting) meeting(t *testing.T, id string) *app.Meeting {
	t.Helper()
	_, m := p.h.stored(t, id)
	return m
}

func (p *paperMeeting) refused(t *testing.T, code int, args ...string) string {
	t.Helper()
	c, out, errs := p.h.run(p.pass, args...)
	if c != code || out != "" || errs == "" {
		t.Fatalf("%v: exit %d (want %d), stdout %q, stderr %q", args, c, code, out, errs)
	}
	return errs
}

// TestPaperMeetingFromTheCommandLine protects the promise that an office working by
// script can enter a whole meeting held on paper: village, settings, meeting with its
// 文号, roll call with leave, late and early leaving, the tally sheet, corrections of
// single households, signing, review, 公示 and its close, the bank package, and an
// amendment signed with its own 更正公示, close and package — and that the documents
// say what was entered (pdftotext).
func TestPaperMeetingFromTheCommandLine(t *testing.T) {
	p := &paperMeeting{h: newHarness(t), dir: t.TempDir(), pass: map[string]string{"PINGXIN_PASSPHRASE": "联丰村口令2026年"}}
	h := p.h
	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"village and its settings", func(t *testing.T) {
			roster := filepath.Join(p.dir, "名册.csv")
			os.WriteFile(roster, []byte(paperRoster), 0o644)
			h.ok("village", "new", "--name", "联丰村", "--town", "高桥街道", "--roster", roster)
			if out := h.ok("village", "set", "--village", "联丰村", "--notice-days", "10", "--cap", "25万",
				"--contact", "王丽芳", "--phone", "0573-88000000", "--notice-place", "村务公开栏"); out != "" {
				t.Fatalf("village set printed %q", out)
			}
			p.refused(t, ExitUsage, "village", "set", "--village", "联丰村", "--adult-age", "十八")
			p.refused(t, ExitRefused, "village", "set", "--village", "联丰村", "--raised-cap", "10万") // below the standard cap
		}},
		{"meeting numbered with the next 文号, or the one given", func(t *testing.T) {
			p.id = strings.TrimSpace(h.ok("meeting", "new", "--village", "联丰村", "--date", "2026-11-18", "--time", "19:00", "--place", "村委会议室"))
			m := p.meeting(t, p.id)
			if m.DocNumber != "联丰村评〔2026〕1号" {
				t.Fatalf("meeting new gave 文号 %q", m.DocNumber)
			}
			other := strings.TrimSpace(h.ok("meeting", "new", "--village", "联丰村", "--date", "2026-11-19", "--doc", "联丰村评〔2026〕7号"))
			if d := p.meeting(t, other).DocNumber; d != "联丰村评〔2026〕7号" {
				t.Fatalf("--doc gave %q", d)
			}
		}},
		{"roll call with leave, late and early leaving", func(t *testing.T) {
			p.refused(t, ExitUsage, "attend", "--meeting", p.id, "--late", "钱国强")         // no time
			p.refused(t, ExitRefused, "attend", "--meeting", p.id, "--late", "钱国强@25:70") // no such time
			p.refused(t, ExitRefused, "attend", "--meeting", p.id, "--leave", "无此人")
			h.ok("attend", "--meeting", p.id, "--leave", "徐月英", "--late", "钱国强@19:20", "--left", "陆志明@20:30")
			marks := map[string]string{}
			for _, a := range p.meeting(t, p.id).Attendance {
				marks[a.Name] = string(a.Presence) + a.At
			}
			if marks["徐月英"] != "请假" || marks["钱国强"] != "迟到19:20" || marks["陆志明"] != "早退20:30" || marks["沈建国"] != "出席" {
				t.Fatalf("roll call stored %v", marks)
			}
		}},
		{"the tally sheet", func(t *testing.T) {
			list := filepath.Join(p.dir, "计票表.csv")
			os.WriteFile(list, []byte(paperList()), 0o644)
			h.ok("import", "--meeting", p.id, list)
		}},
		{"household corrections", func(t *testing.T) {
			// more votes than the six present
			p.refused(t, ExitRefused, "household", "set", "--meeting", p.id, "--seq", "3", "--proposed", "20万", "--for", "7")
			// above the village's standard cap of 25万 without a reason
			errs := p.refused(t, ExitRefused, "household", "set", "--meeting", p.id, "--seq", "1", "--proposed", "30万")
			if !strings.Contains(errs, "250,000") {
				t.Fatalf("the cap refusal should name the cap: %s", errs)
			}
			p.refused(t, ExitUsage, "household", "set", "--meeting", p.id, "--seq", "1", "--rate", "maybe")
			h.ok("household", "set", "--meeting", p.id, "--seq", "1", "--proposed", "30万", "--cap-reason", "双带能力强", "--rate", "yes")
			h.ok("household", "set", "--meeting", p.id, "--seq", "2", "--reason", "经营情况不明，多数反对")
			h.ok("household", "set", "--meeting", p.id, "--seq", "3", "--proposed", "20万", "--for", "5", "--against", "1", "--abstain", "0", "--recused", "0")
			h.ok("household", "set", "--meeting", p.id, "--seq", "3", "--visit-date", "2026-11-17", "--visitors", "张德明",
				"--conclusion", "部分属实", "--recommend", "调低至15万", "--notes", "厂房为租用，规模小于申报")
			m := p.meeting(t, p.id)
			n := m.Nominees[2]
			if n.Proposed != 200_000 || n.Votes.For != 5 || n.Verification == nil || n.Verification.LowerTo != 150_000 {
				t.Fatalf("household 3 stored as %+v %+v", n, n.Verification)
			}
			if !m.Nominees[0].RatePreference || m.Nominees[0].ProposedReason != "双带能力强" {
				t.Fatalf("household 1 stored as %+v", m.Nominees[0])
			}
		}},
		{"sign", func(t *testing.T) {
			signed := filepath.Join(p.dir, "纪要.pdf")
			h.okEnv(p.pass, "minutes", "--meeting", p.id, "--out", signed, "--sign")
			text := pdftest.Words(t, signed)
			for _, want := range []string{"联丰村评〔2026〕1号", "请假", "徐月英", "迟到，19:20到会", "早退，20:30离会",
				"陈永明", "李春花", "周小平", "经营情况不明，多数反对", "厂房为租用，规模小于申报", idcard.Mask(cliID(101)),
				// 30万 above the village's 25万 cap and nobody visited: 暂缓 (docs/RULES.md §11, risk checks)
				"第1户陈永明（" + idcard.Mask(cliID(101)) + "，1组）：暂缓。原因：建议额度300,000元超过标准上限250,000元，未经乡贤参事会走访核实"} {
				if !strings.Contains(text, want) {
					t.Errorf("the signed minutes lack %q", want)
				}
			}
			p.refused(t, ExitRefused, "household", "set", "--meeting", p.id, "--seq", "2", "--reason", "改")
			p.refused(t, ExitRefused, "attend", "--meeting", p.id, "--present", "徐月英")
		}},
		{"review and 公示", func(t *testing.T) {
			h.ok("review", "--meeting", p.id, "--date", "2026-11-21", "--by", "沈建国", "--opinion", "同意")
			publicize(t, h, p.id, p.dir)
			// № 1 is 暂缓 (above the cap, not visited), № 2 not passed: № 3 alone, lowered by its visit
			notice := pdftest.Words(t, filepath.Join(p.dir, "notice-"+p.id+".pdf"))
			for _, want := range []string{"联丰村", "周小平", "150,000", "村务公开栏", "0573-88000000"} {
				if !strings.Contains(notice, want) {
					t.Errorf("the notice lacks %q", want)
				}
			}
		}},
		{"export", func(t *testing.T) {
			zip := filepath.Join(p.dir, "银行资料包.zip")
			if out := h.okEnv(p.pass, "export", "--meeting", p.id, "--out", zip); !strings.Contains(out, zip) {
				t.Fatalf("export printed %q", out)
			}
		}},
		{"amend", func(t *testing.T) {
			p.refused(t, ExitRefused, "amend", "--meeting", p.id, "--reason", " ")
			am := strings.TrimSpace(h.ok("amend", "--meeting", p.id, "--reason", "第1户建议额度误记，更正为二十万元", "--date", "2026-11-25", "--time", "19:00"))
			if _, err := strconv.Atoi(am); err != nil || am == p.id {
				t.Fatalf("amend printed %q", am)
			}
			m := p.meeting(t, am)
			if m.AmendsID == 0 || m.Date.Format("2006-01-02") != "2026-11-25" {
				t.Fatalf("the amendment is %+v", m)
			}
			h.ok("household", "set", "--meeting", am, "--seq", "1", "--proposed", "20万")
			out := filepath.Join(p.dir, "补充纪要.pdf")
			h.ok("minutes", "--meeting", am, "--out", out)
			text := pdftest.Words(t, out)
			for _, want := range []string{"补充纪要", "第1户建议额度误记", "原为“300,000”，更正为“200,000”"} {
				if !strings.Contains(text, want) {
					t.Errorf("the amendment's minutes lack %q", want)
				}
			}
			p.am = am
		}},
		{"the amendment signed, its 更正公示 closed, reviewed and exported", func(t *testing.T) {
			h.now = time.Date(2026, 11, 25, 20, 30, 0, 0, time.Local)
			h.ok("attend", "--meeting", p.am, "--absent", "蒋阿大", "--yes") // the sitting's own roll call
			signed := filepath.Join(p.dir, "补充纪要-签署.pdf")
			h.okEnv(p.pass, "minutes", "--meeting", p.am, "--out", signed, "--sign")
			text := pdftest.Words(t, signed)
			for _, want := range []string{"联丰村评〔2026〕8号", "对联丰村评〔2026〕1号纪要的补充", "内容指纹",
				"缺席：蒋阿大", "最终结果：原为“暂缓”，更正为“通过200,000”"} {
				if !strings.Contains(text, want) {
					t.Errorf("the signed amendment lacks %q", want)
				}
			}
			if strings.Contains(text, "草稿") {
				t.Error("the signed amendment carries the draft mark")
			}
			notice := filepath.Join(p.dir, "更正公示.pdf")
			h.ok("notice", "--meeting", p.am, "--out", notice, "--from", "2026-11-26")
			nt := pdftest.Words(t, notice)
			for _, want := range []string{"更正公示", "对联丰村评〔2026〕1号纪要作出以下更正", "第1户陈永明（" + idcard.Mask(cliID(101)) + "），最终结果：原为“暂缓”，更正为“通过200,000”",
				"公示期：2026年11月26日至2026年12月5日（共10天）", "村务公开栏"} {
				if !strings.Contains(nt, want) {
					t.Errorf("the 更正公示 lacks %q", want)
				}
			}
			p.refused(t, ExitRefused, "publicity", "close", "--meeting", p.am, "--result", "无异议") // the period runs
			h.now = time.Date(2026, 12, 6, 9, 0, 0, 0, time.Local)
			h.ok("publicity", "close", "--meeting", p.am, "--result", "无异议")
			zip := filepath.Join(p.dir, "补充资料包.zip")
			if errs := p.refused(t, ExitRefused, "export", "--meeting", p.am, "--out", zip); !strings.Contains(errs, "组织审定尚未记录") {
				t.Errorf("export before the amendment's own 组织审定 says %q", errs) // the original's review does not cover it
			}
			h.ok("review", "--meeting", p.am, "--date", "2026-12-06", "--by", "沈建国")
			h.okEnv(p.pass, "export", "--meeting", p.am, "--out", zip)
			if out := h.ok("verify", zip); !strings.HasSuffix(out, "valid\n") {
				t.Fatalf("verify of the amendment's package:\n%s", out)
			}
		}},
	}
	for _, s := range steps {
		if !t.Run(s.name, func(t *testing.T) { h.t = t; s.run(t) }) {
			t.FailNow()
		}
	}
}
