package worker

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
)

// migrateLock is the advisory lock key held while River's tables are
// migrated; River's migrator takes none, and several workers start at once.
const migrateLock = 7387121

// Migrate creates or upgrades River's tables (river_job, river_leader, …)
// with River's own migrator. Processes starting together take turns on an
// advisory lock held for the migrating transaction, so each sees either no
// tables or all of them.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	migrator, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return fmt.Errorf("river migrator: %w", err)
	}
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrateLock); err != nil {
			return fmt.Errorf("lock river migrations: %w", err)
		}
		if _, err := migrator.MigrateTx(ctx, tx, rivermigrate.DirectionUp, nil); err != nil {
			return fmt.Errorf("migrate river tables: %w", err)
		}
		return nil
	})
}
