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
// with River's own migrator. Processes starting together take turns on a
// session advisory lock (River's migrator takes none, and some of its
// migrations cannot share one transaction), so the second finds the tables
// the first made.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	migrator, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return fmt.Errorf("river migrator: %w", err)
	}
	// The lock lives on a connection of its own: taken from the pool, it
	// could leave the migrator none to work with.
	conn, err := pgx.ConnectConfig(ctx, pool.Config().ConnConfig.Copy())
	if err != nil {
		return fmt.Errorf("lock river migrations: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx)) // ends the session, releasing the lock
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrateLock); err != nil {
		return fmt.Errorf("lock river migrations: %w", err)
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate river tables: %w", err)
	}
	return nil
}
