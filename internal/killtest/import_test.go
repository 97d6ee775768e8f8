//go:build linux

package killtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingxin/data"
)

// importRows is the size of the list the import test loads: a large county's.
const importRows = 10_000

// residentID returns a checksum-valid GB 11643 ID of someone born on day d after
// 1950-01-01 in 桐乡市, so every row is a distinct, valid household.
func residentID(d int) string {
	body := "330483" + time.Date(1950, 1, 1+d, 0, 0, 0, 0, time.UTC).Format("20060102") + "001"
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 17 {
		sum += int(body[i]-'0') * weights[i]
	}
	return body + string("10X98765432"[sum%11])
}

// writeList writes a nomination list of n households as a clerk's CSV.
func writeList(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("序号,户主姓名,身份证号码,村民小组,贷款用途,申请额度\r\n")
	for i := range n {
		fmt.Fprintf(&b, "%d,户主%d,%s,第%d组,养殖,10万\r\n", i+1, i, residentID(i), i%12+1)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

func households(t *testing.T, db string, meetingID int64) int {
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
	return len(m.Nominees)
}

// TestKillDuringImport runs `pingxin import` on a 10,000-row list and SIGKILLs it:
// in some rounds the moment its write-ahead log starts to grow (inside the one
// transaction that stores the list), in others after a random delay. Every time the
// database must pass integrity_check and hold the whole list or none of it.
func TestKillDuringImport(t *testing.T) {
	dir := t.TempDir()
	db, list := filepath.Join(dir, "pingxin.db"), filepath.Join(dir, "list.csv")
	writeList(t, list, importRows)
	pingxin(t, db, "demo")
	newMeeting := func(round int) int64 {
		id, err := strconv.ParseInt(pingxin(t, db, "meeting", "new", "--village", "越丰村",
			"--date", fmt.Sprintf("2026-05-%02d", round+1)), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}

	start := time.Now()
	whole := newMeeting(0)
	pingxin(t, db, "import", "--meeting", strconv.FormatInt(whole, 10), list)
	took := time.Since(start)
	if n := households(t, db, whole); n != importRows {
		t.Fatalf("an import left alone stored %d households, want %d", n, importRows)
	}

	midWrite := 0
	for round := 1; round <= 6; round++ {
		trigger := "the log grows"
		if round%2 == 0 {
			trigger = "a random delay"
		}
		t.Run(fmt.Sprintf("round %d, killed when %s", round, trigger), func(t *testing.T) {
			id := newMeeting(round)
			var delay time.Duration
			if round%2 == 0 {
				delay = time.Duration(rand.Int64N(int64(took)))
			}
			state := killImport(t, db, list, id, delay)
			mustIntact(t, db)
			n := households(t, db, id)
			if n != 0 && n != importRows {
				t.Fatalf("%s: the meeting holds %d households: neither the whole list nor none", state, n)
			}
			if state == "killed while writing" {
				midWrite++
			}
			t.Logf("%s; households stored: %d", state, n)
		})
	}
	if midWrite == 0 {
		t.Fatal("no round killed the import while it was writing: the test proved nothing")
	}
}

// killImport starts `pingxin import` and SIGKILLs it after delay, or, when delay is 0,
// as soon as the WAL holds more than 64 KiB (the import's transaction is being
// written). It says what happened.
func killImport(t *testing.T, db, list string, meetingID int64, delay time.Duration) string {
	t.Helper()
	cmd := exec.Command(bin(t), "--db", db, "import", "--meeting", strconv.FormatInt(meetingID, 10), list)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	state := "killed after " + delay.Round(time.Millisecond).String()
	if delay == 0 {
		state = "killed while writing"
		delay = 2 * time.Minute
	}
	timer := time.NewTimer(delay)
	defer timer.Stop()
	tick := time.NewTicker(200 * time.Microsecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			return fmt.Sprintf("the import finished before the kill (%v)", err)
		case <-timer.C:
			cmd.Process.Kill()
			return waitKilled(t, done, state)
		case <-tick.C:
			if strings.HasSuffix(state, "writing") {
				if fi, err := os.Stat(db + "-wal"); err == nil && fi.Size() > 64<<10 {
					cmd.Process.Kill()
					return waitKilled(t, done, state)
				}
			}
		}
	}
}

// waitKilled waits for the killed process and says whether it finished first.
func waitKilled(t *testing.T, done chan error, state string) string {
	t.Helper()
	err := <-done
	if err == nil || !strings.Contains(err.Error(), "killed") {
		return fmt.Sprintf("the import finished before the kill (%v)", err)
	}
	return state
}
