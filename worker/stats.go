package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"github.com/sitrep/sitrep"
)

// Jobs implements sitrep.JobService over River's job table: what GET
// /api/jobs shows and POST /api/jobs/{id}/retry does.
type Jobs struct {
	Pool   *pgxpool.Pool
	Client *river.Client[pgx.Tx] // a Queue's client is enough
	Now    func() time.Time
}

var _ sitrep.JobService = (*Jobs)(nil)

// recentFailures bounds JobStats.RecentFailures.
const recentFailures = 20

// JobStats counts the jobs waiting, running and failed by kind and state,
// the jobs completed in the last hour and minute, and the latest failures
// with their last error. Both counting queries go through River's indexes
// on state: the completed jobs River keeps for a day (millions on a busy
// deployment) are never scanned in full.
func (j *Jobs) JobStats(ctx context.Context) (*sitrep.JobStats, error) {
	now := time.Now()
	if j.Now != nil {
		now = j.Now()
	}
	st := &sitrep.JobStats{ByKind: map[string]int{}, Kinds: []sitrep.JobKindStats{}, RecentFailures: []sitrep.JobFailure{}, At: now.UTC()}
	kinds := map[string]*sitrep.JobKindStats{}
	kindOf := func(kind string) *sitrep.JobKindStats {
		k := kinds[kind]
		if k == nil {
			k = &sitrep.JobKindStats{Kind: kind, ByState: map[string]int{}}
			kinds[kind] = k
		}
		return k
	}
	rows, err := j.Pool.Query(ctx, `SELECT kind, state::text, count(*) FROM river_job
		WHERE state IN ('available', 'scheduled', 'pending', 'running', 'retryable', 'discarded', 'cancelled')
		GROUP BY kind, state`)
	if err != nil {
		return nil, fmt.Errorf("count jobs: %w", err)
	}
	for rows.Next() {
		var kind, state string
		var n int
		if err := rows.Scan(&kind, &state, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("count jobs: %w", err)
		}
		k := kindOf(kind)
		k.ByState[state] += n
		switch state {
		case sitrep.JobAvailable, sitrep.JobScheduled, sitrep.JobPending:
			st.Queued += n
		case sitrep.JobRunning:
			st.Running += n
		default: // retryable, discarded, cancelled
			st.Failed += n
			k.Failed += n
			st.ByKind[kind] += n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count jobs: %w", err)
	}
	rows, err = j.Pool.Query(ctx, `SELECT kind, count(*), count(*) FILTER (WHERE finalized_at >= $2) FROM river_job
		WHERE state = 'completed' AND finalized_at >= $1 GROUP BY kind`, now.Add(-time.Hour), now.Add(-time.Minute))
	if err != nil {
		return nil, fmt.Errorf("count completed jobs: %w", err)
	}
	for rows.Next() {
		var kind string
		var hour, minute int
		if err := rows.Scan(&kind, &hour, &minute); err != nil {
			rows.Close()
			return nil, fmt.Errorf("count completed jobs: %w", err)
		}
		k := kindOf(kind)
		k.ByState[sitrep.JobCompleted] = hour
		k.CompletedLastMinute = minute
		st.Completed += hour
		st.CompletedLastMinute += minute
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count completed jobs: %w", err)
	}
	if st.RecentFailures, err = j.failures(ctx); err != nil {
		return nil, err
	}
	for _, f := range st.RecentFailures {
		if k := kinds[f.Kind]; k != nil && k.LastError == "" {
			k.LastError = f.Error
		}
	}
	for _, k := range kinds {
		st.Kinds = append(st.Kinds, *k)
	}
	sort.Slice(st.Kinds, func(a, b int) bool { return st.Kinds[a].Kind < st.Kinds[b].Kind })
	return st, nil
}

// failures returns the latest failed jobs, newest first, each with the
// error of its last attempt.
func (j *Jobs) failures(ctx context.Context) ([]sitrep.JobFailure, error) {
	rows, err := j.Pool.Query(ctx, `SELECT id, kind, state::text, attempt, args::text, errors[array_length(errors, 1)]
		FROM river_job WHERE state IN ('retryable', 'discarded', 'cancelled') AND errors IS NOT NULL
		ORDER BY COALESCE(finalized_at, attempted_at, created_at) DESC, id DESC LIMIT $1`, recentFailures)
	if err != nil {
		return nil, fmt.Errorf("find failed jobs: %w", err)
	}
	defer rows.Close()
	out := []sitrep.JobFailure{}
	for rows.Next() {
		var f sitrep.JobFailure
		var last []byte
		if err := rows.Scan(&f.ID, &f.Kind, &f.State, &f.Attempt, &f.Args, &last); err != nil {
			return nil, fmt.Errorf("find failed jobs: %w", err)
		}
		var ae rivertype.AttemptError
		if len(last) > 0 && json.Unmarshal(last, &ae) == nil {
			f.Error, f.FailedAt = ae.Error, ae.At
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// RetryJob makes a failed job available now, keeping its error history.
// ENOTFOUND if there is no job with id; ECONFLICT if it is running; a job
// that is waiting is left as it is.
func (j *Jobs) RetryJob(ctx context.Context, id int64) error {
	row, err := j.Client.JobGet(ctx, id)
	if errors.Is(err, river.ErrNotFound) {
		return sitrep.Errorf(sitrep.ENOTFOUND, "job %d not found", id)
	} else if err != nil {
		return fmt.Errorf("find job %d: %w", id, err)
	}
	if row.State == rivertype.JobStateRunning {
		return sitrep.Errorf(sitrep.ECONFLICT, "job %d is running", id)
	}
	if _, err := j.Client.JobRetry(ctx, id); errors.Is(err, river.ErrNotFound) {
		return sitrep.Errorf(sitrep.ENOTFOUND, "job %d not found", id)
	} else if err != nil {
		return fmt.Errorf("retry job %d: %w", id, err)
	}
	return nil
}
