// Package sqldb implements sitrep's document, event and stats services over
// database/sql once, for every SQL backend. The sqlite and postgres packages
// open their database, run their migrations and hand sqldb a Dialect that
// names the few places where their SQL differs (placeholders, case-insensitive
// comparison, full-text search).
package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sitrep/sitrep"
)

// Store is the shared implementation of sitrep.DocumentStore,
// sitrep.EventService and sitrep.StatsService.
type Store struct {
	// W takes every write. For SQLite it is a pool of one connection, so
	// writers queue in Go instead of failing with SQLITE_BUSY.
	W *sql.DB
	// R serves reads; it may be the same pool as W.
	R *sql.DB

	Dialect Dialect

	// Extractor runs on ingest; ExtractorVersion is stored with each
	// document so an engine upgrade can find the documents to re-extract.
	Extractor        sitrep.Extractor
	ExtractorVersion string

	// Version, when set, returns a number that changes whenever the
	// database changes; FindEvents and EventStats results are then cached
	// until it does.
	Version func(ctx context.Context) (int64, error)
	cache   readCache
	batch   batcher
	stmts   stmtCache
}

var (
	_ sitrep.DocumentStore = (*Store)(nil)
	_ sitrep.EventService  = (*Store)(nil)
	_ sitrep.StatsService  = (*Store)(nil)
)

// WithTx runs fn in a write transaction, committing if fn returns nil and
// rolling back otherwise.
func (s *Store) WithTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.W.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// q rewrites a query written with ? placeholders for the dialect.
func (s *Store) q(query string) string { return s.Dialect.Rebind(query) }
