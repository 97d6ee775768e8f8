package service

import (
	"context"
	"testing"
	"time"

	"pingxin/app"
)

// TestDeletesBeforeSigningOnly protects issue 12 item 6 at the service, the one writer
// both faces call: a household and a meeting go before signing; after it every delete
// is refused with ELOCKED and a message saying to amend, and nothing changes.
func TestDeletesBeforeSigningOnly(t *testing.T) {
	st, id := setup(t)
	svc, ctx := New(st), context.Background()
	for i := 1; i <= 2; i++ {
		n := app.NewNominee("村民", idN(i))
		n.Purpose, n.Requested = "生产", 100_000
		if err := svc.AddHousehold(ctx, id, &n); err != nil {
			t.Fatal(err)
		}
	}
	m, _ := svc.Meeting(ctx, id)
	if err := svc.DeleteHousehold(ctx, m.Nominees[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := st.Sign(ctx, id, app.SignRecord{SignedAt: time.Now(), Signer: "CN=越丰村"}); err != nil {
		t.Fatal(err)
	}
	m, _ = svc.Meeting(ctx, id)
	if len(m.Nominees) != 1 {
		t.Fatalf("%d households after deleting one of two", len(m.Nominees))
	}
	for name, err := range map[string]error{
		"household": svc.DeleteHousehold(ctx, m.Nominees[0].ID),
		"meeting":   svc.DeleteMeeting(ctx, id),
		"village":   svc.DeleteVillage(ctx, m.VillageID),
	} {
		if app.ErrorCode(err) != app.ELOCKED {
			t.Errorf("deleting the %s of signed minutes: %v", name, err)
		}
	}
	if after, err := svc.Meeting(ctx, id); err != nil || len(after.Nominees) != 1 {
		t.Errorf("a refused delete changed the meeting: %v", err)
	}
}
