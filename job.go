package sitrep

import (
	"context"
	"time"
)

// Job states, as the work queue reports them. A job waits (available or
// scheduled), runs, then completes, or fails: retryable while it has
// attempts left, discarded when it has none. A discarded job keeps its
// error and can be retried by hand.
const (
	JobAvailable = "available" // ready to be worked
	JobScheduled = "scheduled" // waiting for its time (a retry's backoff, a periodic run)
	JobPending   = "pending"
	JobRunning   = "running"
	JobRetryable = "retryable" // failed, will be tried again
	JobCompleted = "completed"
	JobDiscarded = "discarded" // failed for good; RetryJob re-queues it
	JobCancelled = "cancelled" // failed in a way no retry can fix (a page that is gone); RetryJob re-queues it
)

// JobStats summarises the work queue that distributes fetching, extraction
// and incident linking across workers: how deep it is, how fast it drains,
// and what fails.
type JobStats struct {
	Queued    int            `json:"queued"`    // available, scheduled or pending: work not started
	Running   int            `json:"running"`   // being worked now
	Completed int            `json:"completed"` // completed in the last hour
	Failed    int            `json:"failed"`    // retryable, discarded or cancelled
	ByKind    map[string]int `json:"by_kind"`   // failures by job kind

	// CompletedLastMinute is the throughput: jobs finished in the last 60 s.
	CompletedLastMinute int `json:"completed_last_minute"`
	// Kinds breaks the queue down by job kind, kinds sorted by name.
	Kinds []JobKindStats `json:"kinds"`
	// RecentFailures are the latest failed jobs with their last error,
	// newest first, so an operator sees why and can retry them.
	RecentFailures []JobFailure `json:"recent_failures"`
	At             time.Time    `json:"at"` // when the figures were read
}

// JobKindStats is the queue depth of one job kind, by state; its
// "completed" count covers the last hour.
type JobKindStats struct {
	Kind                string         `json:"kind"`
	ByState             map[string]int `json:"by_state"`
	CompletedLastMinute int            `json:"completed_last_minute"`
	Failed              int            `json:"failed"`               // retryable, discarded or cancelled
	LastError           string         `json:"last_error,omitempty"` // of the most recent failure
}

// JobFailure is one failed job with its last error.
type JobFailure struct {
	ID       int64     `json:"id"`
	Kind     string    `json:"kind"`
	State    string    `json:"state"` // retryable, discarded or cancelled
	Attempt  int       `json:"attempt"`
	Args     string    `json:"args"` // the job's arguments as JSON, e.g. {"document_id":"…"}
	Error    string    `json:"error"`
	FailedAt time.Time `json:"failed_at"`
}

// JobService reports on and controls the work queue.
type JobService interface {
	JobStats(ctx context.Context) (*JobStats, error)
	// RetryJob re-queues a failed job to run now; ENOTFOUND if there is
	// none with id, ECONFLICT if the job is running.
	RetryJob(ctx context.Context, id int64) error
}
