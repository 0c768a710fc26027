package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep"
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
	corpus := storetest.Corpus()
	cli.Extractor = storetest.NewExtractor(corpus)

	for i, f := range corpus[:3] {
		doc := f.Doc
		if _, err := cli.IngestDocument(ctx, &doc); err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, g := range corpus[:i+1] {
			want += len(g.Events)
		}
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
				t.Fatalf("after %d documents: stats total %d, page total %d; want %d", i+1, st.Total, page.Total, want)
			}
		}
	}
}
