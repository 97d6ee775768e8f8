package minutes

import (
	"os/exec"
	"strings"
	"testing"

	"pingxin/app"
	"pingxin/app/idcard"
)

// TestNoticeText: the notice lists exactly the passed households (name, masked ID,
// group, final amount), the period, how to object, the committee and the date.
func TestNoticeText(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	path, raw := renderNotice(t, v, m, Options{})
	txt := pdfText(t, path)
	results := m.Results(v.Settings)
	for i, n := range m.Nominees {
		masked := idcard.Mask(n.IDNumber)
		if results[i].Outcome != app.Passed {
			if strings.Contains(squeeze(txt), masked) {
				t.Errorf("household %d (%s) is on the notice", n.Seq, results[i].Outcome)
			}
			continue
		}
		assertContains(t, txt, n.Name, n.Name+masked+n.Group+results[i].Amount.String())
	}
	assertContains(t, txt, "terms", "越丰村三治信农贷授信评议结果公示", m.DocNumber, "以下23户农户通过授信评议",
		"合计：23户，授信总额4,500,000元。", "公示期："+cnDate(fixedNow)+"至"+cnDate(fixedNow.AddDate(0, 0, 6))+"（共7天）。",
		"请以书面或当面方式实名向未填写反映", "越丰村村民委员会（盖章）"+cnDate(fixedNow))
	for _, s := range []string{txt, squeeze(txt), string(raw)} {
		if id := fullID.FindString(s); id != "" {
			t.Errorf("full ID %s on the notice", id)
		}
	}
	if out, err := exec.Command(needTool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(needTool(t, "pdffonts"), path).Output()
	if err != nil {
		t.Fatal(err)
	}
	checkFontsEmbedded(t, string(out))
}

// TestNoticeOptions: the period is the 公示's (its start, the village's notice days), the
// posting place, objections place, contact and phones are the village's settings.
func TestNoticeOptions(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	p := &app.Publicity{Start: meetingDay.AddDate(0, 0, 2), Days: 10, Notice: app.NoticeSettings{Place: "村务公开栏",
		ObjectPlace: "村务监督委员会（村委会一楼）", Contact: "钱晓燕", Phone: "0573-88881234", SupervisePhone: "0573-88880000"}}
	path, _ := renderNotice(t, v, m, Options{Publicity: p})
	assertContains(t, pdfText(t, path), "options", "公示期：2026年3月17日至2026年3月26日（共10天）。", "公示地点：村务公开栏。",
		"实名向村务监督委员会（村委会一楼）反映（联系人：钱晓燕，联系电话：0573-88881234）", "监督电话：0573-88880000。",
		"越丰村村民委员会（盖章）2026年3月17日")
}

// TestNoticeUnfilled: settings nobody filled in print 未填写, and without a 公示 record the
// period starts on the day it is printed, never on the meeting date.
func TestNoticeUnfilled(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	path, _ := renderNotice(t, v, m, Options{})
	txt := pdfText(t, path)
	assertContains(t, txt, "unfilled", "公示地点：未填写。", "联系人：未填写，联系电话：未填写", "监督电话：未填写。",
		"公示期："+cnDate(fixedNow)+"至"+cnDate(fixedNow.AddDate(0, 0, 6)))
	if strings.Contains(squeeze(txt), "公示期："+cnDate(meetingDay)) {
		t.Error("the period starts on the meeting date")
	}
}

// TestNoticeSignatureNeverAlone protects docs/RULES.md §11.3: for every number of passed
// households from 1 to 60 the 落款 stands on the same page as the text before it.
func TestNoticeSignatureNeverAlone(t *testing.T) {
	v := testVillage()
	base := testMeeting(v)
	for k := 1; k <= 60; k++ {
		m := *base
		m.Nominees = nil
		for i := 0; i < k; i++ {
			n := base.Nominees[i%len(base.Nominees)]
			n.Seq, n.Blocked, n.Verification = i+1, "", nil
			n.Baseline, n.Undertaking = [6]app.Check{app.Met, app.Met, app.Met, app.Met, app.Met, app.Met}, true
			n.Proposed, n.Votes = 100_000, app.Votes{For: 7, Recorded: true}
			m.Nominees = append(m.Nominees, n)
		}
		if got := m.Tally(v.Settings).Passed; got != k {
			t.Fatalf("%d households: %d passed", k, got)
		}
		path, _ := renderNotice(t, v, &m, Options{})
		found := false
		for _, pg := range pageTexts(t, path) {
			pg = squeeze(pg)
			if strings.Contains(pg, "村民委员会（盖章）") {
				found = true
				if !strings.Contains(pg, "监督电话") {
					t.Errorf("%d households: the 落款 stands alone on its page: %q", k, pg)
				}
			}
		}
		if !found {
			t.Errorf("%d households: no 落款", k)
		}
	}
}

// TestNoticeNobodyPassed: a meeting without a passed household still gets a notice.
func TestNoticeNobodyPassed(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	for i := range m.Nominees {
		m.Nominees[i].Votes = app.Votes{Against: 7, Recorded: true}
		m.Nominees[i].Reason = "否决"
	}
	path, _ := renderNotice(t, v, m, Options{})
	assertContains(t, pdfText(t, path), "empty", "本次无通过授信评议的农户")
}
