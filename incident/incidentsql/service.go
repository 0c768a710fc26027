// Package incidentsql stores incidents in the SQL databases of package
// store (SQLite and PostgreSQL) and keeps them up to date as documents are
// ingested, by running the incident linker on the neighbourhood of each new
// document instead of re-clustering everything.
//
// Tables (migrations 00200_incidents.sql of store/sqlite and
// store/postgres): incidents holds one summary row per incident, whose id
// is the smallest id of its events; incident_links holds the reasons of
// every link; events.incident_id says which incident an event belongs to.
// Claims are not copied: they are read from the events and their
// documents, so there is one source of truth for every figure.
//
// Linking is kept cheap enough to run on every ingest: documents ingested
// together are linked in one transaction; only the stored events that link
// with a new one, and their incidents, are regrouped; reports are prepared
// once per process and read by id; only incidents that changed are written,
// and those in place (links and members diffed). On PostgreSQL linkers of
// different countries run at once under per-country advisory locks.
package incidentsql

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store/sqldb"
)

// Service implements sitrep.IncidentService and updates incidents.
type Service struct {
	W, R    *sql.DB
	Dialect sqldb.Dialect
	// Locks keep processes that link at once from relinking one
	// neighbourhood together: PostgreSQL needs advisory locks (see
	// PostgresLocks); SQLite's single writer needs none.
	Locks Locks
	// Events loads full events for incident details.
	Events sitrep.EventService

	// shared holds statements prepared on W across transactions (see
	// share): query → *sql.Stmt.
	shared   sync.Map
	sharedMu sync.Mutex
	sharedN  int
	// prepared keeps stored reports prepared for linking.
	prepared preparedCache
}

var _ sitrep.IncidentService = (*Service)(nil)

// Locks are the statements a linking transaction runs before it reads.
// Events of different countries are never linked (see
// incident.CountryKey), so linkers of different countries cannot change
// the same incidents and may run at once; linkers of one country queue.
// A rebuild excludes them all. Empty statements are skipped.
type Locks struct {
	// Rebuild is run first by Rebuild.
	Rebuild string
	// Link is run first by every incremental linking (shared among them,
	// excluded by Rebuild).
	Link string
	// Country locks one country, given as an int32 hash of its key (one
	// placeholder). Linking takes the locks of its countries in
	// ascending order, so two linkers never wait for each other in a cycle.
	Country string
}

// PostgresLocks are the Locks of PostgreSQL databases: transaction-scoped
// advisory locks on keys of sitrep's own.
var PostgresLocks = Locks{
	Rebuild: "SELECT pg_advisory_xact_lock(7387120)",
	Link:    "SELECT pg_advisory_xact_lock_shared(7387120)",
	Country: "SELECT pg_advisory_xact_lock(7387121, CAST(? AS integer))",
}

func (s *Service) q(query string) string { return s.Dialect.Rebind(query) }

// withTx runs fn in a transaction that first runs lock (if any).
func (s *Service) withTx(ctx context.Context, lock string, fn func(t *linkTx) error) error {
	tx, err := s.W.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	t := &linkTx{Tx: tx, ctx: ctx, s: s, stmts: map[string]*sql.Stmt{}}
	if lock != "" {
		if _, err := tx.ExecContext(ctx, lock); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("lock incidents: %w", err)
		}
	}
	err = fn(t)
	t.close()
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.share(ctx, t)
	return nil
}

// querier is *sql.DB or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}
