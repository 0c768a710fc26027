package worker

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/sitrep/sitrep/feed"
)

// ScheduleFeeds queues a fetch_feed job for every feed once per interval
// until ctx ends: the scheduler role of `sitrep watch --queue`. Jobs are
// unique per feed and interval-long period, so any number of schedulers
// running at once still give one poll of a feed per period; a scheduler
// that restarts mid-period queues nothing new. It checks every tick (a
// tenth of the interval if 0) so a new period is not missed by long.
func ScheduleFeeds(ctx context.Context, q *Queue, feeds []feed.Source, interval, tick time.Duration) error {
	if interval <= 0 {
		return fmt.Errorf("schedule feeds: interval must be positive")
	}
	if tick <= 0 {
		tick = interval / 10
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		if _, err := q.ScheduleFeeds(ctx, feeds, interval); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// ScheduleFeeds queues one poll of each feed for the current period of
// length interval and returns how many were new (not already queued or
// done in this period).
func (q *Queue) ScheduleFeeds(ctx context.Context, feeds []feed.Source, interval time.Duration) (int, error) {
	if len(feeds) == 0 {
		return 0, nil
	}
	params := make([]river.InsertManyParams, len(feeds))
	for i, f := range feeds {
		params[i] = river.InsertManyParams{Args: FetchFeedArgs{URL: f.URL, Title: f.Title}, InsertOpts: feedUniquePeriod(interval)}
	}
	res, err := q.Client.InsertMany(ctx, params)
	if err != nil {
		return 0, fmt.Errorf("schedule %d feed(s): %w", len(feeds), err)
	}
	n := 0
	for _, r := range res {
		if !r.UniqueSkippedAsDuplicate {
			n++
		}
	}
	return n, nil
}
