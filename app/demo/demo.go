// Package demo builds the demo village and meeting that a newcomer sees on first
// start: 越丰村 with a full roster, a blacklist, and a meeting of thirty households of
// which a part is already deliberated, so every screen and document shows a real
// meeting at once. The data is made up but believable, and deterministic, so
// screenshots and tests see the same meeting every time.
package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/idcard"
)

// VillageName is the demo village's name; `pingxin demo` reuses it when present.
const VillageName = "越丰村"

// Village returns the demo village with its roster and the default rules.
func Village() *app.Village {
	v := &app.Village{Name: VillageName, Town: "高桥街道", CountyCode: "330483", Settings: app.DefaultSettings()}
	add := func(name string, role app.Role, bodies ...app.Body) {
		v.Members = append(v.Members, app.Member{Name: name, Role: role, Bodies: bodies})
	}
	add("沈建国", app.RoleChair, app.BodyPeople)
	add("王丽芳", app.RoleClerk, app.BodyPeople)
	for _, n := range []string{"钱国强", "徐月英", "朱卫东", "姚金根", "陆雪芬", "曹志明", "吴海林"} {
		add(n, app.RoleMember, app.BodyPeople)
	}
	add("张德明", app.RolePresid, app.BodySage)
	add("范秀珍", app.RoleMember, app.BodySage, app.BodyService)
	add("蒋伯年", app.RoleMember, app.BodySage)
	add("顾桂芳", app.RoleHead, app.BodyMoral)
	add("屠永祥", app.RoleMember, app.BodyMoral)
	add("褚立新", app.RoleHead, app.BodyService)
	add("俞敏", app.RoleMember, app.BodyLegal)
	add("孙晓东", app.RoleCadre, app.BodyObserver)
	add("马琳", app.RoleBanker, app.BodyObserver)
	return v
}

type household struct {
	name, group, purpose string
	requested            amount.Yuan
}

var households = []household{
	{"陈永明", "第一村民小组", "扩大湖羊养殖规模", 300_000},
	{"李桂英", "第一村民小组", "蚕桑生产资料", 100_000},
	{"周建华", "第二村民小组", "家庭农场购置农机", 500_000},
	{"吴小燕", "第二村民小组", "开办农家乐", 200_000},
	{"郑国平", "第三村民小组", "建房", 300_000},
	{"王志刚", "第三村民小组", "杭白菊种植", 150_000},
	{"冯美娟", "第四村民小组", "网店经营羊毛衫", 200_000},
	{"褚建新", "第四村民小组", "子女就学", 50_000},
	{"卫国良", "第五村民小组", "水产养殖", 250_000},
	{"蒋雪琴", "第五村民小组", "娶亲", 100_000},
	{"沈卫星", "第六村民小组", "购房首付", 300_000},
	{"韩金龙", "第六村民小组", "生猪养殖场改造", 400_000},
	{"杨丽华", "第七村民小组", "创业开办服装加工坊", 300_000},
	{"朱海明", "第七村民小组", "蔬菜大棚", 120_000},
	{"秦玉芬", "第八村民小组", "来料加工", 80_000},
	{"尤伟民", "第八村民小组", "农资经营", 200_000},
	{"许文斌", "第一村民小组", "果园扩种葡萄", 180_000},
	{"何秀兰", "第二村民小组", "民宿装修", 300_000},
	{"吕建军", "第三村民小组", "运输车辆购置", 260_000},
	{"施红梅", "第四村民小组", "蚕种培育", 90_000},
	{"张国华", "第五村民小组", "稻米加工", 350_000},
	{"孔令军", "第六村民小组", "建房", 200_000},
	{"曹丽萍", "第七村民小组", "电商直播带货", 150_000},
	{"严志强", "第八村民小组", "农机维修铺", 100_000},
	{"华美玲", "第一村民小组", "花卉苗木", 220_000},
	{"金建平", "第二村民小组", "湖羊养殖", 280_000},
	{"魏春燕", "第三村民小组", "子女就学", 60_000},
	{"陶国庆", "第四村民小组", "小型加工厂设备", 450_000},
	{"姜秋萍", "第五村民小组", "生产周转", 100_000},
	{"戚永根", "第六村民小组", "家庭农场", 320_000},
}

// Blacklist returns the demo village's blacklist; its one entry matches household 19
// (吕建军), so the demo shows a blocked household.
func Blacklist(date time.Time) []app.BlacklistEntry {
	id := ids()[18]
	return []app.BlacklistEntry{{Name: households[18].name, IDNumber: id, Category: app.Defaulter,
		Source: "法院失信被执行人名单", Date: date.AddDate(0, -2, 0), Note: "拖欠货款未履行判决"}}
}

// ids returns one believable resident ID per household: 桐乡市 (330483), born
// 1962–1998, the sex digit matching no one in particular, check digit computed.
func ids() []string {
	r := rand.New(rand.NewPCG(2026, 3))
	out := make([]string, len(households))
	for i := range households {
		birth := time.Date(1962+r.IntN(37), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		out[i] = idcard.Complete(fmt.Sprintf("330483%s%03d", birth.Format("20060102"), 100+r.IntN(900)))
	}
	return out
}

// Meeting returns a new demo meeting of v on date with document number doc: the
// facts, the roll call (one member on leave, one late) and the thirty households, the
// first twelve deliberated.
func Meeting(v *app.Village, date time.Time, doc string) *app.Meeting {
	m, _ := app.NewMeeting(v, date, nil)
	m.DocNumber = doc
	m.Time, m.Place = "19:00", "越丰村文化礼堂二楼会议室"
	for i := range m.Attendance {
		switch m.Attendance[i].Name {
		case "吴海林":
			m.Attendance[i].Presence = app.Leave
		case "陆雪芬":
			m.Attendance[i].Presence, m.Attendance[i].At = app.Late, "19:20"
		}
	}
	ids := ids()
	for i, h := range households {
		n := app.NewNominee(h.name, ids[i])
		n.Group, n.Purpose, n.Requested = h.group, h.purpose, h.requested
		n.Phone = fmt.Sprintf("13%d%08d", 5+i%4, 57300000+i*7919)
		n.HouseholdSize = 2 + i%5
		if w := v.Settings.ForbiddenPurpose(h.purpose); w != "" {
			n.Blocked = "贷款用途属“三不准”：" + w
		}
		if i < 12 && n.Blocked == "" {
			deliberate(&n, i, date)
		}
		m.Nominees = append(m.Nominees, n)
	}
	return m
}

// deliberate fills in the meeting's work for the first households: amounts, votes
// of the eight members present, and a few sage-council visits.
func deliberate(n *app.Nominee, i int, date time.Time) {
	n.Proposed = n.Requested
	if n.Proposed > app.DefaultSettings().StandardCap {
		n.ProposedReason = "规模经营、带动周边农户，信用良好"
	}
	n.RatePreference = i%3 == 0
	n.Votes = app.Votes{For: 7, Against: 1, Recorded: true}
	visit := &app.Verification{VisitDate: date.AddDate(0, 0, -3), Visitors: []string{"张德明", "范秀珍"},
		Conclusion: app.Confirmed, Recommendation: app.Keep}
	switch i {
	case 0:
		visit.Notes = "走访户主及邻里，湖羊存栏一百二十余头，羊舍扩建用地已落实；家庭无不良嗜好，邻里口碑好，历年贷款按时归还。"
		n.Verification = visit
	case 2:
		n.Proposed, n.ProposedReason = 400_000, "双带能力强，带动周边六户农户种粮，信用良好"
		visit.Conclusion, visit.Recommendation, visit.LowerTo = app.PartlyTrue, app.LowerTo, 350_000
		visit.Notes = "农机购置计划属实，但现有经营规模约二百亩，与申请额度相比偏大，建议调低至三十五万元，待规模扩大后再行评议。"
		n.Verification = visit
	case 5:
		n.Votes = app.Votes{For: 3, Against: 4, Abstain: 1, Recorded: true}
		n.Reason = "种植规模尚小，建议明年再议"
	case 7:
		n.Proposed = 50_000
		n.Votes = app.Votes{For: 6, Against: 0, Abstain: 1, Recused: 1, Recorded: true}
	case 9:
		n.Baseline[3] = app.ToVerify
		n.Reason = "有民间借贷传闻，待乡贤参事会核实"
	}
}
