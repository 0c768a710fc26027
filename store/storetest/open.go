// Package storetest holds what the tests of every storage backend share: a
// fixture corpus with the events a known extractor finds in it, helpers that
// open a fresh SQLite or PostgreSQL database, and Run, one suite of
// assertions that each backend must pass.
package storetest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/sitrep/sitrep/store/postgres"
	"github.com/sitrep/sitrep/store/sqlite"
)

// OpenSQLite opens a fresh SQLite database in a temporary directory, closed
// when the test ends.
func OpenSQLite(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "sitrep.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// PostgresURL returns SITREP_TEST_POSTGRES_URL, a superuser URL of a server
// tests may create databases on. Without it the test is skipped, unless
// SITREP_REQUIRE_POSTGRES=1 makes that a failure (CI).
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("SITREP_TEST_POSTGRES_URL")
	if u == "" {
		if os.Getenv("SITREP_REQUIRE_POSTGRES") == "1" {
			tb.Fatal("SITREP_REQUIRE_POSTGRES=1 but SITREP_TEST_POSTGRES_URL is not set")
		}
		tb.Skip("set SITREP_TEST_POSTGRES_URL to run the PostgreSQL tests")
	}
	return u
}

var dbSeq atomic.Int64

// CreatePostgresDatabase creates an empty database on the test server and
// returns its URL; the database is dropped when the test ends.
func CreatePostgresDatabase(tb testing.TB) string {
	tb.Helper()
	admin := PostgresURL(tb)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		tb.Fatalf("connect to %s: %v", redact(admin), err)
	}
	name := fmt.Sprintf("sitrep_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, dbSeq.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		conn.Close(ctx)
		tb.Fatalf("create database %s: %v", name, err)
	}
	tb.Cleanup(func() {
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop database %s: %v", name, err)
		}
		conn.Close(ctx)
	})
	return withDatabase(admin, name)
}

// OpenPostgres opens a fresh PostgreSQL database, dropped when the test ends.
func OpenPostgres(tb testing.TB) *postgres.DB {
	tb.Helper()
	db, err := postgres.Open(context.Background(), CreatePostgresDatabase(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// withDatabase points a postgres:// URL or a key=value DSN at database name.
func withDatabase(dsn, name string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		u.Path = "/" + name
		return u.String()
	}
	return strings.TrimSpace(dsn) + " dbname=" + name
}

func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		u.User = url.User(u.User.Username())
		return u.String()
	}
	return "the test server"
}
