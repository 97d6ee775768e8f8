// Package service is the one way either face (ui/desktop, ui/cli) changes anything:
// every operation a person can perform — create a village or a meeting, mark the roll
// call, enter or correct a household, import a list, sign, amend, back up — is one
// method of Service, implemented once and called by both faces, so they cannot drift
// apart (docs/CLI.md §1). The faces hold a *Service, whose embedded app.Reader is a
// read-only view of the store: a write that goes around the service does not compile.
//
// The convention: an operation that changes the store is a method of *Service; a
// function that only reads (render a document, verify a PDF, preview an import) takes
// an app.Reader, which a *Service is.
package service

import (
	"context"

	"pingxin/app"
)

// Service performs every change on one open store.
type Service struct {
	app.Reader // what the faces may read

	st app.Store
}

// New is the service over st; main opens the store and hands the faces New(st).
func New(st app.Store) *Service { return &Service{Reader: st, st: st} }

// Close closes the store.
func (s *Service) Close() error { return s.st.Close() }

// Backup writes a consistent copy of the database to path (docs/RULES.md §9).
func (s *Service) Backup(ctx context.Context, path string) error { return s.st.Backup(ctx, path) }
