package importer

import (
	"slices"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/app/i18n"
)

func TestParseRoster(t *testing.T) {
	tb := listOf([]string{"姓名", "所属组织", "职务"},
		[]string{"沈书记", "百姓议事会、乡贤参事会", "主持人"},
		[]string{"钱记录", "议事会", "记录员"},
		[]string{"孙乡贤", "乡贤会/百事服务团 法律服务团", ""},
		[]string{"李干部", "驻村干部", "驻村干部"})
	ms, err := ParseRoster(tb)
	if err != nil {
		t.Fatal(err)
	}
	want := []app.Member{
		{Name: "沈书记", Bodies: []app.Body{app.BodyPeople, app.BodySage}, Role: app.RoleChair},
		{Name: "钱记录", Bodies: []app.Body{app.BodyPeople}, Role: app.RoleClerk},
		{Name: "孙乡贤", Bodies: []app.Body{app.BodySage, app.BodyService, app.BodyLegal}, Role: app.RoleMember},
		{Name: "李干部", Bodies: []app.Body{app.BodyObserver}, Role: app.RoleCadre},
	}
	if !slices.EqualFunc(ms, want, func(a, b app.Member) bool {
		return a.Name == b.Name && a.Role == b.Role && slices.Equal(a.Bodies, b.Bodies)
	}) {
		t.Fatalf("got %+v", ms)
	}
}

// TestRosterBadRows: any bad row refuses the roster and every bad row is named.
func TestRosterBadRows(t *testing.T) {
	tb := listOf([]string{"姓名", "所属组织", "职务"},
		[]string{"沈书记", "百姓议事会", "主持人"},
		[]string{"", "百姓议事会", ""},
		[]string{"周某", "妇联", ""},
		[]string{"吴某", "", ""},
		[]string{"郑某", "百姓议事会", "秘书长"},
		[]string{"沈书记", "乡贤参事会", ""})
	tb.Name = "名册.csv"
	ms, err := ParseRoster(tb)
	if ms != nil {
		t.Fatalf("members %v returned with errors", ms)
	}
	fe, ok := err.(*FileErrors)
	if !ok {
		t.Fatalf("err %T %v", err, err)
	}
	want := []string{
		"名册.csv: 第 3 行，姓名（未填写）：姓名不能为空",
		"名册.csv: 第 4 行，所属组织“妇联”：不认识的组织“妇联”：应为 百姓议事会、乡贤参事会、道德评判团、百事服务团、法律服务团 或 列席",
		"名册.csv: 第 5 行，所属组织（未填写）：请填写所属组织",
		"名册.csv: 第 6 行，职务“秘书长”：不认识的职务：应为 主持人、记录人、成员、团长、会长、驻村干部、农商银行客户经理 或 列席",
		"名册.csv: 第 7 行，姓名“沈书记”：与第 2 行重名",
	}
	if got := fe.Lines(i18n.Zh); !slices.Equal(got, want) {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
	}
	if app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("code %q", app.ErrorCode(err))
	}
}

func TestParseBlacklist(t *testing.T) {
	h := []string{"姓名", "身份证号码", "类别", "来源", "日期", "备注"}
	tb := listOf(h,
		[]string{"赵某", nthID(1), "老赖", "法院", "2025/6/1", "失信被执行人"},
		[]string{"钱某", nthID(2), "炒房", "", "2025年7月2日", ""})
	es, err := ParseBlacklist(tb, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].IDNumber != nthID(1) || es[0].Category != app.Defaulter || es[0].Source != "法院" ||
		!es[0].Date.Equal(time.Date(2025, 6, 1, 0, 0, 0, 0, time.Local)) || es[1].Category != app.Speculator ||
		!es[1].Date.Equal(time.Date(2025, 7, 2, 0, 0, 0, 0, time.Local)) || es[0].Note != "失信被执行人" {
		t.Fatalf("entries %+v", es)
	}
}

func TestBlacklistBadRows(t *testing.T) {
	h := []string{"姓名", "身份证号码", "类别"}
	tb := listOf(h,
		[]string{"赵某", nthID(1), "老赖"},
		[]string{"钱某", "123", "老赖"},
		[]string{"孙某", nthID(3), "坏人"},
		[]string{"李某", nthID(4), ""},
		[]string{"赵某", nthID(1), "老赖"})
	_, err := ParseBlacklist(tb, today)
	fe, ok := err.(*FileErrors)
	if !ok {
		t.Fatalf("err %v", err)
	}
	var got []string
	for _, e := range fe.Errors {
		got = append(got, e.Column+":"+e.Reason.Key)
	}
	want := []string{"身份证号码:idcard.length", "类别:importer.category_unknown", "类别:importer.category_required", "身份证号码:importer.duplicate"}
	if !slices.Equal(got, want) || fe.Errors[0].Row != 3 || fe.Errors[3].Row != 6 {
		t.Fatalf("got %v", fe.Errors)
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2026, 3, 15, 0, 0, 0, 0, time.Local)
	for _, c := range []Cell{{"2026-03-15", false}, {"2026/3/15", false}, {"2026.3.15", false}, {"2026年3月15日", false},
		{"20260315", false}, {"46096", true}, {"２０２６－０３－１５", false}, {"2026-03-15 00:00:00", false}} {
		got, ok := parseDate(c)
		if !ok || !got.Equal(want) {
			t.Errorf("parseDate(%v) = %v %v", c, got, ok)
		}
	}
	for _, c := range []Cell{{"三月", false}, {"46096", false}, {"2026-02-30", false}, {"1e9", true}} {
		if _, ok := parseDate(c); ok {
			t.Errorf("parseDate(%v) accepted", c)
		}
	}
}
