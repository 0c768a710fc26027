package worker

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/sitrep/sitrep/feed"
)

// fetchFeedWorker works fetch_feed jobs.
type fetchFeedWorker struct {
	river.WorkerDefaults[FetchFeedArgs]
	env *Env
}

// Work waits while the extraction backlog is full (Env.MaxBacklog), then
// polls the feed if it is due (a failing feed waits out its backoff),
// storing its new articles through the watcher's DocumentService, which in
// a worker deployment queues their extraction. The feed's state is kept in
// the database, so whichever worker polls next resumes from it.
func (w *fetchFeedWorker) Work(ctx context.Context, job *river.Job[FetchFeedArgs]) error {
	if w.env.Watcher == nil {
		return river.JobCancel(errors.New("this worker does not poll feeds"))
	}
	if err := w.env.backpressure(ctx); err != nil {
		return err
	}
	src := feed.Source{URL: job.Args.URL, Title: job.Args.Title}
	if !w.due(ctx, src.URL) {
		return nil // backing off after failures; a later period polls it
	}
	if r := w.env.Watcher.Poll(ctx, src); r.Err != nil {
		// Recorded on the feed, which backs off; the job itself is done.
		w.env.logger().Warn("feed poll failed", "feed", r.URL, "err", r.Err)
	}
	return nil
}

// due reports whether the feed may be polled now. A poll sets the next
// fetch one interval after it ended, and the next period's job comes one
// interval after the last one started, so a tenth of an interval of slack
// keeps a healthy feed from skipping every other period; a feed backing
// off after failures waits out its backoff.
func (w *fetchFeedWorker) due(ctx context.Context, url string) bool {
	f, err := w.env.Watcher.Feeds.FindFeedByURL(ctx, url)
	if err != nil {
		return true // unknown feed, or state unreadable: Poll reports it
	}
	interval := w.env.Watcher.Interval
	if interval <= 0 {
		interval = feed.DefaultInterval
	}
	now := time.Now()
	if w.env.Watcher.Now != nil {
		now = w.env.Watcher.Now()
	}
	return !now.Add(interval / 10).Before(f.NextFetch)
}

// Timeout gives a feed time to list and fetch its items politely.
func (w *fetchFeedWorker) Timeout(*river.Job[FetchFeedArgs]) time.Duration { return 10 * time.Minute }

// fetchPageWorker works fetch_page jobs.
type fetchPageWorker struct {
	river.WorkerDefaults[FetchPageArgs]
	env *Env
}

// Work waits while the extraction backlog is full (Env.MaxBacklog), then
// fetches the article and stores it for extraction. A page that can
// never give an article (404, robots.txt, not HTML) fails for good; a
// timeout or a 5xx is retried with River's backoff.
func (w *fetchPageWorker) Work(ctx context.Context, job *river.Job[FetchPageArgs]) error {
	if w.env.Pages == nil || w.env.Ingester == nil {
		return river.JobCancel(errors.New("this worker does not fetch pages"))
	}
	if err := w.env.backpressure(ctx); err != nil {
		return err
	}
	art, err := w.env.Pages.FetchArticle(ctx, job.Args.URL)
	if err != nil {
		if feed.Temporary(err) {
			return err
		}
		return river.JobCancel(err)
	}
	if _, err := w.env.Ingester.IngestDocument(ctx, art.Document(nil, "", time.Now())); err != nil {
		return fmt.Errorf("store %s: %w", job.Args.URL, err)
	}
	return nil
}
