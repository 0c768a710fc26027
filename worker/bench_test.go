package worker_test

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep/sitrep/worker"
	"github.com/sitrep/sitrep/worker/workertest"
)

// BenchmarkExtractJobs measures what the queue adds to extraction: one
// in-process worker (4 jobs at once) working b.N extract_document jobs
// with a trivial extractor, from a full queue to an empty one. Each job
// reads the document's version, re-reads the document, and replaces its
// events in a transaction, plus River's fetch and completion. Run:
//
//	SITREP_TEST_POSTGRES_URL=postgres://… go test -run - -bench ExtractJobs ./worker/
func BenchmarkExtractJobs(b *testing.B) {
	db := openTestDB(b)
	ctx := context.Background()
	ing := worker.NewIngester(db.Store, db.queue)
	next := 0
	for b.Loop() {
		b.StopTimer()
		docs := workertest.Range(next, 500)
		next += len(docs)
		for i := range docs {
			if _, err := ing.IngestDocument(ctx, &docs[i]); err != nil {
				b.Fatal(err)
			}
		}
		env := &worker.Env{Pool: db.Pool, Store: db.Store}
		c, err := worker.New(env, worker.Options{Concurrency: 4, PollInterval: 20 * time.Millisecond})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := c.Start(ctx); err != nil {
			b.Fatal(err)
		}
		for !idle(b, db.Pool) {
			time.Sleep(5 * time.Millisecond)
		}
		b.StopTimer()
		if err := c.Stop(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(next)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(0, "ns/op")
}
