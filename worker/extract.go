package worker

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/sitrep/sitrep"
)

// extractWorker works extract_document jobs.
type extractWorker struct {
	river.WorkerDefaults[ExtractDocumentArgs]
	env *Env
}

// OtherVersionWait is how long a worker leaves a job that asks for another
// extractor version than its own before the job is offered again: during a
// rolling upgrade, old workers leave the new build's re-extraction to the
// new workers instead of writing old events over new ones.
const OtherVersionWait = 30 * time.Second

// Work extracts the document and replaces its events. The store does the
// replacement in one transaction that first updates the document row, so
// two attempts racing on one document (a rescued job whose first worker is
// still alive) take turns and leave one set of events. Nothing is written
// when the document already carries this worker's version (an attempt died
// after committing) or, for a job that asked for no particular version,
// when any build has extracted it since it was queued. A job that asks for
// another build's version waits for a worker of that build. Linking the
// incidents is queued as a job of its own, so a linking failure never
// re-runs the extraction.
func (w *extractWorker) Work(ctx context.Context, job *river.Job[ExtractDocumentArgs]) error {
	id, want, own := job.Args.DocumentID, job.Args.Version, w.env.Store.ExtractorVersion
	if want != "" && want != own {
		w.env.logger().Info("extraction asks for another build; leaving it", "document", id, "want", want, "own", own)
		return river.JobSnooze(OtherVersionWait)
	}
	version, err := w.env.documentVersion(ctx, id)
	if sitrep.ErrorCode(err) == sitrep.ENOTFOUND {
		return river.JobCancel(err) // deleted since: retrying cannot help
	} else if err != nil {
		return err
	}
	switch {
	case version == own:
		// Done by an earlier attempt; make sure its linking is queued.
	case want == "" && version != PendingVersion:
		return nil // extracted by another build since it was queued
	default:
		if _, err := w.env.Store.ReextractDocument(ctx, id); err != nil {
			if sitrep.ErrorCode(err) == sitrep.ENOTFOUND {
				return river.JobCancel(err)
			}
			return err
		}
	}
	if w.env.Incidents == nil {
		return nil
	}
	_, err = river.ClientFromContext[pgx.Tx](ctx).Insert(ctx, LinkIncidentsArgs{DocumentID: id, Version: own}, nil)
	if err != nil {
		return fmt.Errorf("enqueue linking of %s: %w", id, err)
	}
	return nil
}

// documentVersion returns the extractor version stored with document id;
// ENOTFOUND if there is no such document.
func (e *Env) documentVersion(ctx context.Context, id string) (string, error) {
	var v string
	err := e.Pool.QueryRow(ctx, "SELECT extractor_version FROM documents WHERE id = $1", id).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", sitrep.Errorf(sitrep.ENOTFOUND, "document %q not found", id)
	} else if err != nil {
		return "", fmt.Errorf("read version of document %s: %w", id, err)
	}
	return v, nil
}

// DefaultReextractBatch is how many extraction jobs one reextract job
// enqueues before handing over to the next.
const DefaultReextractBatch = 500

// reextractWorker works reextract jobs.
type reextractWorker struct {
	river.WorkerDefaults[ReextractArgs]
	env *Env
}

// Work queues one batch of extraction jobs for documents not extracted by
// the requested version, in id order after job.Args.After, then queues the
// next batch and completes itself in the same transaction: a batch is
// enqueued once, and a worker dying mid-batch leaves nothing half done.
func (w *reextractWorker) Work(ctx context.Context, job *river.Job[ReextractArgs]) error {
	batch := job.Args.BatchSize
	if batch <= 0 {
		batch = DefaultReextractBatch
	}
	rows, err := w.env.Pool.Query(ctx, `SELECT id FROM documents WHERE extractor_version <> $1 AND id > $2 ORDER BY id LIMIT $3`,
		job.Args.Version, job.Args.After, batch)
	if err != nil {
		return fmt.Errorf("find stale documents: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("find stale documents: %w", err)
	}
	client := river.ClientFromContext[pgx.Tx](ctx)
	return pgx.BeginFunc(ctx, w.env.Pool, func(tx pgx.Tx) error {
		params := make([]river.InsertManyParams, 0, len(ids)+1)
		for _, id := range ids {
			params = append(params, river.InsertManyParams{Args: ExtractDocumentArgs{DocumentID: id, Version: job.Args.Version}})
		}
		if len(ids) == batch {
			next := job.Args
			next.After = ids[len(ids)-1]
			params = append(params, river.InsertManyParams{Args: next})
		}
		if len(params) > 0 {
			if _, err := client.InsertManyTx(ctx, tx, params); err != nil {
				return fmt.Errorf("enqueue extraction batch: %w", err)
			}
		}
		_, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job)
		return err
	})
}

// linkWorker works link_incidents jobs.
type linkWorker struct {
	river.WorkerDefaults[LinkIncidentsArgs]
	env *Env
}

// Work relinks the incidents around the document. Linking rewrites the
// neighbourhood from the stored events under an advisory lock, so running
// it twice gives the same incidents as running it once.
func (w *linkWorker) Work(ctx context.Context, job *river.Job[LinkIncidentsArgs]) error {
	if w.env.Incidents == nil {
		return river.JobCancel(errors.New("this worker has no incident service"))
	}
	return w.env.Incidents.LinkDocument(ctx, job.Args.DocumentID)
}
