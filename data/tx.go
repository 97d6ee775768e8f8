package data

import (
	"context"
	"database/sql"
)

// inTx runs fn in one write transaction and commits it whole, or nothing of it when fn
// fails: every change the store makes goes through here, so that each exported method
// is one transaction (app.Store) and every one of them ends by computing the stored
// results its changes made stale (refreshOutcomes), in that same transaction.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return writeTx(ctx, s.db, fn)
}

// beginner begins transactions: the write pool, or its one connection when a caller
// holds it (an import, whose inserts use the driver's connection itself).
type beginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// writeTx is inTx on b.
func writeTx(ctx context.Context, b beginner, fn func(tx *sql.Tx) error) error {
	tx, err := b.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := refreshOutcomes(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// readTx runs fn in one read transaction of the read pool, so that what it reads is one
// consistent state of the database, and returns what fn returns.
func readTx[T any](ctx context.Context, s *Store, fn func(tx *sql.Tx) (T, error)) (T, error) {
	tx, err := s.rdb.BeginTx(ctx, nil)
	if err != nil {
		var zero T
		return zero, err
	}
	defer tx.Rollback()
	return fn(tx)
}
