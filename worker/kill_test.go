package worker_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/store/postgres"
	"github.com/sitrep/sitrep/store/storetest"
	"github.com/sitrep/sitrep/worker"
	"github.com/sitrep/sitrep/worker/workertest"
)

// TestWorkersSurviveSIGKILL runs three `sitrep worker` processes over 2,000
// queued documents, kills one with SIGKILL while it is working, and checks
// that every document ends up extracted exactly once: the events the
// engine finds in it, no more, no fewer, all by one extractor version.
func TestWorkersSurviveSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds sitrep and runs three worker processes")
	}
	const docs = 2000
	dbURL := storetest.CreatePostgresDatabase(t)
	bin := buildSitrep(t)
	ctx := context.Background()
	start := time.Now()

	db, err := postgres.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := worker.Migrate(ctx, db.Pool); err != nil {
		t.Fatal(err)
	}
	q, err := worker.NewQueue(db.Pool, "sigkill-test")
	if err != nil {
		t.Fatal(err)
	}
	corpus := workertest.Documents(docs)
	enqueueAll(t, worker.NewIngester(db.Store, q), corpus)
	t.Logf("%d documents stored and queued in %v", docs, time.Since(start).Round(time.Millisecond))

	workers := make([]*workerProc, 3)
	for i := range workers {
		workers[i] = startWorkerProc(t, bin, dbURL, fmt.Sprintf("w%d", i))
	}
	for _, w := range workers {
		w.waitReady(t, 30*time.Second)
	}
	version := workers[0].version
	for _, w := range workers[1:] {
		if w.version != version {
			t.Fatalf("workers report extractor versions %q and %q", version, w.version)
		}
	}

	// Kill w0 once the run is well under way, while it holds jobs.
	victim := workers[0]
	waitFor(t, 60*time.Second, "400 completed extractions", func() bool {
		return completed(t, db.Pool, worker.KindExtractDocument) >= 400
	})
	held := runningOn(t, db.Pool, victim.id)
	if err := victim.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = victim.cmd.Wait()
	done := completed(t, db.Pool, worker.KindExtractDocument)
	t.Logf("killed %s at %v with %d/%d extractions done and %d job(s) running on it",
		victim.id, time.Since(start).Round(time.Millisecond), done, docs, len(held))
	if done >= docs {
		t.Fatalf("every document was extracted before the kill; the test proves nothing")
	}

	waitFor(t, 90*time.Second, "the queue to drain", func() bool { return idle(t, db.Pool) })
	t.Logf("queue drained at %v", time.Since(start).Round(time.Millisecond))
	for _, w := range workers[1:] {
		w.stop(t)
	}

	t.Run("every document carries the workers' extractor version", func(t *testing.T) {
		var pending, other int
		err := db.Pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE extractor_version = ''),
			count(*) FILTER (WHERE extractor_version NOT IN ('', $1)) FROM documents`, version).Scan(&pending, &other)
		if err != nil {
			t.Fatal(err)
		}
		if pending != 0 || other != 0 {
			t.Errorf("%d documents still pending and %d with another version than %s", pending, other, version)
		}
	})
	t.Run("every document has exactly the events the engine finds", func(t *testing.T) {
		g, err := gazetteer.Default()
		if err != nil {
			t.Fatal(err)
		}
		x, err := extract.New(extract.Options{Geoparser: g})
		if err != nil {
			t.Fatal(err)
		}
		stored := eventsPerDoc(t, db.Pool)
		if got, want := len(stored), docs; got != want {
			t.Fatalf("%d documents stored, want %d", got, want)
		}
		total, wrong := 0, 0
		for i := range corpus {
			want, err := x.Extract(&corpus[i])
			if err != nil {
				t.Fatal(err)
			}
			total += len(want)
			if got := stored[corpus[i].ID]; got != len(want) {
				if wrong++; wrong <= 5 {
					t.Errorf("%s has %d events, want %d", corpus[i].ID, got, len(want))
				}
			}
		}
		if wrong > 0 {
			t.Errorf("%d of %d documents have a wrong number of events", wrong, docs)
		}
		if total < docs {
			t.Errorf("the engine finds only %d events in %d documents; the corpus no longer exercises extraction", total, docs)
		}
		var dups int
		err = db.Pool.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM events
			GROUP BY doc_id, evidence_start, evidence_end, sub_event_type HAVING count(*) > 1) d`).Scan(&dups)
		if err != nil {
			t.Fatal(err)
		}
		if dups != 0 {
			t.Errorf("%d events are stored twice", dups)
		}
	})
	t.Run("every job completed, those of the killed worker elsewhere", func(t *testing.T) {
		counts := jobCounts(t, db.Pool)
		if got, want := counts["extract_document/completed"], docs; got != want {
			t.Errorf("completed extractions = %d, want %d (%v)", got, want, counts)
		}
		for _, id := range held {
			var state string
			var by []string
			if err := db.Pool.QueryRow(ctx, "SELECT state::text, attempted_by FROM river_job WHERE id = $1", id).Scan(&state, &by); err != nil {
				t.Fatal(err)
			}
			// A job can finish on the victim between the snapshot and the kill.
			if state != sitrep.JobCompleted || (len(by) > 1 && by[len(by)-1] == victim.id) {
				t.Errorf("job %d held by the killed worker: state %s, attempted by %v", id, state, by)
			}
		}
		var rescued int
		if err := db.Pool.QueryRow(ctx, "SELECT count(*) FROM river_job WHERE attempt > 1").Scan(&rescued); err != nil {
			t.Fatal(err)
		}
		t.Logf("%d job(s) needed more than one attempt", rescued)
	})
}

// buildSitrep compiles the sitrep binary into a temporary directory.
func buildSitrep(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "sitrep")
	cmd := exec.Command(goBin, "build", "-o", bin, "github.com/sitrep/sitrep/cmd/sitrep")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// enqueueAll stores the documents and queues their extraction from four
// goroutines, as several ingesting processes would.
func enqueueAll(t *testing.T, ing *worker.Ingester, docs []sitrep.Document) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(docs); i += 4 {
				if _, err := ing.IngestDocument(context.Background(), &docs[i]); err != nil {
					errs <- fmt.Errorf("%s: %w", docs[i].ID, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// workerProc is one `sitrep worker` process.
type workerProc struct {
	id      string
	cmd     *exec.Cmd
	ready   chan struct{}
	version string

	mu     sync.Mutex
	stderr bytes.Buffer
}

var readyLine = regexp.MustCompile(`worker ready: .* extractor (\S+);`)

func startWorkerProc(t *testing.T, bin, dbURL, id string) *workerProc {
	t.Helper()
	w := &workerProc{id: id, ready: make(chan struct{})}
	w.cmd = exec.Command(bin, "worker", "--db", dbURL, "--id", id, "--concurrency", "4",
		"--job-timeout", "5s", "--rescue-after", "6s", "--poll", "200ms", "--no-link")
	pipe, err := w.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			w.mu.Lock()
			w.stderr.WriteString(sc.Text() + "\n")
			w.mu.Unlock()
			if m := readyLine.FindStringSubmatch(sc.Text()); m != nil && w.version == "" {
				w.version = m[1]
				close(w.ready)
			}
		}
		_, _ = io.Copy(io.Discard, pipe)
	}()
	t.Cleanup(func() {
		if w.cmd.ProcessState == nil {
			_ = w.cmd.Process.Kill()
			_ = w.cmd.Wait()
		}
		if t.Failed() {
			w.mu.Lock()
			t.Logf("stderr of %s:\n%s", w.id, w.stderr.String())
			w.mu.Unlock()
		}
	})
	return w
}

func (w *workerProc) waitReady(t *testing.T, timeout time.Duration) {
	t.Helper()
	select {
	case <-w.ready:
	case <-time.After(timeout):
		w.mu.Lock()
		defer w.mu.Unlock()
		t.Fatalf("%s not ready after %v:\n%s", w.id, timeout, w.stderr.String())
	}
}

// stop interrupts the worker as Ctrl-C would and expects a clean exit.
func (w *workerProc) stop(t *testing.T) {
	t.Helper()
	if err := w.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := w.cmd.Wait(); err != nil {
		t.Errorf("%s after Ctrl-C: %v", w.id, err)
	}
}

// completed counts the completed jobs of kind.
func completed(t testing.TB, pool *pgxpool.Pool, kind string) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), "SELECT count(*) FROM river_job WHERE kind = $1 AND state = 'completed'", kind).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// runningOn lists the jobs running on the worker named id.
func runningOn(t testing.TB, pool *pgxpool.Pool, id string) []int64 {
	t.Helper()
	rows, err := pool.Query(context.Background(),
		"SELECT id FROM river_job WHERE state = 'running' AND attempted_by[array_length(attempted_by, 1)] = $1", id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, n)
	}
	return ids
}
