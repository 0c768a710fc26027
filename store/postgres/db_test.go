package postgres_test

import (
	"context"
	"testing"

	"github.com/sitrep/sitrep/store/postgres"

	"github.com/sitrep/sitrep/store/sqldb"
	"github.com/sitrep/sitrep/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) *sqldb.Store { return storetest.OpenPostgres(tb).Store })
}

// TestCacheSeesOtherProcessesWrites writes through a second connection
// pool, as a `sitrep worker` does beside `sitrep serve`, and checks that
// cached query results are not served stale.
func TestCacheSeesOtherProcessesWrites(t *testing.T) {
	ctx := context.Background()
	url := storetest.CreatePostgresDatabase(t)
	server, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	worker, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer worker.Close()
	storetest.CacheSeesOtherWriters(t, server.Store, worker.Store)
}
