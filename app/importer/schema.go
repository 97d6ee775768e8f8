package importer

import (
	"strconv"

	"pingxin/app"
)

// Column is one column a kind of file knows: a key for the program and the headers
// people give it. Names[0] is the canonical header, printed in messages about a missing
// column and written in the template.
type Column struct {
	Key      string
	Names    []string
	Required bool
}

// Schema is the set of columns of one kind of file. Its table of header synonyms is
// the one place where a header is taught to the importer.
type Schema struct {
	Kind    string
	Columns []Column
	Ignored []string // headers known to carry nothing to import (序号)
	index   map[string]int
}

// Column keys of the nomination list.
const (
	ColName           = "name"
	ColID             = "id"
	ColGroup          = "group"
	ColPhone          = "phone"
	ColSize           = "size"
	ColPurpose        = "purpose"
	ColRequested      = "requested"
	ColProposed       = "proposed"
	ColProposedReason = "proposed_reason"
	ColRate           = "rate"
	ColFor            = "for"
	ColAgainst        = "against"
	ColAbstain        = "abstain"
	ColRecused        = "recused"
	ColReason         = "reason"
	ColConclusion     = "conclusion"
	ColRecommendation = "recommendation"
	ColNotes          = "notes"
	ColVisitors       = "visitors"
	ColVisitDate      = "visit_date"
	ColUndertaking    = "undertaking"
)

// Column keys of the roster and the blacklist (with ColName and ColID).
const (
	ColBodies   = "bodies"
	ColRole     = "role"
	ColCategory = "category"
	ColSource   = "source"
	ColDate     = "date"
	ColNote     = "note"
)

// ColBaseline returns the key of baseline item i (0–5) of app.BaselineItems.
func ColBaseline(i int) string { return colBaselines[i] }

// colBaselines are the keys ColBaseline gives, made once: every row of a list asks for
// all six.
var colBaselines = func() (out [len(app.BaselineItems)]string) {
	for i := range out {
		out[i] = "baseline" + strconv.Itoa(i)
	}
	return out
}()

var (
	nameNames = []string{"户主姓名", "姓名", "户主", "户名"}
	idNames   = []string{"身份证号码", "身份证号", "证件号码", "公民身份号码", "身份证", "户主身份证号码", "户主身份证号"}
	ignored   = []string{"序号", "编号", "No", "No.", "NO"}
)

// NomineeSchema is the nomination list (docs/RULES.md §6): who, what for, how much, and the
// optional result columns a meeting held on paper fills in from its tally sheet.
var NomineeSchema = newSchema("nominees", append([]Column{
	{ColName, nameNames, true},
	{ColID, idNames, true},
	{ColGroup, []string{"村民小组", "组别", "小组", "所在小组", "组"}, false},
	{ColPhone, []string{"联系电话", "手机号码", "电话", "手机", "手机号", "联系方式"}, false},
	{ColSize, []string{"家庭人口", "人口数", "家庭人数", "人口"}, false},
	{ColPurpose, []string{"贷款用途", "用途", "借款用途", "资金用途"}, false},
	{ColRequested, []string{"申请额度", "申请金额", "贷款金额", "申请授信额度", "申请贷款金额"}, true},
	{ColProposed, []string{"建议授信额度", "建议额度", "授信额度", "建议金额"}, false},
	{ColProposedReason, []string{"超额理由", "超标准额度理由", "额度说明"}, false},
	{ColRate, []string{"利率优惠", "利率优惠建议"}, false},
	{ColFor, []string{"赞成", "赞成票", "同意"}, false},
	{ColAgainst, []string{"反对", "反对票", "不同意"}, false},
	{ColAbstain, []string{"弃权", "弃权票"}, false},
	{ColRecused, []string{"回避", "回避人数"}, false},
	{ColReason, []string{"理由", "不通过理由", "暂缓理由", "评议理由"}, false},
	{ColConclusion, []string{"核实结论", "走访结论"}, false},
	{ColRecommendation, []string{"核实建议", "处理建议"}, false},
	{ColNotes, []string{"核实意见", "走访意见", "核实情况"}, false},
	{ColVisitors, []string{"核实人", "走访人", "核实人员"}, false},
	{ColVisitDate, []string{"走访日期", "核实日期"}, false},
	{ColUndertaking, []string{"三不准承诺", "三不准", "签订承诺", "承诺"}, false},
}, baselineColumns()...), ignored)

// RosterSchema is the council roster: 姓名, 所属组织 (one or more bodies), 职务.
var RosterSchema = newSchema("roster", []Column{
	{ColName, []string{"姓名", "成员姓名", "名字"}, true},
	{ColBodies, []string{"所属组织", "组织", "所属团体", "所在组织", "所属机构", "身份"}, true},
	{ColRole, []string{"职务", "职位", "角色"}, false},
}, ignored)

// BlacklistSchema is the village blacklist: who, why (category), on whose word, when.
var BlacklistSchema = newSchema("blacklist", []Column{
	{ColName, nameNames, true},
	{ColID, idNames, true},
	{ColCategory, []string{"类别", "类型", "黑名单类别", "失信类别", "列入类别"}, true},
	{ColSource, []string{"来源", "信息来源", "认定单位", "提供单位"}, false},
	{ColDate, []string{"日期", "列入日期", "认定日期", "登记日期"}, false},
	{ColNote, []string{"备注", "说明", "情况说明"}, false},
}, ignored)

func baselineColumns() []Column {
	out := make([]Column, len(app.BaselineItems))
	for i, item := range app.BaselineItems {
		out[i] = Column{ColBaseline(i), []string{item}, false}
	}
	return out
}

// newSchema indexes every header name by its normalised form.
func newSchema(kind string, cols []Column, ign []string) *Schema {
	s := &Schema{Kind: kind, Columns: cols, Ignored: ign, index: map[string]int{}}
	for i, c := range cols {
		for _, n := range c.Names {
			k, _ := normalizeHeader(n)
			if _, dup := s.index[k]; dup {
				panic("importer: header " + n + " taught twice in " + kind)
			}
			s.index[k] = i
		}
	}
	for _, n := range ign {
		k, _ := normalizeHeader(n)
		s.index[k] = -1
	}
	return s
}

// Column returns the column with key, and whether the schema has it.
func (s *Schema) Column(key string) (Column, bool) {
	for _, c := range s.Columns {
		if c.Key == key {
			return c, true
		}
	}
	return Column{}, false
}
