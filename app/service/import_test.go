package service

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/idcard"
	"pingxin/app/importer"
	"pingxin/data"
)

var meetingDay = time.Date(2026, 3, 15, 0, 0, 0, 0, time.Local)

func init() { now = func() time.Time { return time.Date(2026, 3, 14, 10, 0, 0, 0, time.Local) } }

// idN returns the n-th of many distinct valid IDs of adults born in 桐乡市.
func idN(n int) string {
	d := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n/1000)
	return idcard.Complete(fmt.Sprintf("330483%s%03d", d.Format("20060102"), n%1000))
}

var header = []string{"户主姓名", "身份证号码", "村民小组", "贷款用途", "申请额度", "建议授信额度", "赞成", "反对", "弃权", "回避"}

func household(n int, over map[int]string) []string {
	r := []string{fmt.Sprintf("村民%d", n), idN(n), "3组", "生产", "30万", "200,000", "7", "1", "0", "0"}
	for i, v := range over {
		r[i] = v
	}
	return r
}

// setup opens a store with a village of nine people's-council members, a blacklist
// with household 5 on it, and a meeting on meetingDay; it returns the meeting's ID.
func setup(t testing.TB) (*data.Store, int64) {
	t.Helper()
	st, err := data.Open(filepath.Join(t.TempDir(), "pingxin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	v := &app.Village{Name: "越丰村", Town: "梧桐街道", CountyCode: "330483", Settings: app.DefaultSettings()}
	for i := range 9 {
		v.Members = append(v.Members, app.Member{Name: fmt.Sprintf("议事员%d", i), Bodies: []app.Body{app.BodyPeople}, Role: app.RoleMember})
	}
	if err := st.CreateVillage(ctx, v); err != nil {
		t.Fatal(err)
	}
	if err := st.AddBlacklist(ctx, v.ID, []app.BlacklistEntry{{Name: "村民5", IDNumber: idN(5), Category: app.Defaulter, Date: meetingDay}}); err != nil {
		t.Fatal(err)
	}
	m, err := app.NewMeeting(v, meetingDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	return st, m.ID
}

func csvOf(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(c, ",\"") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

func gbkFile(t testing.TB, rows [][]string) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().String(csvOf(rows))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "提名名单.csv")
	if err := os.WriteFile(p, []byte(b), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// sixBroken is a GBK list of 20 households under a title row; six rows have one fault
// each, and household 5 is blacklisted.
func sixBroken(t testing.TB) (path string, broken []int) {
	faults := map[int]map[int]string{
		3: {0: ""}, 6: {1: "3.30483E+17"}, 9: {4: "若干"}, 11: {6: "9", 7: "3"}, 14: {1: idN(2)}, 17: {4: "300500"},
	}
	rows := [][]string{{"越丰村2026年第一批提名名单"}, header}
	for i := 1; i <= 20; i++ {
		rows = append(rows, household(i, faults[i]))
		if faults[i] != nil {
			broken = append(broken, i+2)
		}
	}
	return gbkFile(t, rows), broken
}

func nominees(t testing.TB, st app.Store, id int64) []app.Nominee {
	t.Helper()
	m, err := st.Meeting(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return m.Nominees
}

func rowsOf(es []importer.RowError) []int {
	var out []int
	for _, e := range es {
		out = append(out, e.Row)
	}
	return out
}

// TestImportSixBrokenRows is the "done when": nothing imported and exactly the
// six rows named; with --skip-invalid the rest imported and six skipped.
func TestImportSixBrokenRows(t *testing.T) {
	st, id := setup(t)
	ctx := context.Background()
	path, broken := sixBroken(t)

	sum, err := New(st).ImportNominees(ctx, id, path, false)
	var fe *importer.FileErrors
	if !errors.As(err, &fe) || app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("err = %v, want the file's errors", err)
	}
	if got := rowsOf(sum.Errors); !slices.Equal(got, broken) || sum.Imported != 0 || sum.Skipped != 0 {
		t.Fatalf("summary %+v rows %v, want rows %v", sum, got, broken)
	}
	if n := len(nominees(t, st, id)); n != 0 {
		t.Fatalf("%d households stored after a refused import", n)
	}

	sum, err = New(st).ImportNominees(ctx, id, path, true)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 14 || sum.Skipped != 6 || sum.Blocked != 1 || !slices.Equal(rowsOf(sum.Errors), broken) {
		t.Fatalf("summary %+v", sum)
	}
	ns := nominees(t, st, id)
	if len(ns) != 14 || ns[0].Name != "村民1" || ns[0].Requested != 300000 || ns[0].Proposed != 200000 || !ns[0].Votes.Recorded {
		t.Fatalf("stored %d: %+v", len(ns), ns[0])
	}
	if i := slices.IndexFunc(ns, func(n app.Nominee) bool { return n.Name == "村民5" }); i < 0 || ns[i].Blocked != "老赖" {
		t.Fatalf("blacklisted household not blocked: %+v", ns)
	}

	// The same file again: every household is already in the meeting.
	sum, err = New(st).ImportNominees(ctx, id, path, false)
	if err == nil || len(sum.Errors) < 14 || sum.Errors[0].Reason.Key != "household.on_list" {
		t.Fatalf("re-import: %v %+v", err, sum.Errors[:1])
	}
}

// TestImportJSON: --json prints exactly docs/CLI.md's shape, and no full ID.
func TestImportJSON(t *testing.T) {
	st, id := setup(t)
	bad := idN(1)[:17] + map[bool]string{true: "1", false: "0"}[idN(1)[17] == '0']
	path := gbkFile(t, [][]string{header, household(1, map[int]string{1: bad}), household(2, nil)})
	sum, err := New(st).ImportNominees(context.Background(), id, path, false)
	if err == nil {
		t.Fatal("want refusal")
	}
	want := fmt.Sprintf(`{"meeting":%d,"imported":0,"blocked":0,"skipped":0,"errors":[{"row":2,"column":"身份证号码","value":"%s…","reason":"校验位错误：身份证号中有数字写错了，请与证件核对"}]}`+"\n", id, bad[:10])
	if got := string(sum.JSON(i18n.Zh)); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if strings.Contains(string(sum.JSON(i18n.En)), bad) {
		t.Fatal("full ID in JSON")
	}
	sum, err = New(st).ImportNominees(context.Background(), id, path, true)
	if err != nil {
		t.Fatal(err)
	}
	want = fmt.Sprintf(`{"meeting":%d,"imported":1,"blocked":0,"skipped":1,"errors":[{"row":2,"column":"身份证号码","value":"%s…","reason":"%s"}]}`+"\n", id, bad[:10], i18n.T(i18n.En, "idcard.checksum", nil))
	if got := string(sum.JSON(i18n.En)); got != want {
		t.Fatalf("got  %s", got)
	}
}

// TestImportNumericXLSX: an ID column stored as numbers is refused row by row.
func TestImportNumericXLSX(t *testing.T) {
	st, id := setup(t)
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"户主姓名", "身份证号码", "申请额度"})
	for i := 1; i <= 3; i++ {
		var num int64
		fmt.Sscan(idN(i * 10)[:17]+"0", &num) // what Excel keeps of an 18-digit number
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &[]any{fmt.Sprintf("村民%d", i), num, 300000})
	}
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	sum, err := New(st).ImportNominees(context.Background(), id, path, false)
	if err == nil || !slices.Equal(rowsOf(sum.Errors), []int{2, 3, 4}) {
		t.Fatalf("err %v errors %v", err, sum.Errors)
	}
	for _, e := range sum.Errors {
		if e.Reason.Key != "idcard.numeric" || e.Column != "身份证号码" {
			t.Errorf("row %d: %s %s", e.Row, e.Column, e.Reason.Key)
		}
	}
}

func TestImportUnreadable(t *testing.T) {
	st, id := setup(t)
	for name, b := range map[string][]byte{
		"empty.csv": nil, "old.xls": {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0},
		"nohead.csv": []byte("a,b\n1,2\n"), "pic.csv": []byte("\x89PNG\r\n\x1a\n\x00\x00"),
	} {
		p := filepath.Join(t.TempDir(), name)
		os.WriteFile(p, b, 0o600)
		sum, err := New(st).ImportNominees(context.Background(), id, p, true)
		if sum != nil || app.ErrorCode(err) != app.EINVALID {
			t.Errorf("%s: %v %v", name, sum, err)
		}
	}
	if _, err := New(st).ImportNominees(context.Background(), id, "/no/such/file.csv", false); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("missing file: %v", err)
	}
	if _, err := New(st).ImportNominees(context.Background(), 999, "/no/such/file.csv", false); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("missing meeting: %v", err)
	}
}

func TestPreviewStoresNothing(t *testing.T) {
	st, id := setup(t)
	path, _ := sixBroken(t)
	p, err := PreviewNominees(context.Background(), st, id, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.List.Nominees) != 14 || p.List.Bad != 6 || len(nominees(t, st, id)) != 0 {
		t.Fatalf("preview %d valid %d bad", len(p.List.Nominees), p.List.Bad)
	}
	sum, err := p.Commit(context.Background(), New(st), true)
	if err != nil || sum.Imported != 14 || len(nominees(t, st, id)) != 14 {
		t.Fatalf("commit: %v %+v", err, sum)
	}
}

func TestImportBlacklist(t *testing.T) {
	st, id := setup(t)
	ctx := context.Background()
	m, _ := st.Meeting(ctx, id)
	good := gbkFile(t, [][]string{{"姓名", "身份证号码", "类别", "来源", "日期", "备注"},
		{"村民5", idN(5), "老赖", "法院", "2025-06-01", ""}, {"村民6", idN(6), "炒房族", "村委会", "2025/7/1", "多套房"}})
	sum, err := New(st).ImportBlacklist(ctx, m.VillageID, good)
	if err != nil || sum.Added != 1 || sum.Already != 1 {
		t.Fatalf("%v %+v", err, sum)
	}
	bl, _ := st.Blacklist(ctx, m.VillageID)
	if len(bl) != 2 {
		t.Fatalf("blacklist %+v", bl)
	}
	bad := gbkFile(t, [][]string{{"姓名", "身份证号码", "类别"}, {"甲", idN(7), "坏人"}, {"乙", "123", "老赖"}})
	_, err = New(st).ImportBlacklist(ctx, m.VillageID, bad)
	var fe *importer.FileErrors
	if !errors.As(err, &fe) || !slices.Equal(rowsOf(fe.Errors), []int{2, 3}) {
		t.Fatalf("bad file: %v", err)
	}
	if bl, _ := st.Blacklist(ctx, m.VillageID); len(bl) != 2 {
		t.Fatalf("bad file changed the blacklist: %d", len(bl))
	}
}

func TestReadRoster(t *testing.T) {
	p := gbkFile(t, [][]string{{"姓名", "所属组织", "职务"}, {"沈书记", "百姓议事会、乡贤参事会", "主持人"}, {"钱记录", "议事会", "记录员"}})
	ms, err := ReadRoster(p)
	if err != nil || len(ms) != 2 || ms[0].Role != app.RoleChair || len(ms[0].Bodies) != 2 {
		t.Fatalf("%v %+v", err, ms)
	}
	p = gbkFile(t, [][]string{{"姓名", "所属组织", "职务"}, {"", "百姓议事会", ""}, {"钱记录", "妇联", ""}})
	_, err = ReadRoster(p)
	var fe *importer.FileErrors
	if !errors.As(err, &fe) || !slices.Equal(rowsOf(fe.Errors), []int{2, 3}) || !strings.HasPrefix(fe.Lines(i18n.Zh)[0], p+": 第 2 行") {
		t.Fatalf("%v", err)
	}
}

func TestSaveTemplate(t *testing.T) {
	st, id := setup(t)
	p := filepath.Join(t.TempDir(), "模板.xlsx")
	if err := SaveTemplate(p); err != nil {
		t.Fatal(err)
	}
	// The blank template imports nothing and refuses nothing.
	sum, err := New(st).ImportNominees(context.Background(), id, p, false)
	if err != nil || sum.Imported != 0 || len(sum.Errors) != 0 || len(sum.Unknown) != 0 {
		t.Fatalf("%v %+v", err, sum)
	}
}
