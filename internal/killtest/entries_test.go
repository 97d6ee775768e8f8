//go:build linux

package killtest

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/data"
)

// entryReason is what entry i writes into a household's reason, so the check can tell
// which entries are on disk.
func entryReason(i int) string { return "entry " + strconv.Itoa(i) }

// writeEntries is the writer child: it saves one household after another, as a clerk
// confirms entries, and acknowledges each on stdout only after SaveNominee returned,
// which is when the desktop tells the clerk it is saved.
func writeEntries(db string, meetingID int64) error {
	st, err := data.Open(db)
	if err != nil {
		return err
	}
	ctx := context.Background()
	m, err := st.Meeting(ctx, meetingID)
	if err != nil {
		return err
	}
	ns := m.Nominees
	for i := 1; ; i++ {
		n := &ns[i%len(ns)]
		n.Reason = entryReason(i)
		n.Votes = app.Votes{For: i % 9, Against: 1, Recorded: true}
		if err := st.SaveNominee(ctx, n); err != nil {
			return err
		}
		if _, err := fmt.Fprintf(os.Stdout, "ack %d\n", i); err != nil {
			return err
		}
	}
}

// reasonsAfter is every household's reason once entries 1..k are saved over the
// initial ones.
func reasonsAfter(initial []string, k int) []string {
	out := append([]string(nil), initial...)
	for i := 1; i <= k; i++ {
		out[i%len(out)] = entryReason(i)
	}
	return out
}

func reasons(t *testing.T, db string, meetingID int64) []string {
	t.Helper()
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := st.Meeting(context.Background(), meetingID)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(m.Nominees))
	for i, n := range m.Nominees {
		out[i] = n.Reason
	}
	return out
}

// TestKillDuringEntries kills a writer with SIGKILL in the middle of a stream of
// entries, several times, and proves the database intact with every acknowledged
// entry: at most the one entry in flight may be on disk unacknowledged.
func TestKillDuringEntries(t *testing.T) {
	db := t.TempDir() + "/pingxin.db"
	for round := range 4 {
		t.Run(fmt.Sprintf("round %d", round+1), func(t *testing.T) {
			id, _ := strconv.ParseInt(pingxin(t, db, "demo"), 10, 64)
			initial := reasons(t, db, id)
			acked := killWriter(t, db, id, 20+rand.IntN(300))
			mustIntact(t, db)
			got := reasons(t, db, id)
			want, next := reasonsAfter(initial, acked), reasonsAfter(initial, acked+1)
			if !equal(got, want) && !equal(got, next) {
				t.Fatalf("after %d acknowledged entries the database holds neither them nor one more:\n got %q\nwant %q", acked, got, want)
			}
			t.Logf("killed after %d acknowledged entries; entry in flight on disk: %v", acked, !equal(got, want))
		})
	}
}

// killWriter starts the writer child on the meeting, SIGKILLs it once it has
// acknowledged after entries, and returns how many it acknowledged in all (the pipe
// still holds acknowledgements written just before the kill).
func killWriter(t *testing.T, db string, meetingID int64, after int) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), roleEnv+"=entries", dbEnv+"="+db, meetingEnv+"="+strconv.FormatInt(meetingID, 10))
	var errb strings.Builder
	cmd.Stderr = &errb
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	last, killed := 0, false
	deadline := time.AfterFunc(2*time.Minute, func() { cmd.Process.Kill() })
	defer deadline.Stop()
	for sc.Scan() {
		n, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "ack "))
		if err != nil || n != last+1 {
			t.Fatalf("writer said %q after ack %d", sc.Text(), last)
		}
		last = n
		if n == after && !killed {
			if err := cmd.Process.Kill(); err != nil { // SIGKILL
				t.Fatal(err)
			}
			killed = true
		}
	}
	err = cmd.Wait()
	if !killed || err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("the writer ended by itself before the kill (%v) after %d entries:\n%s", err, last, errb.String())
	}
	return last
}

func equal(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }
