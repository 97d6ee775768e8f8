package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strconv"

	"pingxin/app"
)

// ImportNominees stores the households of a file as feed gives them, part by part, in
// one transaction, numbered after the list's last №, and sets the IDs, Seq and MeetingID
// of each part as it is placed. One audit entry names the file, its SHA-256 and how
// many households it brought (docs/RULES.md §9; none when it brought none); later edits
// of each household are audited one by one as always. An error from feed, an ID number
// already on the list (ECONFLICT) or a signed meeting (ELOCKED) stores nothing. The
// two tables' INSERT triggers, which can do nothing to what an import writes, are
// suspended within the transaction and stored again before it commits
// (suspendImportTriggers): they made SQLite copy every batch through a temporary table.
func (s *Store) ImportNominees(ctx context.Context, meetingID int64, feed app.NomineeFeed) error {
	conn, err := s.db.Conn(ctx) // the write pool's one connection, whose driver the inserts use
	if err != nil {
		return err
	}
	defer conn.Close()
	return writeTx(ctx, conn, func(tx *sql.Tx) error {
		return lockedByTrigger(s.importNominees(ctx, conn, tx, meetingID, feed))
	})
}

func (s *Store) importNominees(ctx context.Context, conn *sql.Conn, tx *sql.Tx, meetingID int64, feed app.NomineeFeed) error {
	if _, _, err := unlocked(ctx, tx, meetingID); err != nil {
		return err
	}
	last, err := lastSeq(ctx, tx, meetingID)
	if err != nil {
		return err
	}
	top, err := topNomineeID(ctx, tx)
	if err != nil {
		return err
	}
	r, err := loadOutcomeRule(ctx, tx, meetingID)
	if err != nil {
		return err
	}
	if err := deferForeignKeys(ctx, tx); err != nil {
		return err
	}
	restore, err := suspendImportTriggers(ctx, tx)
	if err != nil {
		return err
	}
	var count int
	err = conn.Raw(func(dc any) error { // tx's own connection: the inserts are in tx
		p, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return errors.New("data: the SQLite driver cannot prepare with a context")
		}
		w := newNomineeWriter(rawPreparer{p}, nil, r, meetingID, top)
		defer w.close()
		bs := startBatches(feed, w, last)
		defer bs.stop()
		for bt := range bs.out {
			if bt.err != nil {
				return bt.err
			}
			if err := w.b.insert(ctx, meetingID, &bt.batch); err != nil {
				return err
			}
			bs.done(bt)
		}
		count = bs.count
		return nil
	})
	if err != nil {
		return err
	}
	if err := restore(); err != nil {
		return err
	}
	if count == 0 {
		return nil
	}
	src := feed.Source()
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return err
	}
	defer a.Close()
	desc := src.File + " sha256:" + src.SHA256 + " " + strconv.Itoa(count) + " households"
	return a.log(ctx, auditRef{meetingID, "nominees", 0}, fieldImported, "", desc)
}

// batches takes the parts of an import from its feed in a goroutine of its own (where
// the feed reads and checks them), places the households (IDs and №) and builds the
// values of their INSERT statements, so that on two cores the connection's goroutine
// only stores: building the values was an eighth of its work. Batches inserted come back to be built again (done).
type batches struct {
	out   chan *builtBatch // closed after the last batch or an error
	free  chan *builtBatch
	quit  chan struct{}
	ended chan struct{}
	count int // households placed; read after out is closed
}

type builtBatch struct {
	batch
	err error
}

func startBatches(feed app.NomineeFeed, w *nomineeWriter, last int) *batches {
	bs := &batches{out: make(chan *builtBatch, 4), free: make(chan *builtBatch, 8),
		quit: make(chan struct{}), ended: make(chan struct{})}
	go bs.run(feed, w, last)
	return bs
}

func (bs *batches) run(feed app.NomineeFeed, w *nomineeWriter, last int) {
	defer close(bs.ended)
	defer close(bs.out)
	for {
		ns, err := feed.Next()
		if err != nil {
			bs.send(&builtBatch{err: err})
			return
		}
		if len(ns) == 0 {
			return
		}
		seqs := make([]int, len(ns))
		for i := range seqs {
			seqs[i] = last + bs.count + i + 1
		}
		at := w.place(ns, seqs)
		for i, p := range at {
			ns[i].ID, ns[i].Seq, ns[i].MeetingID = p.id, p.seq, w.meetingID
		}
		bs.count += len(ns)
		for lo := 0; lo < len(ns); lo += batchRows {
			hi := min(lo+batchRows, len(ns))
			var bt *builtBatch
			select {
			case bt = <-bs.free:
			default:
				bt = &builtBatch{}
			}
			bt.build(w.meetingID, w.rule, ns[lo:hi], at[lo:hi])
			if !bs.send(bt) {
				return
			}
		}
	}
}

// send passes bt to the connection's goroutine unless it has stopped.
func (bs *batches) send(bt *builtBatch) bool {
	select {
	case bs.out <- bt:
		return true
	case <-bs.quit:
		return false
	}
}

// done gives back a batch stored, for its buffers to be used again.
func (bs *batches) done(bt *builtBatch) {
	select {
	case bs.free <- bt:
	default:
	}
}

// stop ends the goroutine, if the connection stopped before the last batch, and waits
// for it.
func (bs *batches) stop() {
	close(bs.quit)
	<-bs.ended
}
