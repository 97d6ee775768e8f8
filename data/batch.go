package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strconv"

	"pingxin/app"
)

// batchRows is how many rows one INSERT statement carries (32 values each, far below
// SQLite's 32,766 parameters).
const batchRows = 100

// preparer prepares the statements of the bulk inserts: through database/sql in any
// transaction (txPreparer), or on the driver's connection itself (rawPreparer) for an
// import, which skips database/sql's copy and conversion of every value: those copies
// were half of what storing 10,000 households allocated.
type preparer interface {
	prepare(ctx context.Context, q string) (batchStmt, error)
}

// batchStmt is a prepared statement run with its values in order.
type batchStmt interface {
	exec(ctx context.Context, vs []driver.NamedValue) error
	close()
}

type txPreparer struct{ tx *sql.Tx }

func (p txPreparer) prepare(ctx context.Context, q string) (batchStmt, error) {
	st, err := p.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	return &txStmt{st: st}, nil
}

type txStmt struct {
	st   *sql.Stmt
	args []any
}

func (s *txStmt) exec(ctx context.Context, vs []driver.NamedValue) error {
	s.args = s.args[:0]
	for _, v := range vs {
		s.args = append(s.args, v.Value)
	}
	_, err := s.st.ExecContext(ctx, s.args...)
	return err
}

func (s *txStmt) close() { s.st.Close() }

// rawPreparer prepares on the driver connection that sql.Conn.Raw gives, within the
// transaction begun on that connection; it is used only inside Raw's function.
type rawPreparer struct{ conn driver.ConnPrepareContext }

func (p rawPreparer) prepare(ctx context.Context, q string) (batchStmt, error) {
	st, err := p.conn.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	return rawStmt{st}, nil
}

type rawStmt struct{ st driver.Stmt }

func (s rawStmt) exec(ctx context.Context, vs []driver.NamedValue) error {
	_, err := s.st.(driver.StmtExecContext).ExecContext(ctx, vs)
	return err
}

func (s rawStmt) close() { s.st.Close() }

// batcher prepares each multi-row INSERT once per row count and shared columns, and
// reuses it.
type batcher struct {
	p      preparer
	stmts  map[string]batchStmt
	shapes map[string]int // statements prepared per table
	one    batch          // for oneByOne
}

// maxShapes is how many statements of one INSERT a batcher prepares for different
// shared columns; past it a batch binds every value of every row, so that a list
// whose batches share different columns does not prepare a statement for each.
const maxShapes = 8

func newBatcher(p preparer) *batcher {
	return &batcher{p: p, stmts: map[string]batchStmt{}, shapes: map[string]int{}}
}

func (b *batcher) close() {
	for _, st := range b.stmts {
		st.close()
	}
}

// exec runs in with the values of v, on the statement prepared for their shape.
func (b *batcher) exec(ctx context.Context, in insertInto, v *rowValues) error {
	key := func() string { return in.table + strconv.Itoa(v.rows()) + "/" + strconv.FormatUint(v.shared, 16) }
	st, ok := b.stmts[key()]
	if !ok && v.shared != 0 && b.shapes[in.table] >= maxShapes {
		v.pack(0)
		st, ok = b.stmts[key()]
	}
	if !ok {
		var err error
		if st, err = b.p.prepare(ctx, in.sql(v.rows(), v.shared)); err != nil {
			return err
		}
		b.stmts[key()] = st
		b.shapes[in.table]++
	}
	return st.exec(ctx, v.args)
}

var nomineeInsert = insertInto{"nominees", append(append([]string{"id", "meeting_id", "seq"}, nomineeColumnNames()...),
	"outcome", "final_amount")}

var verificationInsert = insertInto{"verifications", []string{"nominee_id", "visit_date", "visitors", "conclusion",
	"recommendation", "lower_to", "notes"}}

// nomineeWidth and verificationWidth are the values of one row of each INSERT.
var nomineeWidth, verificationWidth = len(nomineeInsert.cols), len(verificationInsert.cols)

// batch is up to batchRows households placed on a list, with the values of their INSERT
// statements. It is built apart from the connection (build), so that an import builds
// the next batch while the connection stores this one.
type batch struct {
	ns   []app.Nominee
	at   []placed
	r    *outcomeRule
	vals rowValues // nomineeInsert's, nomineeWidth a household
	vers rowValues // verificationInsert's, verificationWidth a record
}

// build makes b the batch of households ns placed at at on meeting meetingID, with
// their results under r (NULL without one), reusing b's buffers.
func (b *batch) build(meetingID int64, r *outcomeRule, ns []app.Nominee, at []placed) {
	b.ns, b.at, b.r = ns, at, r
	b.vals.reset(nomineeWidth)
	b.vers.reset(verificationWidth)
	for i := range ns {
		b.vals.add(at[i].id, meetingID, int64(at[i].seq))
		for _, f := range nomineeStored {
			b.vals.add(nomineeValue(f, &ns[i]))
		}
		o, amt := r.values(&ns[i])
		b.vals.add(o, amt)
		if v := ns[i].Verification; v != nil { // a new household has no record to replace
			b.vers.add(verificationArgs(at[i].id, v)...)
		}
	}
	b.vals.seal()
	b.vers.seal()
}

// insert stores the verification records of bt, then its households with their
// results: a record written after its household would mark the result just written
// stale (migration 0020), so the records go first, their foreign keys checked when
// the transaction commits (deferForeignKeys). When the households break the
// one-ID-per-list rule (the statement then inserts nothing) they are inserted again row
// by row to name the household at fault.
func (b *batcher) insert(ctx context.Context, meetingID int64, bt *batch) error {
	if bt.vers.rows() > 0 {
		if err := b.exec(ctx, verificationInsert, &bt.vers); err != nil {
			return err
		}
	}
	err := b.exec(ctx, nomineeInsert, &bt.vals)
	if isUnique(err) {
		return b.oneByOne(ctx, meetingID, bt)
	}
	return err
}

// deferForeignKeys has tx check its foreign keys when it commits rather than statement
// by statement, for the verification records inserted before their households.
func deferForeignKeys(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`) // until tx ends
	return err
}

// oneByOne inserts a batch that broke a unique rule row by row, to return the
// conflict of the first household at fault.
func (b *batcher) oneByOne(ctx context.Context, meetingID int64, bt *batch) error {
	for i := range bt.ns {
		b.one.build(meetingID, bt.r, bt.ns[i:i+1], bt.at[i:i+1])
		err := b.exec(ctx, nomineeInsert, &b.one.vals)
		if isUnique(err) {
			return nomineeExists(&bt.ns[i])
		} else if err != nil {
			return err
		}
	}
	return errors.New("data: a batch of households broke a unique rule that no row breaks alone")
}
