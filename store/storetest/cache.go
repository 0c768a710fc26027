package storetest

import (
	"context"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store/sqldb"
)

// CacheSeesOtherWriters ingests documents through writer, a second handle on
// the same database (as `sitrep ingest` or `sitrep worker` beside a running
// `sitrep serve`), and checks that reader's cached query results are never
// served stale: each count is asked twice, the second answered from the
// cache.
func CacheSeesOtherWriters(t *testing.T, reader, writer *sqldb.Store) {
	t.Helper()
	ctx := context.Background()
	corpus := Corpus()
	writer.Extractor = NewExtractor(corpus)
	want := 0
	for i, f := range corpus[:3] {
		doc := f.Doc
		if _, err := writer.IngestDocument(ctx, &doc); err != nil {
			t.Fatal(err)
		}
		want += len(f.Events)
		for range 2 {
			st, err := reader.EventStats(ctx, sitrep.EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			page, err := reader.FindEvents(ctx, sitrep.EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if st.Total != want || page.Total != want {
				t.Fatalf("after %d documents: stats total %d, page total %d; want %d", i+1, st.Total, page.Total, want)
			}
		}
	}
}
