package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/feed"
	"github.com/sitrep/sitrep/worker"
)

func init() {
	register("worker", "work the PostgreSQL job queue: extract, re-extract, link incidents, fetch feeds and pages",
		func(stdin io.Reader, stdout, stderr io.Writer) Command {
			return &WorkerCommand{stdout: stdout, stderr: stderr}
		})
	serveHooks = append(serveHooks, serveJobs)
	scheduleFeeds = queueFeedPolls
}

// queueFeedPolls is `sitrep watch --queue`: it queues a fetch_feed job per
// feed and period for the workers, once with --once, else until
// interrupted.
func queueFeedPolls(ctx context.Context, m *App, srcs []feed.Source, interval time.Duration, once bool) error {
	if m.Postgres == nil {
		return &UsageError{Msg: "watch --queue needs --db postgres://… and workers (sitrep worker) to poll the feeds"}
	}
	q, err := openQueue(ctx, m)
	if err != nil {
		return err
	}
	if once {
		n, err := q.ScheduleFeeds(ctx, srcs, interval)
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "%d of %d feed(s) queued for polling; the others were already queued in this %v period\n", n, len(srcs), interval)
		return nil
	}
	fmt.Fprintf(m.Stderr, "sitrep: queueing polls of %d feed(s), each every %v, for sitrep worker; Ctrl-C stops\n", len(srcs), interval)
	err = worker.ScheduleFeeds(ctx, q, srcs, interval, 0)
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// serveJobs gives `sitrep serve --db postgres://…` the job queue's
// GET /api/jobs and POST /api/jobs/{id}/retry. With SQLite there is no
// queue and both answer 501. With SITREP_INGEST=queue, POST /api/documents
// stores documents and leaves their extraction to `sitrep worker`.
func serveJobs(ctx context.Context, m *App) error {
	if m.Postgres == nil || m.Server == nil {
		if os.Getenv("SITREP_INGEST") == "queue" {
			return fmt.Errorf("SITREP_INGEST=queue needs --db postgres://… and sitrep worker processes")
		}
		return nil
	}
	q, err := openQueue(ctx, m)
	if err != nil {
		return err
	}
	m.Server.JobService = &worker.Jobs{Pool: m.Postgres.Pool, Client: q.Client}
	switch v := os.Getenv("SITREP_INGEST"); v {
	case "", "inline":
	case "queue":
		m.Server.DocumentService = &worker.QueueingStore{DocumentStore: m.Server.DocumentService, Ingester: worker.NewIngester(m.Store, q)}
		fmt.Fprintln(m.Stderr, "sitrep: POST /api/documents queues extraction for sitrep worker (SITREP_INGEST=queue)")
	default:
		return fmt.Errorf("SITREP_INGEST=%q: want queue or inline", v)
	}
	return nil
}

// WorkerCommand runs `sitrep worker`: one process of a pool that shares
// the jobs queued in PostgreSQL. Run as many as the machines allow.
type WorkerCommand struct {
	stdout, stderr io.Writer
}

const workerSynopsis = "worker --db postgres://… [--concurrency N] [--feeds FILE] [--feed-interval 15m] [--max-backlog 10000] [--job-timeout 1m] [--rescue-after 5m] [--no-link] [-v]"

// workerReady is printed on stderr once the worker takes jobs; `sitrep
// workerbench` and the tests wait for it.
const workerReady = "sitrep: worker ready"

// Run works jobs until interrupted, then lets jobs in flight finish.
func (c *WorkerCommand) Run(ctx context.Context, args []string) error {
	m := NewApp(c.stdout, c.stderr)
	fs := newFlagSet("worker", workerSynopsis, c.stderr)
	m.storeFlags(fs)
	var opts worker.Options
	fs.IntVar(&opts.Concurrency, "concurrency", 0, "jobs worked at once by this process (default: 4 per CPU)")
	feedsFile := fs.String("feeds", "", "schedule polls of the feeds listed in `FILE` (OPML or one URL per line); every worker may be given it, each feed is polled once per interval")
	fs.DurationVar(&opts.FeedInterval, "feed-interval", feed.DefaultInterval, "time between two polls of a feed")
	fs.DurationVar(&opts.JobTimeout, "job-timeout", time.Minute, "cancel a job running longer than this")
	fs.DurationVar(&opts.RescueAfter, "rescue-after", 5*time.Minute, "retry a job still running after this long: its worker died (at least --job-timeout)")
	fs.DurationVar(&opts.PollInterval, "poll", 0, "how often an idle worker checks for jobs besides notifications (default 1s)")
	fs.StringVar(&opts.ID, "id", "", "name of this worker in the job table (default: host and process id)")
	noLink := fs.Bool("no-link", false, "do not link incidents after extraction")
	maxBacklog := fs.Int("max-backlog", 10000, "pause fetching feeds and pages while more documents than this wait for extraction (0: never)")
	delay := fs.Duration("delay", fetchDelay, "pause between two requests to the same host")
	verbose := fs.Bool("v", false, "log every job River runs, not only failures")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return &UsageError{Msg: "worker takes no arguments, got " + strings.Join(fs.Args(), " ")}
	case !isPostgresURL(m.DBURL):
		return &UsageError{Msg: "worker needs --db postgres://…: with SQLite, serve, ingest and watch extract in-process"}
	case opts.Concurrency < 0:
		return &UsageError{Msg: "--concurrency must not be negative (0: 4 per CPU)"}
	case *maxBacklog < 0:
		return &UsageError{Msg: "--max-backlog must not be negative"}
	case opts.RescueAfter < opts.JobTimeout:
		return &UsageError{Msg: fmt.Sprintf("--rescue-after %v must be at least --job-timeout %v", opts.RescueAfter, opts.JobTimeout)}
	case opts.FeedInterval < 10*time.Second:
		return &UsageError{Msg: fmt.Sprintf("--feed-interval %v is too short: polling a feed more than every 10s is impolite", opts.FeedInterval)}
	}
	if opts.ID == "" {
		host, _ := os.Hostname()
		opts.ID = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelInfo
	}
	m.Logger = slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: level}))
	if *feedsFile != "" {
		srcs, err := readFeedList(*feedsFile, c.stderr)
		if err != nil {
			return err
		}
		opts.Feeds = srcs
	}
	n := opts.Concurrency
	if n == 0 {
		n = worker.DefaultConcurrency()
	}
	m.DBURL = withPoolSize(m.DBURL, worker.PoolSize(n))
	if err := m.Open(ctx); err != nil {
		return err
	}
	defer m.Close()
	q, err := openQueue(ctx, m)
	if err != nil {
		return err
	}
	ing := worker.NewIngester(m.Store, q)
	env := &worker.Env{
		Pool:     m.Postgres.Pool,
		Store:    m.Store,
		Pages:    feed.NewClient(*delay),
		Ingester: ing,
		Logger:   m.Logger,

		MaxBacklog: *maxBacklog,
	}
	if !*noLink {
		env.Incidents = m.Postgres.IncidentService()
	}
	if len(opts.Feeds) > 0 {
		w := newWatcher(m, *delay, opts.FeedInterval, m.Logger)
		w.Documents = ing
		env.Watcher = w
	}
	client, err := worker.New(env, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "%s: %s works up to %d job(s) at once, extractor %s; Ctrl-C stops\n", workerReady, opts.ID, n, extractorVersion())
	return worker.Run(ctx, client, 30*time.Second)
}

// openQueue migrates River's tables and returns a queue asking for the
// running binary's extractor version.
func openQueue(ctx context.Context, m *App) (*worker.Queue, error) {
	if m.Postgres == nil {
		return nil, fmt.Errorf("the job queue needs PostgreSQL (--db postgres://…)")
	}
	if err := worker.Migrate(ctx, m.Postgres.Pool); err != nil {
		return nil, err
	}
	return worker.NewQueue(m.Postgres.Pool, extractorVersion())
}

// withPoolSize sets the connection pool size of a postgres:// URL, unless
// the URL sets it already (pgx's pool_max_conns): pgx's default of four
// would leave most of a worker's jobs waiting for a connection.
func withPoolSize(dbURL string, n int) string {
	u, err := url.Parse(dbURL)
	if err != nil {
		return dbURL
	}
	q := u.Query()
	if q.Get("pool_max_conns") != "" {
		return dbURL
	}
	q.Set("pool_max_conns", strconv.Itoa(n))
	u.RawQuery = q.Encode()
	return u.String()
}

func isPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}
