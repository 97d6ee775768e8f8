package desktop

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pingxin/app"
)

// TestRiskChecksOnScreen protects docs/RULES.md §11 (risk checks) on the desktop: a
// proposal above the request is a warning beside the amount and is stored; a
// proposal above the standard cap with no visit shows 暂缓 with its reason until a
// visit is recorded; the visit form offers only the roster's 乡贤参事会 and 百事服务团
// and refuses, naming the visitor, anyone else.
func TestRiskChecksOnScreen(t *testing.T) {
	_, s := openDemoMeeting(t)

	// № 14 朱海明 asked for 12万; the council proposes 15万: told, not refused.
	c, dt := deliberateOn(s, 14)
	typeOn(c, "15万")
	keyOn(c, fyne.KeyTab)
	if dt.proposedWarn.Hidden || dt.proposedWarn.Text != "建议额度 150,000 元高于申请额度 120,000 元" {
		t.Errorf("warning = %q (hidden %v)", dt.proposedWarn.Text, dt.proposedWarn.Hidden)
	}
	if !dt.proposedErr.Hidden {
		t.Errorf("a proposal above the request was refused: %q", dt.proposedErr.Text)
	}
	if got := storedMeeting(t, s).Nominees[s.model.indexOfSeq(14)].Proposed; got != 150_000 {
		t.Fatalf("stored proposal %d, want 150000 stored despite the warning", got)
	}

	// № 12 韩金龙: passed 7/1 at 40万 with no visit → 暂缓, said on screen.
	i := s.model.indexOfSeq(12)
	dt.show(i)
	if dt.decision.Text != "通过" || !strings.Contains(dt.resultLine.Text, "最终结果：暂缓") ||
		!strings.Contains(dt.resultLine.Text, "超过标准上限 300,000 元，未经乡贤参事会走访核实") {
		t.Errorf("decision %q, result %q: want the vote's 通过 and the final 暂缓 with its reason", dt.decision.Text, dt.resultLine.Text)
	}
	if dt.proposedWarn.Hidden || !strings.Contains(dt.proposedWarn.Text, "须有乡贤参事会走访核实记录") {
		t.Errorf("over-cap warning = %q (hidden %v)", dt.proposedWarn.Text, dt.proposedWarn.Hidden)
	}
	if r := s.model.results[i]; r.Outcome != app.Deferred {
		t.Errorf("list result %s, want 暂缓", r.Outcome)
	}

	// The visit form: 俞敏 (法律服务团) and 沈建国 (百姓议事会) are not offered.
	s.tabs.SelectIndex(3)
	v := s.verify
	v.list.Select(i)
	for _, name := range []string{"俞敏", "沈建国"} {
		if slices.Contains(v.visitors.Options, name) {
			t.Errorf("%s offered as a visitor: %v", name, v.visitors.Options)
		}
	}
	for _, name := range []string{"张德明", "范秀珍", "褚立新"} {
		if !slices.Contains(v.visitors.Options, name) {
			t.Errorf("%s (乡贤参事会/百事服务团) not offered: %v", name, v.visitors.Options)
		}
	}
	if got := v.visitorNames([]string{"张德明", "王路人"}); !slices.Contains(got, "王路人") {
		t.Errorf("a name a stored record holds is hidden from the clerk: %v", got)
	}
	// a record naming someone off the roster is refused with the name
	v.date.SetText("2026-03-12")
	v.visitors.SetSelected([]string{"张德明", "俞敏"})
	v.conc.SetSelected("属实")
	v.rec.SetSelected("维持")
	test.Tap(v.save)
	if v.problem.Hidden || !strings.Contains(v.problem.Text, "走访人“俞敏”不是乡贤参事会或百事服务团成员") {
		t.Errorf("problem %q (hidden %v)", v.problem.Text, v.problem.Hidden)
	}
	if storedMeeting(t, s).Nominees[i].Verification != nil {
		t.Fatal("a visit by someone off the roster was stored")
	}
	// with members only it is stored, and the household passes
	v.visitors.SetSelected([]string{"张德明", "褚立新"})
	test.Tap(v.save)
	if !v.problem.Hidden {
		t.Fatalf("problem: %s", v.problem.Text)
	}
	if r := s.model.results[i]; r.Outcome != app.Passed || r.Amount != 400_000 {
		t.Errorf("after the visit: %s %d, want 通过 400000", r.Outcome, r.Amount)
	}
}
