package data

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"pingxin/app"
	"pingxin/app/amount"
)

// marks is n comma-separated placeholders.
func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// placed is where an inserted nominee went: its new ID and its № on the list.
type placed struct {
	id  int64
	seq int
}

// AddNominees puts households on a meeting's list in one transaction with one prepared
// statement, numbering them after the list's last №, and sets their IDs, Seq and
// MeetingID. Any failure, such as an ID number already on the list or twice in ns
// (ECONFLICT), inserts nothing. A signed meeting is ELOCKED. Each household gets its
// audit entry.
func (s *Store) AddNominees(ctx context.Context, meetingID int64, ns []app.Nominee) error {
	return s.addNomineesTx(ctx, meetingID, ns, nil)
}

// ImportNominees is AddNominees for the households of one file: one audit entry names
// the file, its SHA-256 and how many households it brought (docs/RULES.md §9); later
// edits of each household are audited one by one as always.
func (s *Store) ImportNominees(ctx context.Context, meetingID int64, ns []app.Nominee, src app.ImportSource) error {
	return s.addNomineesTx(ctx, meetingID, ns, &src)
}

func (s *Store) addNomineesTx(ctx context.Context, meetingID int64, ns []app.Nominee, src *app.ImportSource) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ps, err := s.addNominees(ctx, tx, meetingID, ns, src)
	if err != nil {
		return lockedByTrigger(err)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for i, p := range ps {
		ns[i].ID, ns[i].Seq, ns[i].MeetingID = p.id, p.seq, meetingID
	}
	return nil
}

func (s *Store) addNominees(ctx context.Context, tx *sql.Tx, meetingID int64, ns []app.Nominee, src *app.ImportSource) ([]placed, error) {
	if _, _, err := unlocked(ctx, tx, meetingID); err != nil {
		return nil, err
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer a.Close()
	if src != nil {
		desc := src.File + " sha256:" + src.SHA256 + " " + strconv.Itoa(len(ns)) + " households"
		if err := a.log(ctx, auditRef{meetingID, "nominees", 0}, fieldImported, "", desc); err != nil {
			return nil, err
		}
		a = nil // the file's entry stands for every household's
	}
	return insertNominees(ctx, tx, a, meetingID, ns)
}

// insertNominees numbers ns after the meeting's last № and inserts them with their
// verification records, logging each.
func insertNominees(ctx context.Context, tx *sql.Tx, a *auditor, meetingID int64, ns []app.Nominee) ([]placed, error) {
	var last int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM nominees WHERE meeting_id = ?`, meetingID).Scan(&last); err != nil {
		return nil, err
	}
	seqs := make([]int, len(ns))
	for i := range seqs {
		seqs[i] = last + i + 1
	}
	return insertNomineesAt(ctx, tx, a, meetingID, ns, seqs)
}

// insertNomineesAt inserts ns with the given № each, a hundred households (and then
// their verification records) per INSERT statement: a statement per row cost more than
// the rows themselves. A nil a logs nothing (an import logs the file instead).
func insertNomineesAt(ctx context.Context, tx *sql.Tx, a *auditor, meetingID int64, ns []app.Nominee, seqs []int) ([]placed, error) {
	if len(ns) == 0 {
		return nil, nil
	}
	// The new rows take the IDs SQLite would give them, one above the largest in the
	// table, counted here so that the INSERT returns nothing: this transaction holds
	// the only writer's lock, so no other row can take them meanwhile.
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM nominees`).Scan(&top); err != nil {
		return nil, err
	}
	b := newBatcher(tx)
	defer b.close()
	out := make([]placed, len(ns))
	for i := range out {
		out[i] = placed{id: top + 1 + int64(i), seq: seqs[i]}
	}
	for lo := 0; lo < len(ns); lo += batchRows {
		hi := min(lo+batchRows, len(ns))
		if err := b.nominees(ctx, meetingID, ns[lo:hi], out[lo:hi]); err != nil {
			return nil, err
		}
		if err := b.verifications(ctx, ns[lo:hi], out[lo:hi]); err != nil {
			return nil, err
		}
	}
	if a == nil {
		return out, nil
	}
	for i := range ns {
		if err := a.log(ctx, auditRef{meetingID, "nominees", out[i].id}, fieldCreated, "", nomineeDesc(&ns[i], seqs[i])); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// batchRows is how many rows one INSERT statement carries (27 values each, far below
// SQLite's 32,766 parameters).
const batchRows = 100

// batcher prepares each multi-row INSERT once per row count and reuses it.
type batcher struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	args  []any
}

func newBatcher(tx *sql.Tx) *batcher { return &batcher{tx: tx, stmts: map[string]*sql.Stmt{}} }

func (b *batcher) close() {
	for _, st := range b.stmts {
		st.Close()
	}
}

// stmt returns the prepared statement head + n groups of values + tail.
func (b *batcher) stmt(ctx context.Context, head string, width, n int, tail string) (*sql.Stmt, error) {
	key := head + strconv.Itoa(n)
	if st, ok := b.stmts[key]; ok {
		return st, nil
	}
	group := "(" + marks(width) + ")"
	q := head + strings.TrimSuffix(strings.Repeat(group+", ", n), ", ") + tail
	st, err := b.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	b.stmts[key] = st
	return st, nil
}

var nomineeInsert = `INSERT INTO nominees (id, meeting_id, seq, ` + nomineeColumns + `) VALUES `

// nomineeArgsAt are the values of nomineeInsert for household n placed at p.
func nomineeArgsAt(args []any, meetingID int64, p placed, n *app.Nominee) []any {
	return append(append(args, p.id, meetingID, p.seq), nomineeArgs(n)...)
}

// nominees inserts one batch at the IDs and № of at. When the batch breaks the
// one-ID-per-list rule (the statement then inserts nothing) it is inserted again row
// by row to name the household at fault.
func (b *batcher) nominees(ctx context.Context, meetingID int64, ns []app.Nominee, at []placed) error {
	st, err := b.stmt(ctx, nomineeInsert, 3+nomineeFieldCount, len(ns), "")
	if err != nil {
		return err
	}
	b.args = b.args[:0]
	for i := range ns {
		b.args = nomineeArgsAt(b.args, meetingID, at[i], &ns[i])
	}
	_, err = st.ExecContext(ctx, b.args...)
	if isUnique(err) {
		return b.oneByOne(ctx, meetingID, ns, at)
	}
	return err
}

// oneByOne inserts a batch that broke a unique rule row by row, to return the
// conflict of the first household at fault.
func (b *batcher) oneByOne(ctx context.Context, meetingID int64, ns []app.Nominee, at []placed) error {
	st, err := b.stmt(ctx, nomineeInsert, 3+nomineeFieldCount, 1, "")
	if err != nil {
		return err
	}
	for i := range ns {
		_, err := st.ExecContext(ctx, nomineeArgsAt(nil, meetingID, at[i], &ns[i])...)
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
	b.args = b.args[:0]
	n := 0
	for i := range ns {
		if v := ns[i].Verification; v != nil { // a new household has no record to replace
			b.args = append(b.args, verificationArgs(placed[i].id, v)...)
			n++
		}
	}
	if n == 0 {
		return nil
	}
	st, err := b.stmt(ctx, verificationInsert, 7, n, "")
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, b.args...)
	return err
}

// nomineeExists is the conflict of an ID number already on the list, masked.
func nomineeExists(n *app.Nominee) error {
	return app.Errorf(app.ECONFLICT, "data.nominee_exists", "Name", n.Name, "ID", maskID(n.IDNumber))
}

// nomineeDesc is how the audit log names a household: №, name and masked ID.
func nomineeDesc(n *app.Nominee, seq int) string {
	return "№" + strconv.Itoa(seq) + " " + n.Name + " " + maskID(n.IDNumber)
}

// saveVerification replaces a household's verification record; nil deletes it.
func saveVerification(ctx context.Context, tx *sql.Tx, nomineeID int64, v *app.Verification) error {
	if v == nil {
		_, err := tx.ExecContext(ctx, `DELETE FROM verifications WHERE nominee_id = ?`, nomineeID)
		return err
	}
	_, err := tx.ExecContext(ctx, verificationUpsert, verificationArgs(nomineeID, v)...)
	return err
}

// verificationUpsert stores one verification record, replacing the household's own.
const verificationUpsert = `INSERT INTO verifications (nominee_id, visit_date, visitors, conclusion,
		recommendation, lower_to, notes) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (nominee_id) DO UPDATE SET visit_date = excluded.visit_date, visitors = excluded.visitors,
		conclusion = excluded.conclusion, recommendation = excluded.recommendation, lower_to = excluded.lower_to,
		notes = excluded.notes`

// verificationArgs are the values of verificationUpsert.
func verificationArgs(nomineeID int64, v *app.Verification) []any {
	return []any{nomineeID, formatDate(v.VisitDate), formatList(v.Visitors), string(v.Conclusion),
		string(v.Recommendation), int64(v.LowerTo), v.Notes}
}

// nomineeSelect reads nominees with their verification, for scanNominee.
var nomineeSelect = `SELECT n.id, n.meeting_id, n.seq, ` + nomineeColumnsN + `,
	v.nominee_id IS NOT NULL, coalesce(v.visit_date, ''), coalesce(v.visitors, '[]'), coalesce(v.conclusion, ''),
	coalesce(v.recommendation, ''), coalesce(v.lower_to, 0), coalesce(v.notes, '')
	FROM nominees n LEFT JOIN verifications v ON v.nominee_id = n.id`

func scanNominee(r scanner) (*app.Nominee, error) {
	var n app.Nominee
	var lowerTo int64
	var hasV bool
	var visit, visitors, conclusion, recommendation, notes string
	dest := append([]any{&n.ID, &n.MeetingID, &n.Seq}, nomineeDests(&n)...)
	if err := r.Scan(append(dest, &hasV, &visit, &visitors, &conclusion, &recommendation, &lowerTo, &notes)...); err != nil {
		return nil, err
	}
	if !hasV {
		return &n, nil
	}
	v := &app.Verification{Conclusion: app.Conclusion(conclusion), Recommendation: app.Recommendation(recommendation),
		LowerTo: amount.Yuan(lowerTo), Notes: notes}
	var err error
	if v.VisitDate, err = parseDate(visit); err != nil {
		return nil, err
	}
	if v.Visitors, err = parseList[string](visitors); err != nil {
		return nil, err
	}
	n.Verification = v
	return &n, nil
}

// nomineesOf returns the list of one meeting, or of all when meetingID is 0, by meeting,
// in № order.
func nomineesOf(ctx context.Context, tx *sql.Tx, meetingID int64) (map[int64][]app.Nominee, error) {
	q, args := nomineeSelect, []any(nil)
	if meetingID != 0 {
		q, args = q+` WHERE n.meeting_id = ?`, []any{meetingID}
	}
	rows, err := tx.QueryContext(ctx, q+` ORDER BY n.meeting_id, n.seq, n.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]app.Nominee{}
	for rows.Next() {
		n, err := scanNominee(rows)
		if err != nil {
			return nil, err
		}
		out[n.MeetingID] = append(out[n.MeetingID], *n)
	}
	return out, rows.Err()
}

// loadNominee reads one household; ENOTFOUND when there is none.
func loadNominee(ctx context.Context, tx *sql.Tx, id int64) (*app.Nominee, error) {
	n, err := scanNominee(tx.QueryRowContext(ctx, nomineeSelect+` WHERE n.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, app.Errorf(app.ENOTFOUND, "data.nominee_not_found", "ID", id)
	}
	return n, err
}

// nomineeFields lists a household's audited fields, verification included (all empty
// when there is none), with ID and phone numbers masked in the log.
func nomineeFields(n *app.Nominee) []field {
	fs := append([]field{{name: "seq", value: itoa(n.Seq)}}, nomineeAuditFields(n)...)
	return append(fs, verificationFields(n.Verification)...)
}

func verificationFields(v *app.Verification) []field {
	if v == nil {
		v = &app.Verification{}
	}
	lower := ""
	if v.LowerTo != 0 {
		lower = itoa(v.LowerTo)
	}
	visitors := ""
	if len(v.Visitors) > 0 {
		visitors = formatList(v.Visitors)
	}
	return []field{
		{name: "verification.visit_date", value: formatDate(v.VisitDate)},
		{name: "verification.visitors", value: visitors},
		{name: "verification.conclusion", value: string(v.Conclusion)},
		{name: "verification.recommendation", value: string(v.Recommendation)},
		{name: "verification.lower_to", value: lower},
		{name: "verification.notes", value: v.Notes},
	}
}

// SaveNominee stores every field of a household, its verification included (nil
// deletes the record), and logs each field that changed. A Seq of 0 keeps the household's
// №; the meeting is the one it is on. Another household's ID number is ECONFLICT; a
// signed meeting is ELOCKED.
func (s *Store) SaveNominee(ctx context.Context, n *app.Nominee) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	old, err := s.saveNominee(ctx, tx, n)
	if err != nil {
		return lockedByTrigger(err)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	n.MeetingID = old.MeetingID
	if n.Seq <= 0 {
		n.Seq = old.Seq
	}
	return nil
}

func (s *Store) saveNominee(ctx context.Context, tx *sql.Tx, n *app.Nominee) (*app.Nominee, error) {
	old, err := loadNominee(ctx, tx, n.ID)
	if err != nil {
		return nil, err
	}
	if _, _, err := unlocked(ctx, tx, old.MeetingID); err != nil {
		return nil, err
	}
	nn := *n
	nn.MeetingID = old.MeetingID
	if nn.Seq <= 0 {
		nn.Seq = old.Seq
	}
	args := append([]any{nn.Seq}, nomineeArgs(&nn)...)
	_, err = tx.ExecContext(ctx, `UPDATE nominees SET (seq, `+nomineeColumns+`) =
		(`+marks(1+nomineeFieldCount)+`) WHERE id = ?`, append(args, nn.ID)...)
	if isUnique(err) {
		return nil, nomineeExists(&nn)
	} else if err != nil {
		return nil, err
	}
	if err := saveVerification(ctx, tx, nn.ID, nn.Verification); err != nil {
		return nil, err
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer a.Close()
	return old, a.changes(ctx, auditRef{old.MeetingID, "nominees", nn.ID}, nomineeFields(old), nomineeFields(&nn))
}

// DeleteNominee takes a household off a meeting's list, with its verification, and logs
// who it was. The others keep their №. A signed meeting is ELOCKED.
func (s *Store) DeleteNominee(ctx context.Context, nomineeID int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.deleteNominee(ctx, tx, nomineeID); err != nil {
		return lockedByTrigger(err)
	}
	return tx.Commit()
}

func (s *Store) deleteNominee(ctx context.Context, tx *sql.Tx, nomineeID int64) error {
	old, err := loadNominee(ctx, tx, nomineeID)
	if err != nil {
		return err
	}
	if _, _, err := unlocked(ctx, tx, old.MeetingID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM nominees WHERE id = ?`, nomineeID); err != nil {
		return err
	}
	return s.audit(ctx, tx, auditRef{old.MeetingID, "nominees", nomineeID}, fieldDeleted, nomineeDesc(old, old.Seq), "")
}
