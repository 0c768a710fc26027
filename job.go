package sitrep

import "context"

// JobStats summarises the work queue that distributes fetching, extraction
// and incident linking across workers.
type JobStats struct {
	Queued    int            `json:"queued"`
	Running   int            `json:"running"`
	Completed int            `json:"completed"`
	Failed    int            `json:"failed"`
	ByKind    map[string]int `json:"by_kind,omitempty"` // failures by job kind
}

// JobService reports on and controls the work queue.
type JobService interface {
	JobStats(ctx context.Context) (*JobStats, error)
	// RetryJob re-queues a failed job; ENOTFOUND if there is none with id.
	RetryJob(ctx context.Context, id int64) error
}
