// Package postgres stores sitrep's documents and events in PostgreSQL, the
// backend for running several sitrep processes against one database
// (`sitrep serve --db postgres://…`). It uses a pgx/v5 connection pool,
// exposed as Pool for packages that want pgx directly (the job queue), and
// the same pool through database/sql for the shared sqldb services.
//
// Other packages add services to DB in files of this package (feed.go,
// incident.go) with migrations in migrations/ numbered 00100… and 00200….
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"github.com/sitrep/sitrep/store/sqldb"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open PostgreSQL database with sitrep's schema.
type DB struct {
	// Store implements the document, event and stats services; set
	// Store.Extractor and Store.ExtractorVersion before ingesting.
	*sqldb.Store

	Pool *pgxpool.Pool
	sql  *sql.DB
}

// Open connects to the database at url (postgres://…) and migrates it to
// the latest schema. Concurrent processes migrating the same database wait
// for each other on an advisory lock.
func Open(ctx context.Context, url string) (*DB, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to postgres: %w", err)
	}
	sdb := stdlib.OpenDBFromPool(pool)
	db := &DB{Store: &sqldb.Store{W: sdb, R: sdb, Dialect: sqldb.Postgres}, Pool: pool, sql: sdb}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	db.Store.Version = db.walPosition
	return db, nil
}

// walPosition is the server's current write-ahead log insert position.
// Every write, by any process, moves it, so query results are cached until
// it moves; a read-only workload such as a dashboard leaves it still. It is
// the insert position, not pg_current_wal_lsn (the flushed position), which
// lags behind commits when synchronous_commit is off.
func (db *DB) walPosition(ctx context.Context) (int64, error) {
	var v int64
	err := db.Pool.QueryRow(ctx, "SELECT (pg_current_wal_insert_lsn() - '0/0')::bigint").Scan(&v)
	return v, err
}

// migrate applies the embedded migrations; out-of-order application is
// allowed because feature packages add theirs at version ranges of their
// own.
func (db *DB) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db.sql, sub,
		goose.WithAllowOutofOrder(true), goose.WithSessionLocker(locker))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate postgres: %w", err)
	}
	return nil
}

// Writer returns the database/sql view of the pool, for writes.
func (db *DB) Writer() *sql.DB { return db.sql }

// Reader returns the database/sql view of the pool, for reads.
func (db *DB) Reader() *sql.DB { return db.sql }

// Close closes the pool.
func (db *DB) Close() error {
	db.Store.Close()
	err := db.sql.Close()
	db.Pool.Close()
	return err
}
