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
		"合计：23户，授信总额4,500,000元。", "公示期：2026年3月15日至2026年3月21日（共7天）。",
		"请以书面或当面方式向越丰村村民委员会实名反映", "越丰村村民委员会2026年3月15日")
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

// TestNoticeOptions: the start day, the village's notice length and the objection
// office and phone come from the options and settings.
func TestNoticeOptions(t *testing.T) {
	v := testVillage()
	v.Settings.NoticeDays = 10
	m := testMeeting(v)
	path, _ := renderNotice(t, v, m, Options{NoticeStart: meetingDay.AddDate(0, 0, 2), ObjectTo: "村务监督委员会（村委会一楼）", ObjectPhone: "0573-88881234"})
	assertContains(t, pdfText(t, path), "options", "公示期：2026年3月17日至2026年3月26日（共10天）。",
		"向村务监督委员会（村委会一楼）实名反映，也可拨打电话0573-88881234", "越丰村村民委员会2026年3月17日")
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
