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
	var ps []placed
	if err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		ps, err = s.addNominees(ctx, tx, meetingID, ns)
		return lockedByTrigger(err)
	}); err != nil {
		return err
	}
	for i, p := range ps {
		ns[i].ID, ns[i].Seq, ns[i].MeetingID = p.id, p.seq, meetingID
	}
	return nil
}

func (s *Store) addNominees(ctx context.Context, tx *sql.Tx, meetingID int64, ns []app.Nominee) ([]placed, error) {
	if _, _, err := unlocked(ctx, tx, meetingID); err != nil {
		return nil, err
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer a.Close()
	r, err := loadOutcomeRule(ctx, tx, meetingID)
	if err != nil {
		return nil, err
	}
	return insertNominees(ctx, tx, a, r, meetingID, ns)
}

// lastSeq is the largest № on the meeting's list, 0 for an empty list.
func lastSeq(ctx context.Context, tx *sql.Tx, meetingID int64) (int, error) {
	var last int
	err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM nominees WHERE meeting_id = ?`, meetingID).Scan(&last)
	return last, err
}

// insertNominees numbers ns after the meeting's last № and inserts them with their
// verification records and results under r, logging each.
func insertNominees(ctx context.Context, tx *sql.Tx, a *auditor, r *outcomeRule, meetingID int64, ns []app.Nominee) ([]placed, error) {
	last, err := lastSeq(ctx, tx, meetingID)
	if err != nil {
		return nil, err
	}
	seqs := make([]int, len(ns))
	for i := range seqs {
		seqs[i] = last + i + 1
	}
	return insertNomineesAt(ctx, tx, a, r, meetingID, ns, seqs)
}

// insertNomineesAt inserts ns with the given № each and their results under r
// (nomineeWriter).
func insertNomineesAt(ctx context.Context, tx *sql.Tx, a *auditor, r *outcomeRule, meetingID int64, ns []app.Nominee, seqs []int) ([]placed, error) {
	if len(ns) == 0 {
		return nil, nil
	}
	top, err := topNomineeID(ctx, tx)
	if err != nil {
		return nil, err
	}
	if err := deferForeignKeys(ctx, tx); err != nil {
		return nil, err
	}
	w := newNomineeWriter(txPreparer{tx}, a, r, meetingID, top)
	defer w.close()
	return w.add(ctx, ns, seqs)
}

// topNomineeID is the largest household ID in the table. New rows take the IDs SQLite
// would give them, one above it, counted here so that the INSERT returns nothing: the
// transaction holds the only writer's lock, so no other row can take them meanwhile.
func topNomineeID(ctx context.Context, tx *sql.Tx) (int64, error) {
	var top int64
	err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM nominees`).Scan(&top)
	return top, err
}

// nomineeWriter inserts households on one meeting's list, a hundred households (and
// their verification records) per INSERT statement: a statement per row cost more
// than the rows themselves. Its statements are prepared once for all the parts of an
// import. A nil a logs nothing (an import logs the file instead). Each household goes
// in with its result under rule, computed where the household is already in memory; a
// nil rule leaves the results to refreshOutcomes (a new roll call recomputes its
// meeting whole anyway).
type nomineeWriter struct {
	b         *batcher
	a         *auditor
	rule      *outcomeRule
	meetingID int64
	next      int64 // the ID the next household takes
	bt        batch
}

// newNomineeWriter writes after the household ID top (topNomineeID).
func newNomineeWriter(p preparer, a *auditor, r *outcomeRule, meetingID, top int64) *nomineeWriter {
	return &nomineeWriter{b: newBatcher(p), a: a, rule: r, meetingID: meetingID, next: top + 1}
}

func (w *nomineeWriter) close() { w.b.close() }

// place gives ns the next IDs and the № seqs.
func (w *nomineeWriter) place(ns []app.Nominee, seqs []int) []placed {
	out := make([]placed, len(ns))
	for i := range out {
		out[i] = placed{id: w.next + int64(i), seq: seqs[i]}
	}
	w.next += int64(len(ns))
	return out
}

// add inserts ns with the given № each, with their verification records, logging each
// household when w has an auditor.
func (w *nomineeWriter) add(ctx context.Context, ns []app.Nominee, seqs []int) ([]placed, error) {
	out := w.place(ns, seqs)
	for lo := 0; lo < len(ns); lo += batchRows {
		hi := min(lo+batchRows, len(ns))
		w.bt.build(w.meetingID, w.rule, ns[lo:hi], out[lo:hi])
		if err := w.b.insert(ctx, w.meetingID, &w.bt); err != nil {
			return nil, err
		}
	}
	if w.a == nil {
		return out, nil
	}
	for i := range ns {
		if err := w.a.log(ctx, auditRef{w.meetingID, "nominees", out[i].id}, fieldCreated, "", nomineeDesc(&ns[i], seqs[i])); err != nil {
			return nil, err
		}
	}
	return out, nil
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
	ns, err := scanNominees(tx.QueryContext(ctx, q+` ORDER BY n.meeting_id, n.seq, n.id`, args...))
	if err != nil {
		return nil, err
	}
	out := map[int64][]app.Nominee{}
	for _, n := range ns {
		out[n.MeetingID] = append(out[n.MeetingID], n)
	}
	return out, nil
}

// scanNominees reads every row of a nomineeSelect query.
func scanNominees(rows *sql.Rows, err error) ([]app.Nominee, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.Nominee
	for rows.Next() {
		n, err := scanNominee(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *n)
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
	var old *app.Nominee
	if err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		old, err = s.saveNominee(ctx, tx, n)
		return lockedByTrigger(err)
	}); err != nil {
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
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.deleteNominee(ctx, tx, nomineeID); err != nil {
			return lockedByTrigger(err)
		}
		return nil
	})
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
