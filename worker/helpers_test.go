package worker_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store/postgres"
	"github.com/sitrep/sitrep/store/storetest"
	"github.com/sitrep/sitrep/worker"
)

// fakeExtractor finds one event per paragraph, each with the paragraph as
// its evidence, and counts its calls per document. It fails for documents
// listed in fail, and can be slowed to widen race windows.
type fakeExtractor struct {
	mu    sync.Mutex
	calls map[string]int
	fail  map[string]string
	delay time.Duration
}

func newFakeExtractor() *fakeExtractor {
	return &fakeExtractor{calls: map[string]int{}, fail: map[string]string{}}
}

func (x *fakeExtractor) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	x.mu.Lock()
	x.calls[doc.ID]++
	msg := x.fail[doc.ID]
	x.mu.Unlock()
	if x.delay > 0 {
		time.Sleep(x.delay)
	}
	if msg != "" {
		return nil, errors.New(msg)
	}
	var events []sitrep.Event
	start := 0
	for _, para := range strings.Split(doc.Text, "\n\n") {
		if strings.TrimSpace(para) != "" {
			events = append(events, sitrep.Event{
				EventType: sitrep.Battles, SubEventType: "Armed clash", Modality: sitrep.ModalityOccurred,
				Evidence: sitrep.Evidence{Text: para, Start: start, End: start + len(para)},
			})
		}
		start += len(para) + 2
	}
	return events, nil
}

func (x *fakeExtractor) callsFor(id string) int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.calls[id]
}

func (x *fakeExtractor) setFail(id, msg string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if msg == "" {
		delete(x.fail, id)
	} else {
		x.fail[id] = msg
	}
}

// testDB is a fresh PostgreSQL database with sitrep's and River's tables,
// its store extracting with a fakeExtractor as version "v1".
type testDB struct {
	*postgres.DB
	x     *fakeExtractor
	queue *worker.Queue
}

func openTestDB(t testing.TB) *testDB {
	t.Helper()
	ctx := context.Background()
	db := storetest.OpenPostgres(t)
	if err := worker.Migrate(ctx, db.Pool); err != nil {
		t.Fatal(err)
	}
	x := newFakeExtractor()
	db.Store.Extractor, db.Store.ExtractorVersion = x, "v1"
	q, err := worker.NewQueue(db.Pool, "v1")
	if err != nil {
		t.Fatal(err)
	}
	return &testDB{DB: db, x: x, queue: q}
}

// startWorker runs a worker client on db until the test ends.
func (db *testDB) startWorker(t *testing.T, link bool) {
	t.Helper()
	env := &worker.Env{Pool: db.Pool, Store: db.Store}
	if link {
		env.Incidents = db.IncidentService()
	}
	c, err := worker.New(env, worker.Options{Concurrency: 4, PollInterval: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = c.StopAndCancel(ctx)
	})
}

// jobCounts returns the number of jobs by "kind/state".
func jobCounts(t testing.TB, pool *pgxpool.Pool) map[string]int {
	t.Helper()
	rows, err := pool.Query(context.Background(), "SELECT kind || '/' || state::text, count(*) FROM river_job GROUP BY 1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			t.Fatal(err)
		}
		out[k] = n
	}
	return out
}

// waitFor polls cond until it holds, failing the test after timeout.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// idle reports whether no job is waiting, running or due for a retry.
func idle(t testing.TB, pool *pgxpool.Pool) bool {
	var n int
	err := pool.QueryRow(context.Background(),
		"SELECT count(*) FROM river_job WHERE state IN ('available', 'pending', 'running', 'scheduled', 'retryable')").Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n == 0
}

// eventsPerDoc returns how many events each document has.
func eventsPerDoc(t testing.TB, pool *pgxpool.Pool) map[string]int {
	t.Helper()
	rows, err := pool.Query(context.Background(), "SELECT d.id, count(e.id) FROM documents d LEFT JOIN events e ON e.doc_id = d.id GROUP BY d.id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			t.Fatal(err)
		}
		out[id] = n
	}
	return out
}

func docVersion(t testing.TB, pool *pgxpool.Pool, id string) string {
	t.Helper()
	var v string
	if err := pool.QueryRow(context.Background(), "SELECT extractor_version FROM documents WHERE id = $1", id).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// report is a short original two-paragraph news report.
func report(id, town string) *sitrep.Document {
	return &sitrep.Document{
		ID:        id,
		Published: "2022-02-14",
		Text: "Militants attacked a police post on the outskirts of " + town + " overnight, officials said.\n\n" +
			"Two officers were killed and a third was wounded before reinforcements arrived from " + town + " (" + id + ").",
	}
}
