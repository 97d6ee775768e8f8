// Package benchdata makes the nomination lists the benchmarks import: what a village
// office brings, not a toy. Fifteen columns as a tally sheet has them — the household,
// its request, the council's vote and the sage council's visit with free-text 核实意见
// of 20 to 120 characters — with valid IDs of adults, so that every row imports.
package benchdata

import (
	"fmt"
	"strings"
	"time"

	"pingxin/app/idcard"
)

// Header is the first row of a list: 15 columns.
var Header = []string{"户主姓名", "身份证号码", "村民小组", "联系电话", "家庭人口", "贷款用途", "申请额度",
	"建议授信额度", "赞成", "反对", "弃权", "回避", "核实意见", "核实人", "走访日期"}

var (
	surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈")
	given    = []rune("建国秀兰文华明丽军芳伟敏静强磊洋艳勇杰娟涛超霞平刚桂英玉珍春梅海燕志红小云金凤德福")
	purposes = []string{"生产", "养殖", "种植", "经营周转", "农机购置", "民宿装修", "茶叶加工", "电商经营"}
	phrases  = []string{"经走访，情况属实。", "家庭和睦，邻里关系良好，", "经营稳定，收入来源可靠，", "户主勤劳肯干，在村里口碑好；",
		"无不良嗜好，未发现赌博等行为，", "建议按申请额度授信。", "参事会成员一致同意，", "子女在外务工，家庭负担较轻，",
		"去年新建大棚两个，", "已签订三不准承诺书。"}
)

// Visitors are who visited each household: two members of the demo village's 乡贤参事会
// (app/demo), since a visitor must be on the roster's 乡贤参事会 or 百事服务团 — `make
// bench` imports the lists into the demo meeting. VisitorNames are the same, one by one.
const Visitors = "范秀珍、蒋伯年"

var VisitorNames = []string{"范秀珍", "蒋伯年"}

// ID returns the i-th of many distinct valid resident IDs of adults born 1960–1995.
func ID(i int) string {
	d := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (i/1000)%12000)
	return idcard.Complete(fmt.Sprintf("330483%s%03d", d.Format("20060102"), i%1000))
}

// Row returns row i (from 1) of a list.
func Row(i int) []string {
	name := string(surnames[i%len(surnames)]) + string(given[(i/7)%len(given)]) + string(given[(i/3)%len(given)])
	var notes strings.Builder
	for k := 0; notes.Len() < 60+(i%7)*45; k++ { // 20 to 120 characters (3 bytes each)
		notes.WriteString(phrases[(i+k*3)%len(phrases)])
	}
	return []string{name, ID(i), fmt.Sprintf("%d组", 1+i%12), fmt.Sprintf("138%08d", i),
		fmt.Sprint(2 + i%5), purposes[i%len(purposes)], fmt.Sprintf("%d万", 5+i%25),
		fmt.Sprintf("%d", (5+i%25)*10000), "5", "1", "1", "0", notes.String(),
		Visitors, "2026-03-1" + fmt.Sprint(i%5)}
}

// List returns the header and n rows.
func List(n int) [][]string {
	rows := make([][]string, 0, n+1)
	rows = append(rows, Header)
	for i := 1; i <= n; i++ {
		rows = append(rows, Row(i))
	}
	return rows
}

// CSV writes rows comma-separated with CRLF line ends, quoting as Excel does.
func CSV(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		for j, c := range r {
			if j > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(c, ",\"\r\n") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}
