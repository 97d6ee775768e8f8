package data

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"pingxin/app"
)

// A signed meeting is decided under the village's rules as they were when it was signed
// (docs/RULES.md §3, "Final result"; app.Meeting.RulesUnder): the store keeps them with
// the signature (signed_rules, migration 0021) and gives them to every meeting it loads.

// signedRules are the rules meeting meetingID was signed under and the version of the
// fingerprint its signed minutes carry (migration 0023); nil and 0 when it has none (it
// is not signed).
func signedRules(ctx context.Context, tx *sql.Tx, meetingID int64) (*app.Settings, int, error) {
	var r settingsRow
	var fingerprint int
	err := tx.QueryRowContext(ctx, `SELECT `+settingsColumns+`, fingerprint_version FROM signed_rules WHERE meeting_id = ?`,
		meetingID).Scan(append(r.dest(), &fingerprint)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, nil
	} else if err != nil {
		return nil, 0, err
	}
	st, err := r.settings()
	return &st, fingerprint, err
}

// keepSignedRules stores st as the rules meeting meetingID is signed under, in the transaction
// that signs it, before it is locked: nil keeps the village's rules as they stand; with
// them the version of the fingerprint its minutes were rendered with, the latest. When
// they are not those (the village changed its rules after the minutes were rendered
// under st), the meeting's stored results, computed under the village's, are computed
// again under st, so that the meeting list shows what the signed minutes say.
func keepSignedRules(ctx context.Context, tx *sql.Tx, meetingID, villageID int64, st *app.Settings) error {
	if st == nil {
		_, err := tx.ExecContext(ctx, `INSERT INTO signed_rules (meeting_id, fingerprint_version, `+settingsColumns+`)
			SELECT ?, ?, `+settingsColumns+` FROM villages WHERE id = ?`, meetingID, app.LatestFingerprint, villageID)
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO signed_rules (meeting_id, fingerprint_version, `+settingsColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, meetingID, app.LatestFingerprint, st.QuorumNum, st.QuorumDen,
		string(st.Majority), int64(st.StandardCap), int64(st.RaisedCap), int64(st.RoundingUnit), st.ValidityYears,
		st.AdultAge, st.NoticeDays, st.Notice.Place, st.Notice.ObjectPlace, st.Notice.Contact, st.Notice.Phone,
		st.Notice.SupervisePhone, formatList(st.ForbiddenPurposes)); err != nil {
		return err
	}
	v, err := villageWhere(ctx, tx, "id = ?", villageID, itoa(villageID))
	if err != nil {
		return err
	}
	same := func(a, b field) bool { return a.name == b.name && a.value == b.value }
	if slices.EqualFunc(settingsFields(v.Settings), settingsFields(*st), same) {
		return nil
	}
	return refreshMeeting(ctx, tx, meetingID, true)
}
