package worker

import (
	"context"
	"errors"
	"fmt"

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

// Work extracts the document and replaces its events. The store does the
// replacement in one transaction that first updates the document row, so
// two attempts racing on one document (a rescued job whose first worker is
// still alive) take turns and leave one set of events. A document that
// already carries this worker's version was done by an attempt that died
// after committing: nothing is written again. Linking its incidents is
// queued as a job of its own, so a linking failure never re-runs the
// extraction.
func (w *extractWorker) Work(ctx context.Context, job *river.Job[ExtractDocumentArgs]) error {
	id := job.Args.DocumentID
	version, err := w.env.documentVersion(ctx, id)
	if sitrep.ErrorCode(err) == sitrep.ENOTFOUND {
		return river.JobCancel(err) // deleted since: retrying cannot help
	} else if err != nil {
		return err
	}
	if version != w.env.Store.ExtractorVersion {
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
	_, err = river.ClientFromContext[pgx.Tx](ctx).Insert(ctx, LinkIncidentsArgs{DocumentID: id, Version: w.env.Store.ExtractorVersion}, nil)
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
