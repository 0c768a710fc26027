// Package sqlite stores sitrep's documents and events in an embedded SQLite
// database (modernc.org/sqlite, pure Go), the default backend of
// `sitrep serve`. It runs in WAL mode with one writer connection, so writes
// queue in Go rather than fail on a locked database, and a pool of readers
// that never wait for the writer.
//
// Other packages add services to DB in files of this package (feed.go,
// incident.go) with migrations in migrations/ numbered 00100… and 00200….
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"runtime"
	"sync"

	"github.com/pressly/goose/v3"
	"github.com/sitrep/sitrep/store/sqldb"
	_ "modernc.org/sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open SQLite database with sitrep's schema.
type DB struct {
	// Store implements the document, event and stats services; set
	// Store.Extractor and Store.ExtractorVersion before ingesting.
	*sqldb.Store

	Path string

	versionMu   sync.Mutex
	versionConn *sql.Conn
}

// Open opens or creates the database file at path and migrates it to the
// latest schema.
func Open(ctx context.Context, path string) (*DB, error) {
	w, err := open(path, 1, "&_txlock=immediate&_pragma=temp_store(MEMORY)")
	if err != nil {
		return nil, err
	}
	r, err := open(path, max(8, 4*runtime.GOMAXPROCS(0)), "&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, err
	}
	db := &DB{Store: &sqldb.Store{W: w, R: r, Dialect: sqldb.SQLite}, Path: path}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.watchChanges(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// watchChanges pins one read connection whose PRAGMA data_version changes
// whenever any other connection commits, including other processes such as
// a `sitrep ingest` running beside `sitrep serve`. The store caches query
// results until it changes.
func (db *DB) watchChanges(ctx context.Context) error {
	conn, err := db.R.Conn(ctx)
	if err != nil {
		return fmt.Errorf("open %s: %w", db.Path, err)
	}
	db.versionConn = conn
	db.Store.Version = func(ctx context.Context) (int64, error) {
		db.versionMu.Lock()
		defer db.versionMu.Unlock()
		var v int64
		err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
		return v, err
	}
	return nil
}

func open(path string, conns int, extra string) (*sql.DB, error) {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" + extra
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	db.SetConnMaxLifetime(0)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// migrate applies the embedded migrations. Out-of-order application is
// allowed because feature packages add their migrations to the same
// directory at version ranges of their own.
func (db *DB) migrate(ctx context.Context) error {
	p, err := goose.NewProvider(goose.DialectSQLite3, db.W, migrationsFS(), goose.WithAllowOutofOrder(true))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate %s: %w", db.Path, err)
	}
	// Refresh the planner's statistics where they are stale, so it picks
	// the covering indexes; cheap when nothing changed.
	if _, err := db.W.ExecContext(ctx, "PRAGMA optimize=0x10002"); err != nil {
		return fmt.Errorf("optimize %s: %w", db.Path, err)
	}
	return nil
}

// Writer returns the single-connection pool that takes every write.
func (db *DB) Writer() *sql.DB { return db.W }

// Reader returns the read-only pool.
func (db *DB) Reader() *sql.DB { return db.R }

// Close closes both pools, checkpointing the WAL.
func (db *DB) Close() error {
	db.Store.Close()
	if db.versionConn != nil {
		db.versionConn.Close()
	}
	_, _ = db.W.Exec("PRAGMA optimize")
	rerr := db.R.Close()
	if err := db.W.Close(); err != nil {
		return err
	}
	return rerr
}
