package minutes

import (
	"fmt"
	"strings"
	"time"

	"pingxin/app"
	"pingxin/app/amount"
)

// This file builds the meetings the tests render: a village with its councils and a
// list of households covering every outcome and every kind of text a clerk types.

var meetingDay = time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)

// testID makes a valid resident ID (GB 11643 check character) from a birth date and a
// sequence number, so tests never depend on the idcard package's internals.
func testID(region, birth string, seq int) string {
	body := fmt.Sprintf("%s%s%03d", region, birth, seq%1000)
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range body {
		sum += int(c-'0') * w[i]
	}
	return body + string("10X98765432"[sum%11])
}

// testVillage has 9 people's-council members (chair and clerk among them), 3 sages, two
// moral-judgment members, a legal adviser and two observers.
func testVillage() *app.Village {
	v := &app.Village{ID: 1, Name: "越丰村", Town: "濮院镇", CountyCode: "330483", Settings: app.DefaultSettings()}
	add := func(name string, role app.Role, bodies ...app.Body) {
		v.Members = append(v.Members, app.Member{ID: int64(len(v.Members) + 1), VillageID: 1, Name: name, Bodies: bodies, Role: role})
	}
	add("沈建国", app.RoleChair, app.BodyPeople)
	add("钱晓燕", app.RoleClerk, app.BodyPeople)
	for _, n := range []string{"朱永明", "徐桂芳", "褚国强", "卫红英", "蒋立新", "沈金龙", "韩雪梅"} {
		add(n, app.RoleMember, app.BodyPeople)
	}
	add("屠文华", app.RolePresid, app.BodySage)
	add("姚志远", app.RoleMember, app.BodySage)
	add("陆秀兰", app.RoleMember, app.BodySage, app.BodyMoral)
	add("范德清", app.RoleHead, app.BodyMoral)
	add("金律言", app.RoleMember, app.BodyLegal)
	add("王驻村", app.RoleCadre, app.BodyObserver)
	add("李银行", app.RoleBanker, app.BodyObserver)
	return v
}

// sentences are the stuff of verification notes, as a sage council writes them.
var sentences = []string{
	"经乡贤参事会成员入户走访，该户家庭成员和睦，邻里关系融洽，无不良嗜好。",
	"户主从事湖羊养殖多年，现存栏一百二十头，年出栏约三百头，收入稳定。",
	"申请资金主要用于扩建羊舍和购买饲料，用途明确，符合生产性贷款要求。",
	"经向村民小组长和周边农户了解，未发现高息借贷或参与赌博等情况。",
	"家中有在外务工子女二人，每月汇回家用，家庭负债较少，还款来源可靠。",
	"该户曾于二〇二一年在本村信用社贷款五万元，已按期归还本息，信用良好。",
	"走访时查看了其承包的三十亩桑园和二亩鱼塘，管理规范，长势良好。",
	"户主积极参加村里的环境整治和志愿服务，曾获“最美家庭”称号。",
	"建议在核定额度内分期发放，由村级信用联络员跟踪资金使用情况；",
	"其配偶在镇上经营一家小超市，营业执照齐全，年营业额约四十万元。",
}

// longNote is a note of at least n runes without a single space or line break.
func longNote(n, seed int) string {
	var b strings.Builder
	for i := seed; len([]rune(b.String())) < n; i++ {
		b.WriteString(sentences[i%len(sentences)])
	}
	return b.String()
}

// testMeeting builds the meeting of the tests: roll call with absent, leave and late
// members, and 30 households with every outcome.
func testMeeting(v *app.Village) *app.Meeting {
	m, err := app.NewMeeting(v, meetingDay, []string{"韩雪梅", "金律言"})
	if err != nil {
		panic(err)
	}
	m.ID, m.DocNumber, m.Time, m.Place = 7, "越丰村评〔2026〕3号", "19:30", "越丰村村民委员会二楼会议室"
	for i := range m.Attendance {
		switch m.Attendance[i].Name {
		case "沈金龙":
			m.Attendance[i].Presence = app.Leave
		case "蒋立新":
			m.Attendance[i].Presence, m.Attendance[i].At = app.Late, "19:45"
		}
	}
	for i := 0; i < 30; i++ {
		m.Nominees = append(m.Nominees, household(i))
	}
	return m
}

var surnames = []string{"张", "王", "李", "赵", "陈", "杨", "吴", "周", "孙", "郑"}
var givens = []string{"伟", "建华", "秀英", "国平", "丽娟", "志强", "桂兰", "海涛", "春燕", "明"}
var groups = []string{"第一村民小组", "第二组", "第三组", "第四组", "第五组", "新联组"}
var purposes = []string{"生产", "创业", "建房", "就学", "娶亲", "湖羊养殖扩建羊舍", "购买农机"}

// household i of the test meeting. Every few households carry one of the special cases.
func household(i int) app.Nominee {
	name := surnames[i%10] + givens[(i*3)%10]
	n := app.NewNominee(name, testID("330483", fmt.Sprintf("19%02d0%d1%d", 60+i%30, 1+i%9, i%9), 100+i))
	n.Seq, n.Group, n.Purpose = i+1, groups[i%len(groups)], purposes[i%len(purposes)]
	n.Phone = fmt.Sprintf("138%08d", 5730000+i)
	n.Requested = amount.Yuan(100_000 + 10_000*(i%20))
	n.Proposed = n.Requested
	n.Votes = app.Votes{For: 7, Recorded: true}
	n.RatePreference = i%4 == 0
	if i%3 == 0 {
		n.Verification = &app.Verification{VisitDate: meetingDay.AddDate(0, 0, -5), Visitors: []string{"屠文华", "姚志远"},
			Conclusion: app.Confirmed, Recommendation: app.Keep, Notes: sentences[i%len(sentences)]}
	}
	special(&n, i)
	return n
}

// special gives households their outcome and text cases.
func special(n *app.Nominee, i int) {
	switch i {
	case 1: // a rare character the font has, and a long purpose
		n.Name = "㮾丽华"
		n.Purpose = "湖羊养殖扩建羊舍及购买饲料、兽药和青贮设备（含二手拖拉机一台）"
	case 2: // not passed by the vote
		n.Votes = app.Votes{For: 2, Against: 4, Abstain: 1, Recorded: true}
		n.Reason = "多数成员认为该户经营项目尚不明确，建议明年再议。"
	case 3: // deferred: a baseline item awaits verification
		n.Baseline[3] = app.ToVerify
		n.Reason = "有村民反映其可能存在民间借贷，待乡贤参事会核实后再议。"
	case 4: // blocked by the blacklist
		n.Blocked = "列入村黑名单（老赖：失信被执行人）"
		n.Votes = app.Votes{}
	case 5: // lowered by verification, notes with typed line breaks and CRLF
		n.Proposed = 280_000
		n.Requested = 300_000
		n.Verification = &app.Verification{VisitDate: meetingDay.AddDate(0, 0, -3), Visitors: []string{"陆秀兰"},
			Conclusion: app.PartlyTrue, Recommendation: app.LowerTo, LowerTo: 150_000,
			Notes: "一、养殖规模属实。\n二、收入情况部分属实：申报年收入二十万元，核实约十二万元。\r\n\n三、建议调低至十五万元。"}
	case 6: // refused by verification, a 600-character note without spaces
		n.Verification = &app.Verification{VisitDate: meetingDay.AddDate(0, 0, -2), Visitors: []string{"屠文华", "陆秀兰", "姚志远"},
			Conclusion: app.NotConfirmed, Recommendation: app.Refuse, Notes: longNote(600, 3)}
	case 7: // above the standard cap with a reason, mixed Chinese, Latin and digits
		n.Requested, n.Proposed = 450_000, 450_000
		n.ProposedReason = "双带能力强、信用良好、带头作用明显：带动本村12户农户加入合作社。"
		n.Verification = &app.Verification{VisitDate: meetingDay.AddDate(0, 0, -4), Visitors: []string{"姚志远"},
			Conclusion: app.Confirmed, Recommendation: app.Keep,
			Notes: "户主为ABC公司2026年Q3贷款担保人，另有HTTPS://example.com/loan?id=12345&type=farm备案记录，年收入RMB 380,000元（含e-commerce直播带货收入）。"}
	case 8: // blocked for a forbidden purpose
		n.Purpose = "炒股"
		n.Blocked = "用途属“三不准”禁止范围（流入股市）"
		n.Votes = app.Votes{}
	case 9: // baseline not met and the undertaking not signed
		n.Baseline[0] = app.NotMet
		n.Undertaking = false
	case 10: // a minority name with a middle dot, punctuation-heavy notes
		n.Name = "阿卜杜拉·买买提"
		n.Verification = &app.Verification{VisitDate: meetingDay.AddDate(0, 0, -1), Visitors: []string{"屠文华"},
			Conclusion: app.Confirmed, Recommendation: app.Keep,
			Notes: strings.Repeat("属实。", 40) + "（附：走访照片三张）《村规民约》第五条「信用户」认定，“诚信”为本！"}
	case 11: // not passed on a tied vote, with a reason
		n.Votes = app.Votes{For: 3, Against: 3, Abstain: 1, Recorded: true}
		n.Reason = "票数相当，待补充材料后复议"
	}
}
