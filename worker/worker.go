package worker

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/sitrep/sitrep/feed"
	"github.com/sitrep/sitrep/incident/incidentsql"
	"github.com/sitrep/sitrep/store/sqldb"
)

// Env is what jobs work with. Pool and Store are required; a nil optional
// service makes the jobs that need it fail for good with a clear error.
type Env struct {
	Pool *pgxpool.Pool
	// Store extracts and stores events; its Extractor and ExtractorVersion
	// must be set.
	Store *sqldb.Store

	Incidents *incidentsql.Service // link_incidents; nil: extraction queues no linking
	Watcher   *feed.Watcher        // fetch_feed; its Documents should be Ingester
	Pages     *feed.Client         // fetch_page
	Ingester  *Ingester            // fetch_page stores through it

	// MaxBacklog, when positive, pauses fetch_feed and fetch_page jobs
	// for BacklogWait (DefaultBacklogWait if 0) while more extraction jobs
	// than this wait: backpressure from the extractors to the fetchers.
	MaxBacklog  int
	BacklogWait time.Duration

	Logger *slog.Logger
}

func (e *Env) logger() *slog.Logger {
	if e.Logger != nil {
		return e.Logger
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// PoolSize is the number of database connections a worker process needs
// to work concurrency jobs at once: one per job, one for linking, and a few
// for River's own fetching, notifications and leader election.
func PoolSize(concurrency int) int { return concurrency + 5 }

// Options tune one worker process.
type Options struct {
	// ID names the process in River (jobs record who attempted them);
	// River picks one when empty.
	ID string
	// Concurrency is how many jobs the process works at once; 0 is four
	// per CPU, as a job spends about as long waiting on PostgreSQL as
	// extracting.
	Concurrency int
	// JobTimeout cancels a job running longer; 0 is one minute.
	JobTimeout time.Duration
	// RescueAfter is how long a job may stay "running" before River's
	// rescuer takes it for dead (its worker was killed) and retries it;
	// 0 is five minutes. At least JobTimeout.
	RescueAfter time.Duration
	// Feeds are polled every FeedInterval (feed.DefaultInterval if 0) by
	// periodic fetch_feed jobs, which only River's elected leader inserts.
	Feeds        []feed.Source
	FeedInterval time.Duration
	// PollInterval is how often an idle worker looks for jobs when no
	// notification woke it; 0 is River's default (1 s).
	PollInterval time.Duration
}

// DefaultConcurrency is the number of jobs a worker process works at once
// unless told otherwise: four per CPU.
func DefaultConcurrency() int { return 4 * runtime.GOMAXPROCS(0) }

// fetchCooldown is the shortest pause between two fetches of jobs.
const fetchCooldown = 10 * time.Millisecond

// New returns a River client that works every sitrep job kind with env.
// Start it with Start(ctx); Stop waits for jobs in flight.
func New(env *Env, opts Options) (*river.Client[pgx.Tx], error) {
	if env.Pool == nil || env.Store == nil || env.Store.Extractor == nil {
		return nil, fmt.Errorf("worker: Env needs Pool and a Store with an Extractor")
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &extractWorker{env: env})
	river.AddWorker(workers, &reextractWorker{env: env})
	river.AddWorker(workers, &linkWorker{env: env})
	river.AddWorker(workers, &fetchFeedWorker{env: env})
	river.AddWorker(workers, &fetchPageWorker{env: env})

	n := opts.Concurrency
	if n <= 0 {
		n = DefaultConcurrency()
	}
	timeout := opts.JobTimeout
	if timeout <= 0 {
		timeout = time.Minute
	}
	rescue := opts.RescueAfter
	if rescue <= 0 {
		rescue = 5 * time.Minute
	}
	if rescue < timeout {
		return nil, fmt.Errorf("worker: rescue delay %v is shorter than the job timeout %v", rescue, timeout)
	}
	interval := opts.FeedInterval
	if interval <= 0 {
		interval = feed.DefaultInterval
	}
	var periodic []*river.PeriodicJob
	for _, src := range opts.Feeds {
		args := FetchFeedArgs{URL: src.URL, Title: src.Title}
		periodic = append(periodic, river.NewPeriodicJob(river.PeriodicInterval(interval),
			func() (river.JobArgs, *river.InsertOpts) { return args, feedUniquePeriod(interval) },
			&river.PeriodicJobOpts{RunOnStart: true}))
	}
	cfg := &river.Config{
		ID:                   opts.ID,
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: n}, QueueIncidents: {MaxWorkers: 1}},
		Workers:              workers,
		JobTimeout:           timeout,
		RescueStuckJobsAfter: rescue,
		PeriodicJobs:         periodic,
		FetchPollInterval:    opts.PollInterval,
		Logger:               env.logger(),
	}
	// River waits FetchCooldown (100 ms by default) between two fetches,
	// and one fetch takes at most the free worker slots: with jobs of a
	// few milliseconds that default would cap a process at 10 fetches a
	// second. A shorter pause keeps workers fed for a few cheap queries more.
	cfg.FetchCooldown = fetchCooldown
	if opts.PollInterval > 0 && opts.PollInterval < fetchCooldown {
		cfg.FetchCooldown = opts.PollInterval
	}
	c, err := river.NewClient(riverpgxv5.New(env.Pool), cfg)
	if err != nil {
		return nil, fmt.Errorf("worker: %w", err)
	}
	return c, nil
}

// Run works jobs until ctx ends, then stops taking new ones and waits up to
// grace for those in flight before cancelling them.
func Run(ctx context.Context, c *river.Client[pgx.Tx], grace time.Duration) error {
	if err := c.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("start workers: %w", err)
	}
	<-ctx.Done()
	stopCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := c.Stop(stopCtx); err != nil {
		hard, cancel2 := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel2()
		return c.StopAndCancel(hard)
	}
	return nil
}
