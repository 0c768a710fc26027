package worker

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"
)

// DefaultBacklogWait is how long a fetch job waits before looking again at
// an extraction backlog that was too deep.
const DefaultBacklogWait = time.Minute

// backpressure returns a snooze error when more than e.MaxBacklog
// extraction jobs are waiting, so fetching new articles pauses while
// extraction catches up instead of piling up documents. A snoozed job is
// not a failure and costs no attempt. nil when there is room or no limit.
func (e *Env) backpressure(ctx context.Context) error {
	if e.MaxBacklog <= 0 {
		return nil
	}
	var n int
	// Counting stops at the limit, so a huge backlog costs no more than a
	// small one.
	err := e.Pool.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM river_job
		WHERE state = 'available' AND kind = $1 LIMIT $2) b`, KindExtractDocument, e.MaxBacklog+1).Scan(&n)
	if err != nil {
		return fmt.Errorf("measure the extraction backlog: %w", err)
	}
	if n <= e.MaxBacklog {
		return nil
	}
	wait := e.BacklogWait
	if wait <= 0 {
		wait = DefaultBacklogWait
	}
	e.logger().Info("extraction backlog full; fetch waits", "backlog", n, "max", e.MaxBacklog, "wait", wait)
	return river.JobSnooze(wait)
}
