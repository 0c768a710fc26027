package worker_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/worker"
)

func TestIngesterStoresThenWorkersExtract(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	ing := worker.NewIngester(db.Store, db.queue)

	towns := []string{"Gao", "Baidoa", "Djibo"}
	for i, town := range towns {
		res, err := ing.IngestDocument(ctx, report(fmt.Sprintf("doc-%d", i), town))
		if err != nil {
			t.Fatal(err)
		}
		if res.Duplicate || res.Events != 0 {
			t.Errorf("ingest %d = %+v, want a new document with no events yet", i, res)
		}
	}
	t.Run("documents are stored pending, without events", func(t *testing.T) {
		for id, n := range eventsPerDoc(t, db.Pool) {
			if n != 0 || docVersion(t, db.Pool, id) != worker.PendingVersion {
				t.Errorf("%s: %d events, version %q; want 0 events, pending", id, n, docVersion(t, db.Pool, id))
			}
		}
		if got, want := db.x.callsFor("doc-0"), 0; got != want {
			t.Errorf("extractor ran %d times during ingest, want %d", got, want)
		}
	})
	t.Run("ingesting a pending document again queues no second job", func(t *testing.T) {
		res, err := ing.IngestDocument(ctx, report("doc-0", "Gao"))
		if err != nil {
			t.Fatal(err)
		}
		if !res.Duplicate {
			t.Errorf("second ingest of doc-0: Duplicate = false")
		}
		if got, want := jobCounts(t, db.Pool)["extract_document/available"], 3; got != want {
			t.Errorf("extract jobs = %d, want %d", got, want)
		}
	})
	t.Run("workers extract every document once and link its incidents", func(t *testing.T) {
		db.startWorker(t, true)
		waitFor(t, 20*time.Second, "an idle queue", func() bool { return idle(t, db.Pool) })
		for id, n := range eventsPerDoc(t, db.Pool) {
			if got, want := n, 2; got != want {
				t.Errorf("%s has %d events, want %d", id, got, want)
			}
			if got, want := docVersion(t, db.Pool, id), "v1"; got != want {
				t.Errorf("%s version = %q, want %q", id, got, want)
			}
			if got, want := db.x.callsFor(id), 1; got != want {
				t.Errorf("%s extracted %d times, want %d", id, got, want)
			}
		}
		counts := jobCounts(t, db.Pool)
		if got, want := counts["extract_document/completed"], 3; got != want {
			t.Errorf("completed extract jobs = %d, want %d (%v)", got, want, counts)
		}
		if got, want := counts["link_incidents/completed"], 3; got != want {
			t.Errorf("completed link jobs = %d, want %d (%v)", got, want, counts)
		}
		var linked int
		if err := db.Pool.QueryRow(ctx, "SELECT count(*) FROM events WHERE incident_id IS NOT NULL").Scan(&linked); err != nil {
			t.Fatal(err)
		}
		if linked != 6 {
			t.Errorf("%d of 6 events are in an incident", linked)
		}
	})
	t.Run("a document already extracted is not queued again", func(t *testing.T) {
		if _, err := ing.IngestDocument(ctx, report("doc-1", "Baidoa")); err != nil {
			t.Fatal(err)
		}
		if got := jobCounts(t, db.Pool)["extract_document/available"]; got != 0 {
			t.Errorf("%d extract jobs queued for an extracted duplicate", got)
		}
	})
}

func TestRetriedExtractionLeavesOneSetOfEvents(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	ing := worker.NewIngester(db.Store, db.queue)
	if _, err := ing.IngestDocument(ctx, report("crash", "Kirkuk")); err != nil {
		t.Fatal(err)
	}
	if _, err := ing.IngestDocument(ctx, report("race", "Marib")); err != nil {
		t.Fatal(err)
	}
	// "crash": a worker committed the extraction and died before River
	// recorded the job as completed; the retried job must not extract again.
	if _, err := db.Store.ReextractDocument(ctx, "crash"); err != nil {
		t.Fatal(err)
	}
	// "race": two attempts of one document run at once (a job rescued
	// while its first worker still runs). River's uniqueness would merge
	// two identical jobs, so the second names the version the first one,
	// queued by the ingester with none, will produce.
	if _, err := db.queue.Client.Insert(ctx, worker.ExtractDocumentArgs{DocumentID: "race", Version: "v1"}, nil); err != nil {
		t.Fatal(err)
	}
	db.x.delay = 200 * time.Millisecond
	db.startWorker(t, false)
	waitFor(t, 20*time.Second, "an idle queue", func() bool { return idle(t, db.Pool) })

	got := eventsPerDoc(t, db.Pool)
	for _, id := range []string{"crash", "race"} {
		if got[id] != 2 {
			t.Errorf("%s has %d events, want 2", id, got[id])
		}
	}
	if n := db.x.callsFor("crash"); n != 1 {
		t.Errorf("crash extracted %d times, want 1 (the retried job must see the committed version)", n)
	}
	var dups int
	err := db.Pool.QueryRow(ctx, `SELECT count(*) FROM (SELECT doc_id, evidence_start FROM events
		GROUP BY doc_id, evidence_start HAVING count(*) > 1) d`).Scan(&dups)
	if err != nil {
		t.Fatal(err)
	}
	if dups != 0 {
		t.Errorf("%d evidence sentences are stored twice", dups)
	}
}

func TestReextractQueuesStaleDocumentsInBatches(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	for i := range 7 {
		if _, err := db.Store.IngestDocument(ctx, report(fmt.Sprintf("old-%d", i), "Bunia")); err != nil {
			t.Fatal(err)
		}
	}
	// A new engine: version v2 must re-extract the seven v1 documents.
	db.Store.ExtractorVersion = "v2"
	if _, err := db.queue.Client.Insert(ctx, worker.ReextractArgs{Version: "v2", BatchSize: 3}, nil); err != nil {
		t.Fatal(err)
	}
	t.Run("a second request while one is queued is merged", func(t *testing.T) {
		res, err := db.queue.Client.Insert(ctx, worker.ReextractArgs{Version: "v2", BatchSize: 3}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !res.UniqueSkippedAsDuplicate {
			t.Error("a second identical reextract job was queued")
		}
	})
	db.startWorker(t, false)
	waitFor(t, 20*time.Second, "an idle queue", func() bool { return idle(t, db.Pool) })

	for id, n := range eventsPerDoc(t, db.Pool) {
		if v := docVersion(t, db.Pool, id); v != "v2" || n != 2 {
			t.Errorf("%s: version %q with %d events, want v2 with 2", id, v, n)
		}
		if got, want := db.x.callsFor(id), 2; got != want {
			t.Errorf("%s extracted %d times, want %d (ingest, then re-extraction)", id, got, want)
		}
	}
	counts := jobCounts(t, db.Pool)
	// Batches of 3 over 7 documents: 3, 3, then 1, which ends the chain.
	if got, want := counts["reextract/completed"], 3; got != want {
		t.Errorf("reextract jobs = %d, want %d (%v)", got, want, counts)
	}
	if got, want := counts["extract_document/completed"], 7; got != want {
		t.Errorf("extract jobs = %d, want %d (%v)", got, want, counts)
	}
}

func TestRollingUpgrade(t *testing.T) {
	db := openTestDB(t) // the workers of this test are build v1
	ctx := context.Background()
	// "old" was extracted by v1 and a v2 re-extraction asks for it again;
	// "newer" was extracted by v2 after a v1 worker had it queued.
	if _, err := db.Store.IngestDocument(ctx, report("old", "Sittwe")); err != nil {
		t.Fatal(err)
	}
	db.Store.ExtractorVersion = "v2"
	if _, err := db.Store.IngestDocument(ctx, report("newer", "Kandahar")); err != nil {
		t.Fatal(err)
	}
	db.Store.ExtractorVersion = "v1"
	for _, args := range []worker.ExtractDocumentArgs{{DocumentID: "old", Version: "v2"}, {DocumentID: "newer"}} {
		if _, err := db.queue.Client.Insert(ctx, args, nil); err != nil {
			t.Fatal(err)
		}
	}
	db.startWorker(t, false)
	waitFor(t, 20*time.Second, "both jobs handled", func() bool {
		c := jobCounts(t, db.Pool)
		return c["extract_document/completed"] == 1 && c["extract_document/scheduled"] == 1
	})
	t.Run("an old worker leaves a new build's re-extraction for later", func(t *testing.T) {
		var snoozes int
		err := db.Pool.QueryRow(ctx, `SELECT COALESCE((metadata->>'snoozes')::int, 0) FROM river_job
			WHERE args->>'document_id' = 'old'`).Scan(&snoozes)
		if err != nil {
			t.Fatal(err)
		}
		if snoozes != 1 || docVersion(t, db.Pool, "old") != "v1" || db.x.callsFor("old") != 1 {
			t.Errorf("old: %d snoozes, version %q, %d extractions; want 1, v1 and only the ingest's",
				snoozes, docVersion(t, db.Pool, "old"), db.x.callsFor("old"))
		}
	})
	t.Run("an old worker never writes over a newer build's events", func(t *testing.T) {
		if v, n := docVersion(t, db.Pool, "newer"), db.x.callsFor("newer"); v != "v2" || n != 1 {
			t.Errorf("newer: version %q after %d extractions, want v2 and only the ingest's", v, n)
		}
	})
}

func TestJobStatsAndRetry(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	ing := worker.NewIngester(db.Store, db.queue)
	db.x.setFail("bad", "lexicon file truncated")
	for _, id := range []string{"good", "bad"} {
		if _, err := ing.IngestDocument(ctx, report(id, "Menaka")); err != nil {
			t.Fatal(err)
		}
	}
	jobs := &worker.Jobs{Pool: db.Pool, Client: db.queue.Client}

	t.Run("queued jobs are counted by kind and state", func(t *testing.T) {
		st, err := jobs.JobStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Queued != 2 || st.Running != 0 || st.Failed != 0 {
			t.Errorf("queued/running/failed = %d/%d/%d, want 2/0/0", st.Queued, st.Running, st.Failed)
		}
		if len(st.Kinds) != 1 || st.Kinds[0].Kind != worker.KindExtractDocument || st.Kinds[0].ByState[sitrep.JobAvailable] != 2 {
			t.Errorf("kinds = %+v, want extract_document with 2 available", st.Kinds)
		}
	})

	db.startWorker(t, false)
	var failedID int64
	waitFor(t, 20*time.Second, "a failed job", func() bool {
		st, err := jobs.JobStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Completed == 1 && len(st.RecentFailures) == 1 {
			failedID = st.RecentFailures[0].ID
			return true
		}
		return false
	})
	t.Run("a failure shows its kind, arguments and last error", func(t *testing.T) {
		st, err := jobs.JobStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		f := st.RecentFailures[0]
		if f.Kind != worker.KindExtractDocument || f.State != sitrep.JobRetryable || !strings.Contains(f.Args, `"bad"`) {
			t.Errorf("failure = %+v, want a retryable extract_document of \"bad\"", f)
		}
		if !strings.Contains(f.Error, "lexicon file truncated") {
			t.Errorf("failure error = %q, want the extractor's message", f.Error)
		}
		if got, want := st.ByKind[worker.KindExtractDocument], 1; got != want {
			t.Errorf("failures of extract_document = %d, want %d", got, want)
		}
		if got, want := st.CompletedLastMinute, 1; got != want {
			t.Errorf("completed in the last minute = %d, want %d", got, want)
		}
		if k := st.Kinds[0]; k.Failed != 1 || !strings.Contains(k.LastError, "lexicon") {
			t.Errorf("kind stats = %+v, want 1 failure with its error", k)
		}
	})
	t.Run("retrying runs the job now and it completes", func(t *testing.T) {
		db.x.setFail("bad", "")
		if err := jobs.RetryJob(ctx, failedID); err != nil {
			t.Fatal(err)
		}
		waitFor(t, 20*time.Second, "the retried job", func() bool { return eventsPerDoc(t, db.Pool)["bad"] == 2 })
		waitFor(t, 5*time.Second, "an idle queue", func() bool { return idle(t, db.Pool) })
		st, err := jobs.JobStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Failed != 0 || st.Completed != 2 {
			t.Errorf("failed/completed = %d/%d, want 0/2", st.Failed, st.Completed)
		}
	})
	t.Run("an unknown job is not found", func(t *testing.T) {
		if code := sitrep.ErrorCode(jobs.RetryJob(ctx, 987654)); code != sitrep.ENOTFOUND {
			t.Errorf("RetryJob(987654) code = %q, want %q", code, sitrep.ENOTFOUND)
		}
	})
}

func TestMigrateConcurrently(t *testing.T) {
	db := openTestDB(t) // already migrated once
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- worker.Migrate(context.Background(), db.Pool)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Migrate: %v", err)
		}
	}
	if _, err := db.queue.Client.Insert(context.Background(), worker.FetchPageArgs{URL: "https://news.example/a"}, nil); err != nil {
		t.Errorf("insert after migrations: %v", err)
	}
}

// Compile-time checks that every job argument is a River job.
var (
	_ river.JobArgsWithInsertOpts = worker.ExtractDocumentArgs{}
	_ river.JobArgsWithInsertOpts = worker.ReextractArgs{}
	_ river.JobArgsWithInsertOpts = worker.LinkIncidentsArgs{}
	_ river.JobArgsWithInsertOpts = worker.FetchFeedArgs{}
	_ river.JobArgsWithInsertOpts = worker.FetchPageArgs{}
)

func TestQueueingStore(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	s := &worker.QueueingStore{DocumentStore: db.Store, Ingester: worker.NewIngester(db.Store, db.queue)}
	res, err := s.IngestDocument(ctx, report("posted", "Kidal"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Events != 0 || db.x.callsFor("posted") != 0 {
		t.Errorf("ingest extracted in the request: %+v, %d calls", res, db.x.callsFor("posted"))
	}
	stored, err := s.FindStoredDocument(ctx, "posted")
	if err != nil {
		t.Fatal(err)
	}
	if stored.ExtractorVersion != worker.PendingVersion || len(stored.Events) != 0 {
		t.Errorf("stored = version %q with %d events, want pending with none", stored.ExtractorVersion, len(stored.Events))
	}
	if got := jobCounts(t, db.Pool)["extract_document/available"]; got != 1 {
		t.Errorf("extract jobs = %d, want 1", got)
	}
}
