package data

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"pingxin/app"
)

// clock is the fixed time every test store stamps its audit rows with.
var clock = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

// openTest opens a new store in a temporary folder with the fixed clock.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "pingxin.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	s.Now = func() time.Time { return clock }
	t.Cleanup(func() { s.Close() })
	return s
}

// testID returns a checksum-valid resident ID born 1980-01-01 in 桐乡市, numbered n.
func testID(n int) string {
	body := fmt.Sprintf("33048319800101%03d", n%1000)
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 17 {
		sum += int(body[i]-'0') * weights[i]
	}
	return body + string("10X98765432"[sum%11])
}

// bigID returns a distinct 18-character ID for large batches (checksum not computed:
// the store does not check IDs, the importer does).
func bigID(n int) string { return fmt.Sprintf("3304831980%08d", n) }

// testVillage is 越丰村 with a five-person roster: three on the people's council.
func testVillage() *app.Village {
	return &app.Village{
		Name: "越丰村", Town: "梧桐街道", CountyCode: "330483", Settings: app.DefaultSettings(),
		Members: []app.Member{
			{Name: "沈建国", Bodies: []app.Body{app.BodyPeople, app.BodyMoral}, Role: app.RoleChair},
			{Name: "钱玉芬", Bodies: []app.Body{app.BodyPeople}, Role: app.RoleClerk},
			{Name: "王金土", Bodies: []app.Body{app.BodyPeople, app.BodySage}, Role: app.RoleMember},
			{Name: "李秀英", Bodies: []app.Body{app.BodySage}, Role: app.RoleHead},
			{Name: "周驻村", Bodies: []app.Body{app.BodyObserver}, Role: app.RoleCadre},
		},
	}
}

// meetingDate is the day of the test meetings.
var meetingDate = time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)

// seed stores the test village and a draft meeting with its roll call and ns.
func seed(t testing.TB, s *Store, ns ...app.Nominee) (*app.Village, *app.Meeting) {
	t.Helper()
	ctx := context.Background()
	v := testVillage()
	if err := s.CreateVillage(ctx, v); err != nil {
		t.Fatalf("CreateVillage: %v", err)
	}
	m, err := app.NewMeeting(v, meetingDate, []string{"王金土"})
	if err != nil {
		t.Fatal(err)
	}
	m.DocNumber, m.Time, m.Place = "越丰村评〔2026〕3号", "19:30", "村文化礼堂"
	m.Nominees = ns
	if err := s.CreateMeeting(ctx, m); err != nil {
		t.Fatalf("CreateMeeting: %v", err)
	}
	return v, m
}

// mustMeeting reads a meeting back or fails the test.
func mustMeeting(t testing.TB, s *Store, id int64) *app.Meeting {
	t.Helper()
	m, err := s.Meeting(context.Background(), id)
	if err != nil {
		t.Fatalf("Meeting(%d): %v", id, err)
	}
	return m
}

// mustAudit reads a meeting's audit log or fails the test.
func mustAudit(t testing.TB, s *Store, id int64) []app.AuditEntry {
	t.Helper()
	a, err := s.Audit(context.Background(), id)
	if err != nil {
		t.Fatalf("Audit(%d): %v", id, err)
	}
	return a
}

// wantCode fails the test unless err carries the code and message key.
func wantCode(t testing.TB, err error, code, key string) {
	t.Helper()
	e, ok := err.(*app.Error)
	if !ok {
		t.Fatalf("err = %v (%T), want *app.Error %s %s", err, err, code, key)
	}
	if e.Code != code || e.Message.Key != key {
		t.Fatalf("err = %s %s (%v), want %s %s", e.Code, e.Message.Key, e, code, key)
	}
}
