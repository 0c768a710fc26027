package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/store/sqlite"

	"github.com/sitrep/sitrep/store/sqldb"
	"github.com/sitrep/sitrep/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) *sqldb.Store { return storetest.OpenSQLite(tb).Store })
}

// TestCacheSeesOtherProcessesWrites writes through a second handle on the
// same file, as `sitrep ingest` does beside a running `sitrep serve`, and
// checks that cached query results are not served stale.
func TestCacheSeesOtherProcessesWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	server, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	cli, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	storetest.CacheSeesOtherWriters(t, server.Store, cli.Store)
}
