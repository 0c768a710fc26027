package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store/sqldb"
	"github.com/sitrep/sitrep/worker"
	"github.com/sitrep/sitrep/worker/workertest"
)

func init() {
	register("workerbench", "measure documents/s of 1, 2, 4… `sitrep worker` processes on a scratch PostgreSQL database",
		func(stdin io.Reader, stdout, stderr io.Writer) Command {
			return &WorkerBenchCommand{stdout: stdout, stderr: stderr}
		})
}

// WorkerBenchCommand runs `sitrep workerbench`: for each worker count it
// stores a fresh batch of synthetic reports, starts that many `sitrep
// worker` processes, queues the reports' extraction in one statement and
// times how long the workers take to extract every report. It measures the whole path a
// production worker takes: River fetching and completing jobs, reading the
// document, extracting, replacing its events in one transaction.
type WorkerBenchCommand struct {
	stdout, stderr io.Writer
}

const workerBenchSynopsis = "workerbench --db postgres://… [--workers 1,2,4] [--docs 2000] [--concurrency N] [--link] [-json]"

// WorkerBenchRun is the measure for one worker count.
type WorkerBenchRun struct {
	Workers       int     `json:"workers"`
	Docs          int     `json:"docs"`
	Events        int     `json:"events"`
	Seconds       float64 `json:"seconds"`
	DocsPerSecond float64 `json:"docs_per_s"`
	Speedup       float64 `json:"speedup"` // docs/s over the first run's
}

// WorkerBenchResult is what `sitrep workerbench -json` prints.
type WorkerBenchResult struct {
	Concurrency int              `json:"concurrency"` // jobs at once per worker process
	Link        bool             `json:"link"`
	Runs        []WorkerBenchRun `json:"runs"`
}

// Run benchmarks each worker count in turn.
func (c *WorkerBenchCommand) Run(ctx context.Context, args []string) error {
	m := NewApp(c.stdout, c.stderr)
	fs := newFlagSet("workerbench", workerBenchSynopsis, c.stderr)
	m.storeFlags(fs)
	counts := fs.String("workers", "1,2,4", "comma-separated numbers of worker processes to measure")
	docs := fs.Int("docs", 2000, "synthetic reports extracted per measure")
	concurrency := fs.Int("concurrency", worker.DefaultConcurrency(), "jobs worked at once by each worker process")
	link := fs.Bool("link", false, "also link incidents after each extraction (serialised by an advisory lock)")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ns, err := parseWorkerCounts(*counts)
	switch {
	case err != nil:
		return &UsageError{Msg: err.Error()}
	case fs.NArg() > 0:
		return &UsageError{Msg: "workerbench takes no arguments, got " + strings.Join(fs.Args(), " ")}
	case !isPostgresURL(m.DBURL):
		return &UsageError{Msg: "workerbench needs --db postgres://… of a scratch database"}
	case *docs < 1 || *concurrency < 1:
		return &UsageError{Msg: "--docs and --concurrency must be at least 1"}
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	m.Extractor = noExtraction{} // the worker processes extract
	if err := m.Open(ctx); err != nil {
		return err
	}
	defer m.Close()
	q, err := openQueue(ctx, m)
	if err != nil {
		return err
	}
	var real, synth int
	err = m.Postgres.Pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE id NOT LIKE 'synth-%'),
		count(*) FILTER (WHERE id LIKE 'synth-%') FROM documents`).Scan(&real, &synth)
	if err != nil {
		return fmt.Errorf("count documents: %w", err)
	}
	if real > 0 {
		return fmt.Errorf("the database holds %d documents that workerbench did not write: run it against a scratch database", real)
	}
	res := &WorkerBenchResult{Concurrency: *concurrency, Link: *link}
	b := &workerBench{exe: exe, dbURL: m.DBURL, queue: q, app: m, concurrency: *concurrency, link: *link, stderr: c.stderr}
	for _, n := range ns {
		run, err := b.measure(ctx, n, synth, *docs)
		if err != nil {
			return err
		}
		synth += *docs
		if len(res.Runs) > 0 && res.Runs[0].DocsPerSecond > 0 {
			run.Speedup = run.DocsPerSecond / res.Runs[0].DocsPerSecond
		} else {
			run.Speedup = 1
		}
		res.Runs = append(res.Runs, *run)
		fmt.Fprintf(c.stderr, "sitrep: %d worker(s): %.0f docs/s\n", n, run.DocsPerSecond)
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "WORKERS\tDOCS\tEVENTS\tSECONDS\tDOCS/S\tSPEEDUP\t")
	for _, r := range res.Runs {
		fmt.Fprintf(tw, "%d\t%d\t%d\t%.2f\t%.0f\t%.2fx\t\n", r.Workers, r.Docs, r.Events, r.Seconds, r.DocsPerSecond, r.Speedup)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "each worker process works %d job(s) at once; incident linking %s\n", *concurrency, map[bool]string{true: "on", false: "off"}[*link])
	return nil
}

func parseWorkerCounts(s string) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 64 {
			return nil, fmt.Errorf("--workers: %q is not a number of processes from 1 to 64", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

type workerBench struct {
	exe, dbURL  string
	app         *App
	queue       *worker.Queue
	concurrency int
	link        bool
	stderr      io.Writer
}

// measure stores docs reports (numbered from first) without extracting
// them, starts n workers, queues the reports' extraction and times the
// workers from then to the last extraction.
func (b *workerBench) measure(ctx context.Context, n, first, docs int) (*WorkerBenchRun, error) {
	corpus := workertest.Range(first, docs)
	fmt.Fprintf(b.stderr, "sitrep: storing %d reports for %d worker(s)…\n", docs, n)
	if err := storeParallel(ctx, b.app.Store, corpus); err != nil {
		return nil, err
	}
	var procs []*exec.Cmd
	defer func() {
		for _, p := range procs {
			_ = p.Process.Signal(os.Interrupt)
			_ = p.Wait()
		}
	}()
	for i := range n {
		p, err := b.startWorker(ctx, fmt.Sprintf("bench-%d-%d", n, i))
		if err != nil {
			return nil, err
		}
		procs = append(procs, p)
	}
	ids := make([]string, len(corpus))
	for i := range corpus {
		ids[i] = corpus[i].ID
	}
	// One statement queues every job, so the workers, idle until now,
	// see them all at once.
	start := time.Now()
	if err := b.queue.EnqueueExtract(ctx, ids...); err != nil {
		return nil, err
	}
	pool := b.app.Postgres.Pool
	lo, hi := corpus[0].ID, corpus[len(corpus)-1].ID
	for {
		var left int
		err := pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'discarded', 'cancelled')`).Scan(&left)
		if err != nil {
			return nil, fmt.Errorf("watch the queue: %w", err)
		}
		if left == 0 {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	secs := time.Since(start).Seconds()
	run := &WorkerBenchRun{Workers: n, Docs: docs, Seconds: secs, DocsPerSecond: float64(docs) / secs}
	err := pool.QueryRow(ctx, `SELECT count(*) FROM events WHERE doc_id BETWEEN $1 AND $2`, lo, hi).Scan(&run.Events)
	if err != nil {
		return nil, fmt.Errorf("count events: %w", err)
	}
	var failed int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE state IN ('discarded', 'cancelled')`).Scan(&failed); err != nil {
		return nil, err
	}
	if failed > 0 {
		return nil, fmt.Errorf("%d job(s) failed during the run; see GET /api/jobs", failed)
	}
	return run, nil
}

// startWorker starts one `sitrep worker` and waits until it takes jobs,
// so the measure does not include loading the engine.
func (b *workerBench) startWorker(ctx context.Context, id string) (*exec.Cmd, error) {
	args := []string{"worker", "--db", b.dbURL, "--id", id, "--concurrency", strconv.Itoa(b.concurrency), "--poll", "100ms"}
	if !b.link {
		args = append(args, "--no-link")
	}
	cmd := exec.CommandContext(ctx, b.exe, args...)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start worker: %w", err)
	}
	// ready gets nil at the ready line, or an error with what the
	// worker said if it exits first.
	ready := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		var said []string
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), workerReady) {
				ready <- nil
				_, _ = io.Copy(io.Discard, pipe)
				return
			}
			said = append(said, sc.Text())
		}
		ready <- fmt.Errorf("worker %s exited before taking jobs: %s", id, strings.Join(said, "\n"))
	}()
	select {
	case err := <-ready:
		if err != nil {
			_ = cmd.Wait()
			return nil, err
		}
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("worker %s not ready after 60s", id)
	}
	return cmd, nil
}

// storeParallel stores docs as pending, without extraction or jobs, from
// four goroutines.
func storeParallel(ctx context.Context, store *sqldb.Store, docs []sitrep.Document) error {
	pending := &sqldb.Store{W: store.W, R: store.R, Dialect: store.Dialect, ExtractorVersion: worker.PendingVersion}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(docs); i += 4 {
				if _, err := pending.IngestDocument(ctx, &docs[i]); err != nil {
					mu.Lock()
					if first == nil {
						first = fmt.Errorf("store %s: %w", docs[i].ID, err)
					}
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}
