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
package incidentsql

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store/sqldb"
)

// Service implements sitrep.IncidentService and updates incidents.
type Service struct {
	W, R    *sql.DB
	Dialect sqldb.Dialect
	// Lock is run first in every linking transaction, so that two
	// processes never relink one neighbourhood at once: PostgreSQL needs an
	// advisory lock; SQLite's single writer needs nothing.
	Lock string
	// Events loads full events for incident details.
	Events sitrep.EventService
}

var _ sitrep.IncidentService = (*Service)(nil)

// PostgresLock is the Lock of PostgreSQL databases: a transaction-scoped
// advisory lock on a key of sitrep's own.
const PostgresLock = "SELECT pg_advisory_xact_lock(7387120)"

func (s *Service) q(query string) string { return s.Dialect.Rebind(query) }

func (s *Service) withTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.W.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if s.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.Lock); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("lock incidents: %w", err)
		}
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

// querier is *sql.DB or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}
