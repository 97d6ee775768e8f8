package data

import (
	"context"
	"reflect"
	"testing"

	"pingxin/app"
)

// TestEveryNomineeFieldIsStored protects nomineeStored as the one list of a household's
// stored fields: a household whose every field (but its IDs and its visit, stored
// apart) holds a value of its own is written, saved again and read back unchanged, and
// each field is in the audit log. A field added to app.Nominee but not to the list fails.
func TestEveryNomineeFieldIsStored(t *testing.T) {
	n := app.NewNominee("张三", testID(1))
	rv := reflect.ValueOf(&n).Elem()
	k := 0
	var fill func(v reflect.Value, name string)
	fill = func(v reflect.Value, name string) {
		switch name {
		case "ID", "MeetingID", "Seq", "Verification", "Name", "IDNumber":
			return
		}
		k++
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				fill(v.Field(i), v.Type().Field(i).Name)
			}
		case reflect.Array:
			for i := range v.Len() {
				v.Index(i).SetString(string([]app.Check{app.NotMet, app.ToVerify}[i%2]))
			}
		case reflect.String:
			v.SetString(name + "值")
		case reflect.Int, reflect.Int64:
			v.SetInt(int64(1000 * k))
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Slice:
			if v.Type() != reflect.TypeFor[[]int64]() {
				t.Fatalf("app.Nominee.%s is a %s: teach this test (and nomineeStored) to store it", name, v.Type())
			}
			v.Set(reflect.ValueOf([]int64{int64(k), int64(k + 1)}))
		default:
			t.Fatalf("app.Nominee.%s is a %s: teach this test (and nomineeStored) to store it", name, v.Kind())
		}
	}
	for i := range rv.NumField() {
		fill(rv.Field(i), rv.Type().Field(i).Name)
	}
	s := openTest(t)
	_, m := seed(t, s, n)
	got := mustMeeting(t, s, m.ID).Nominees[0]
	n.ID, n.MeetingID, n.Seq = got.ID, got.MeetingID, got.Seq
	if !reflect.DeepEqual(got, n) {
		t.Fatalf("read back\n %+v\nwrote\n %+v", got, n)
	}
	got.Purpose, got.Votes.Recused = "改过的用途", 7
	if err := s.SaveNominee(context.Background(), &got); err != nil {
		t.Fatal(err)
	}
	if again := mustMeeting(t, s, m.ID).Nominees[0]; !reflect.DeepEqual(again, got) {
		t.Fatalf("saved and read back\n %+v\nwant\n %+v", again, got)
	}
	if fs := nomineeFields(&got); len(fs) < 1+len(nomineeStored) {
		t.Fatalf("the audit log shows %d fields, the table stores %d", len(fs), len(nomineeStored))
	}
}
