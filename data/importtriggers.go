package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// importTriggers are the INSERT triggers of the two tables an import fills. Any row
// trigger on INSERT has SQLite copy every row of a multi-row INSERT into a temporary
// table before storing it, and run the trigger's own program for each row: for a list
// of 10,000 households that was an eighth of the whole import (BENCHMARKS.md, issue 14).
// None of them can act on what an import writes:
//   - nominees_locked_insert and verifications_locked_insert refuse rows of a signed
//     meeting; the import has refused a signed meeting already, in the same IMMEDIATE
//     transaction (unlocked), and no other writer can sign it before that transaction
//     ends;
//   - verifications_outcome_insert marks a household's stored result stale when its
//     verification record changes; an import's records belong to the households it adds,
//     whose results it computes with those records (batch.build).
var importTriggers = []string{"nominees_locked_insert", "verifications_locked_insert", "verifications_outcome_insert"}

// suspendImportTriggers drops importTriggers within tx, for the import's statements,
// prepared after it, to be compiled without them, and returns the function that creates
// them again, from the very SQL the database stores for them, once those statements are
// closed and before tx commits. A transaction that fails is rolled back with the
// triggers in it: no committed state of the database lacks them, and no other
// connection ever sees them missing (one writer at a time; readers see the last commit).
func suspendImportTriggers(ctx context.Context, tx *sql.Tx) (restore func() error, err error) {
	defs := make([]string, len(importTriggers))
	for i, name := range importTriggers {
		err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`, name).Scan(&defs[i])
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("data: the database lacks its trigger %s", name)
		} else if err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+name); err != nil {
			return nil, err
		}
	}
	return func() error {
		for _, def := range defs {
			if _, err := tx.ExecContext(ctx, def); err != nil {
				return err
			}
		}
		return nil
	}, nil
}
