package data

import (
	"context"
	"database/sql"
	"errors"

	"pingxin/app"
)

// AddBlacklist adds entries to a village's blacklist, all or none, and sets their IDs.
// An ID number already on the active list (or twice in entries) is ECONFLICT, naming
// the person with the ID masked.
func (s *Store) AddBlacklist(ctx context.Context, villageID int64, entries []app.BlacklistEntry) error {
	var ids []int64
	if err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		ids, err = s.addBlacklist(ctx, tx, villageID, entries)
		return err
	}); err != nil {
		return err
	}
	for i := range entries {
		entries[i].ID, entries[i].VillageID = ids[i], villageID
	}
	return nil
}

func (s *Store) addBlacklist(ctx context.Context, tx *sql.Tx, villageID int64, entries []app.BlacklistEntry) ([]int64, error) {
	if err := villageExists(ctx, tx, villageID); err != nil {
		return nil, err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO blacklist (village_id, name, id_number, category, source,
		date, note, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer a.Close()
	ids := make([]int64, len(entries))
	for i, e := range entries {
		res, err := stmt.ExecContext(ctx, villageID, e.Name, e.IDNumber, string(e.Category), e.Source,
			formatDate(e.Date), e.Note, a.at)
		if isUnique(err) {
			return nil, app.Errorf(app.ECONFLICT, "data.blacklist_exists", "Name", e.Name, "ID", maskID(e.IDNumber))
		} else if err != nil {
			return nil, err
		}
		if ids[i], err = res.LastInsertId(); err != nil {
			return nil, err
		}
		desc := e.Name + " " + maskID(e.IDNumber) + " " + string(e.Category)
		if err := a.log(ctx, auditRef{0, "blacklist", ids[i]}, fieldCreated, "", desc); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// RemoveBlacklist takes an entry off the active list, keeping it with the reason why
// (a debt settled, an entry made in error). The reason is required.
func (s *Store) RemoveBlacklist(ctx context.Context, entryID int64, reason string) error {
	if err := app.CheckRemovalReason(reason); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) (err error) {
		var name, idNumber string
		err = tx.QueryRowContext(ctx, `UPDATE blacklist SET removed_at = ?, removed_reason = ?
			WHERE id = ? AND removed_at IS NULL RETURNING name, id_number`, s.now(), reason, entryID).Scan(&name, &idNumber)
		if errors.Is(err, sql.ErrNoRows) {
			return app.Errorf(app.ENOTFOUND, "data.blacklist_not_found", "ID", entryID)
		} else if err != nil {
			return err
		}
		desc := name + " " + maskID(idNumber)
		if err := s.audit(ctx, tx, auditRef{0, "blacklist", entryID}, fieldRemoved, desc, reason); err != nil {
			return err
		}
		return nil
	})
}

// Blacklist returns a village's active entries in the order they were added.
func (s *Store) Blacklist(ctx context.Context, villageID int64) ([]app.BlacklistEntry, error) {
	return readTx(ctx, s, func(tx *sql.Tx) ([]app.BlacklistEntry, error) {
		rows, err := tx.QueryContext(ctx, `SELECT id, village_id, name, id_number, category, source, date, note
			FROM blacklist WHERE village_id = ? AND removed_at IS NULL ORDER BY id`, villageID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []app.BlacklistEntry
		for rows.Next() {
			var e app.BlacklistEntry
			var category, date string
			if err := rows.Scan(&e.ID, &e.VillageID, &e.Name, &e.IDNumber, &category, &e.Source, &date, &e.Note); err != nil {
				return nil, err
			}
			e.Category = app.Category(category)
			if e.Date, err = parseDate(date); err != nil {
				return nil, err
			}
			out = append(out, e)
		}
		return out, rows.Err()
	})
}
