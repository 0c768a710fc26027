package postgres_test

import (
	"context"
	"testing"

	"github.com/sitrep/sitrep"
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
	corpus := storetest.Corpus()
	worker.Extractor = storetest.NewExtractor(corpus)
	want := 0
	for _, f := range corpus[:3] {
		doc := f.Doc
		if _, err := worker.IngestDocument(ctx, &doc); err != nil {
			t.Fatal(err)
		}
		want += len(f.Events)
		for range 2 { // the second call is answered from the cache
			st, err := server.EventStats(ctx, sitrep.EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			page, err := server.FindEvents(ctx, sitrep.EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if st.Total != want || page.Total != want {
				t.Fatalf("stats total %d, page total %d; want %d", st.Total, page.Total, want)
			}
		}
	}
}
