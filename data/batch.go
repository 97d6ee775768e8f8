package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strconv"
	"strings"

	"pingxin/app"
)

// batchRows is how many rows one INSERT statement carries (30 values each, far below
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

// batcher prepares each multi-row INSERT once per row count and reuses it.
type batcher struct {
	p     preparer
	stmts map[string]batchStmt
	vs    []driver.NamedValue
}

func newBatcher(p preparer) *batcher { return &batcher{p: p, stmts: map[string]batchStmt{}} }

func (b *batcher) close() {
	for _, st := range b.stmts {
		st.close()
	}
}

// stmt returns the prepared statement head + n groups of values.
func (b *batcher) stmt(ctx context.Context, head string, width, n int) (batchStmt, error) {
	key := head + strconv.Itoa(n)
	if st, ok := b.stmts[key]; ok {
		return st, nil
	}
	group := "(" + marks(width) + ")"
	st, err := b.p.prepare(ctx, head+strings.TrimSuffix(strings.Repeat(group+", ", n), ", "))
	if err != nil {
		return nil, err
	}
	b.stmts[key] = st
	return st, nil
}

// add appends the values vs to the batch's values.
func (b *batcher) add(vs ...any) {
	for _, v := range vs {
		b.vs = append(b.vs, driver.NamedValue{Ordinal: len(b.vs) + 1, Value: v})
	}
}

var nomineeInsert = `INSERT INTO nominees (id, meeting_id, seq, ` + nomineeColumns + `) VALUES `

// addNominee appends the values of nomineeInsert for household n placed at p.
func (b *batcher) addNominee(meetingID int64, p placed, n *app.Nominee) {
	b.add(p.id, meetingID, int64(p.seq))
	for _, f := range nomineeStored {
		b.add(nomineeValue(f, n))
	}
}

// nominees inserts one batch at the IDs and № of at. When the batch breaks the
// one-ID-per-list rule (the statement then inserts nothing) it is inserted again row
// by row to name the household at fault.
func (b *batcher) nominees(ctx context.Context, meetingID int64, ns []app.Nominee, at []placed) error {
	st, err := b.stmt(ctx, nomineeInsert, 3+nomineeFieldCount, len(ns))
	if err != nil {
		return err
	}
	b.vs = b.vs[:0]
	for i := range ns {
		b.addNominee(meetingID, at[i], &ns[i])
	}
	err = st.exec(ctx, b.vs)
	if isUnique(err) {
		return b.oneByOne(ctx, meetingID, ns, at)
	}
	return err
}

// oneByOne inserts a batch that broke a unique rule row by row, to return the
// conflict of the first household at fault.
func (b *batcher) oneByOne(ctx context.Context, meetingID int64, ns []app.Nominee, at []placed) error {
	st, err := b.stmt(ctx, nomineeInsert, 3+nomineeFieldCount, 1)
	if err != nil {
		return err
	}
	for i := range ns {
		b.vs = b.vs[:0]
		b.addNominee(meetingID, at[i], &ns[i])
		err := st.exec(ctx, b.vs)
		if isUnique(err) {
			return nomineeExists(&ns[i])
		} else if err != nil {
			return err
		}
	}
	return errors.New("data: a batch of households broke a unique rule that no row breaks alone")
}

const verificationInsert = `INSERT INTO verifications (nominee_id, visit_date, visitors, conclusion,
		recommendation, lower_to, notes) VALUES `

// verifications inserts the verification records of one batch of new households.
func (b *batcher) verifications(ctx context.Context, ns []app.Nominee, placed []placed) error {
	b.vs = b.vs[:0]
	n := 0
	for i := range ns {
		if v := ns[i].Verification; v != nil { // a new household has no record to replace
			b.add(verificationArgs(placed[i].id, v)...)
			n++
		}
	}
	if n == 0 {
		return nil
	}
	st, err := b.stmt(ctx, verificationInsert, 7, n)
	if err != nil {
		return err
	}
	return st.exec(ctx, b.vs)
}
