// Package app is Pingxin's domain: villages and their councils, meetings, nominated
// households, votes, verification and the rules of docs/RULES.md §3–§5. It is pure Go: it knows
// neither Fyne nor SQL, so the desktop, the command line and the store all share one
// copy of every rule.
package app

import (
	"slices"
	"strings"

	"pingxin/app/amount"
)

// Body is one of the village's councils and groups (一约两会三团), or the observers.
type Body string

// The bodies of docs/RULES.md §2. Observers (列席) attend but never count for quorum.
const (
	BodyMoral    Body = "道德评判团"
	BodyPeople   Body = "百姓议事会"
	BodySage     Body = "乡贤参事会"
	BodyService  Body = "百事服务团"
	BodyLegal    Body = "法律服务团"
	BodyObserver Body = "列席"
)

// Bodies lists every body in the order the minutes print them.
var Bodies = []Body{BodyPeople, BodySage, BodyMoral, BodyService, BodyLegal, BodyObserver}

// ParseBody reads a body as rosters spell it, including common short forms
// (议事会, 乡贤会, 评判团, 驻村干部 → 列席 …). ok is false for anything unknown.
func ParseBody(s string) (Body, bool) {
	s = strings.TrimSpace(s)
	for _, b := range Bodies {
		if s == string(b) {
			return b, true
		}
	}
	b, ok := bodySynonyms[s]
	return b, ok
}

var bodySynonyms = map[string]Body{
	"议事会": BodyPeople, "百姓议事": BodyPeople, "村民议事会": BodyPeople,
	"乡贤会": BodySage, "乡贤参事": BodySage, "参事会": BodySage,
	"评判团": BodyMoral, "道德评判": BodyMoral,
	"服务团": BodyService, "百事服务": BodyService,
	"法律团": BodyLegal, "法律服务": BodyLegal,
	"观察员": BodyObserver, "列席人员": BodyObserver, "驻村干部": BodyObserver,
	"农商银行": BodyObserver, "客户经理": BodyObserver,
}

// Role is a person's post (职务) in the bodies they belong to.
type Role string

// The roles of docs/RULES.md §2.
const (
	RoleChair   Role = "主持人"
	RoleClerk   Role = "记录人"
	RoleMember  Role = "成员"
	RoleHead    Role = "团长"
	RolePresid  Role = "会长"
	RoleCadre   Role = "驻村干部"
	RoleBanker  Role = "农商银行客户经理"
	RoleOfficer Role = "列席"
)

// ParseRole reads a role as rosters spell it; empty means 成员. ok is false when unknown.
func ParseRole(s string) (Role, bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "成员", "委员", "议事员", "组员":
		return RoleMember, true
	case "主持人", "主持", "书记", "村党组织书记", "村书记":
		return RoleChair, true
	case "记录人", "记录员", "记录":
		return RoleClerk, true
	case "团长", "组长":
		return RoleHead, true
	case "会长":
		return RolePresid, true
	case "驻村干部":
		return RoleCadre, true
	case "农商银行客户经理", "客户经理":
		return RoleBanker, true
	case "列席":
		return RoleOfficer, true
	}
	return "", false
}

// Member is a person on the village roster.
type Member struct {
	ID        int64
	VillageID int64
	Name      string
	Bodies    []Body
	Role      Role
}

// In reports whether m belongs to body b.
func (m Member) In(b Body) bool { return slices.Contains(m.Bodies, b) }

// MayVisit reports whether m may visit a household for the sage council's verification:
// a member of the 乡贤参事会 or the 百事服务团 (docs/RULES.md §2, §11 risk checks).
func (m Member) MayVisit() bool { return m.In(BodySage) || m.In(BodyService) }

// Observer reports whether m only attends (驻村干部, bank officer) and never counts.
func (m Member) Observer() bool {
	return len(m.Bodies) == 0 || (len(m.Bodies) == 1 && m.Bodies[0] == BodyObserver)
}

// Majority is the share of votes a household needs to pass.
type Majority string

// The majority rules a village may choose (docs/RULES.md §4).
const (
	MajorityHalf      Majority = "half"       // for > 1/2 of present, non-recused members
	MajorityTwoThirds Majority = "two_thirds" // for ≥ 2/3 of present, non-recused members
)

// Settings are a village's rules with numbers (docs/RULES.md §4).
type Settings struct {
	QuorumNum, QuorumDen int // quorum: present ≥ Num/Den of the people's council
	Majority             Majority
	StandardCap          amount.Yuan // above it a proposed amount needs a reason
	RaisedCap            amount.Yuan // nobody may request or be proposed more
	RoundingUnit         amount.Yuan // amounts must be whole multiples
	ValidityYears        int         // credit validity, revolving
	AdultAge             int
	NoticeDays           int
	Notice               NoticeSettings // where the 公示 is posted, who takes objections
	// ForbiddenPurposes are the words that put a stated purpose under the three 不准
	// (docs/RULES.md §3); a purpose containing one is blocked.
	ForbiddenPurposes []string
}

// DefaultSettings returns docs/RULES.md §4's defaults.
func DefaultSettings() Settings {
	return Settings{
		QuorumNum: 2, QuorumDen: 3,
		Majority:          MajorityHalf,
		StandardCap:       300_000,
		RaisedCap:         500_000,
		RoundingUnit:      1_000,
		ValidityYears:     3,
		AdultAge:          18,
		NoticeDays:        7,
		ForbiddenPurposes: DefaultForbiddenPurposes(),
	}
}

// Validate refuses settings that make no sense (a quorum over 100 %, caps in the wrong order).
func (s Settings) Validate() error {
	switch {
	case s.QuorumDen <= 0 || s.QuorumNum <= 0 || s.QuorumNum > s.QuorumDen:
		return Errorf(EINVALID, "settings.quorum", "Num", s.QuorumNum, "Den", s.QuorumDen)
	case s.Majority != MajorityHalf && s.Majority != MajorityTwoThirds:
		return Errorf(EINVALID, "settings.majority", "Value", string(s.Majority))
	case s.RoundingUnit <= 0 || s.StandardCap <= 0 || s.RaisedCap < s.StandardCap:
		return Errorf(EINVALID, "settings.caps", "Standard", s.StandardCap.String(), "Raised", s.RaisedCap.String())
	case s.ValidityYears <= 0 || s.AdultAge <= 0 || s.NoticeDays <= 0:
		return Errorf(EINVALID, "settings.positive")
	}
	return checkForbidden(s.ForbiddenPurposes)
}

// Village is one village with its roster and rules.
type Village struct {
	ID         int64
	Name       string
	Town       string
	CountyCode string // six digits, e.g. 330483 (桐乡市); IDs outside it are a warning
	Settings   Settings
	Members    []Member
}

// CouncilMembers returns the people's-council members: the ones who vote and count for quorum.
func (v *Village) CouncilMembers() []Member {
	var out []Member
	for _, m := range v.Members {
		if m.In(BodyPeople) {
			out = append(out, m)
		}
	}
	return out
}

// Visitors are the names of the roster's members who may visit a household
// (Member.MayVisit); never nil, so an empty roster admits no visitor.
func (v *Village) Visitors() map[string]bool {
	out := map[string]bool{}
	for _, m := range v.Members {
		if m.MayVisit() {
			out[m.Name] = true
		}
	}
	return out
}

// MemberByName finds a member by exact name.
func (v *Village) MemberByName(name string) (Member, bool) {
	for _, m := range v.Members {
		if m.Name == name {
			return m, true
		}
	}
	return Member{}, false
}

// Validate checks a new village: a name, a town, a six-digit county code if any,
// members with names and bodies, no name twice.
func (v *Village) Validate() error {
	if strings.TrimSpace(v.Name) == "" {
		return Errorf(EINVALID, "village.name_required")
	}
	if strings.TrimSpace(v.Town) == "" {
		return Errorf(EINVALID, "village.town_required")
	}
	if v.CountyCode != "" && !isDigits(v.CountyCode, 6) {
		return Errorf(EINVALID, "village.county_code", "Value", v.CountyCode)
	}
	seen := map[string]bool{}
	for _, m := range v.Members {
		if seen[m.Name] {
			return Errorf(EINVALID, "village.member_twice", "Name", m.Name)
		}
		seen[m.Name] = true
	}
	return v.Settings.Validate()
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// VillageSummary is a row of the village list.
type VillageSummary struct {
	ID       int64
	Name     string
	Town     string
	Members  int
	Meetings int
}
