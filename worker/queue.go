package worker

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store/sqldb"
)

// PendingVersion is the extractor version of a document that is stored but
// not extracted yet: its extraction job is queued. Any other version marks
// it stale, so a reextract job finds it too if its job was lost.
const PendingVersion = ""

// Queue enqueues jobs. It runs no workers, so any process can hold one:
// `sitrep serve`, `sitrep watch`, `sitrep enqueue`.
type Queue struct {
	Client *river.Client[pgx.Tx]
	// Version is the extractor version a re-extraction asks for, normally
	// the enqueuing binary's; new documents are extracted by any worker.
	Version string
}

// NewQueue returns a Queue on pool. River's tables must exist (Migrate).
func NewQueue(pool *pgxpool.Pool, version string) (*Queue, error) {
	c, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		return nil, fmt.Errorf("river client: %w", err)
	}
	return &Queue{Client: c, Version: version}, nil
}

// EnqueueExtract queues the extraction of newly stored documents, by
// whichever worker is free. Documents that already have a waiting or
// running job are skipped by River.
func (q *Queue) EnqueueExtract(ctx context.Context, docIDs ...string) error {
	if len(docIDs) == 0 {
		return nil
	}
	params := make([]river.InsertManyParams, len(docIDs))
	for i, id := range docIDs {
		params[i] = river.InsertManyParams{Args: ExtractDocumentArgs{DocumentID: id}}
	}
	if _, err := q.Client.InsertMany(ctx, params); err != nil {
		return fmt.Errorf("enqueue extraction of %d document(s): %w", len(docIDs), err)
	}
	return nil
}

// EnqueueReextract queues the bulk re-extraction of every document not
// extracted by q.Version. It reports false when one is already queued.
func (q *Queue) EnqueueReextract(ctx context.Context) (bool, error) {
	res, err := q.Client.Insert(ctx, ReextractArgs{Version: q.Version}, nil)
	if err != nil {
		return false, fmt.Errorf("enqueue re-extraction: %w", err)
	}
	return !res.UniqueSkippedAsDuplicate, nil
}

// EnqueueFetchPage queues the fetching of article pages.
func (q *Queue) EnqueueFetchPage(ctx context.Context, urls ...string) error {
	for _, u := range urls {
		if _, err := q.Client.Insert(ctx, FetchPageArgs{URL: u}, nil); err != nil {
			return fmt.Errorf("enqueue fetch of %s: %w", u, err)
		}
	}
	return nil
}

// Ingester is the DocumentService of a deployment with workers: it stores
// a document without extracting it and queues its extraction, so ingest
// costs a row and a job whatever the extraction engine costs. Duplicates
// are detected as by the store (same id, URL or content).
type Ingester struct {
	store *sqldb.Store
	queue *Queue
}

var _ sitrep.DocumentService = (*Ingester)(nil)

// NewIngester returns an Ingester writing through store's database.
func NewIngester(store *sqldb.Store, q *Queue) *Ingester {
	pending := &sqldb.Store{W: store.W, R: store.R, Dialect: store.Dialect, ExtractorVersion: PendingVersion}
	return &Ingester{store: pending, queue: q}
}

// IngestDocument stores doc with no events and queues its extraction. A
// duplicate of a document still waiting for extraction is queued again (a
// no-op if its job is there), so a job lost between the two steps is
// recovered by ingesting again. Returns EINVALID as the store does.
func (g *Ingester) IngestDocument(ctx context.Context, doc *sitrep.Document) (*sitrep.IngestResult, error) {
	res, err := g.store.IngestDocument(ctx, doc)
	if err != nil {
		return nil, err
	}
	if res.Duplicate {
		var version string
		err := g.store.R.QueryRowContext(ctx, "SELECT extractor_version FROM documents WHERE id = $1", res.DocumentID).Scan(&version)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && version != PendingVersion) {
			return res, nil
		} else if err != nil {
			return nil, fmt.Errorf("read version of %s: %w", res.DocumentID, err)
		}
	}
	if err := g.queue.EnqueueExtract(ctx, res.DocumentID); err != nil {
		return nil, fmt.Errorf("document %s stored, but %w", res.DocumentID, err)
	}
	return res, nil
}

// FindDocumentByID returns ENOTFOUND if the document does not exist.
func (g *Ingester) FindDocumentByID(ctx context.Context, id string) (*sitrep.Document, error) {
	return g.store.FindDocumentByID(ctx, id)
}

// QueueingStore is a DocumentStore whose ingest goes through an Ingester:
// documents are stored at once and extracted by the workers, while reads
// and re-extraction go to the wrapped store. `sitrep serve` uses it with
// SITREP_INGEST=queue so that POST /api/documents answers without waiting
// for the engine.
type QueueingStore struct {
	sitrep.DocumentStore
	Ingester *Ingester
}

var _ sitrep.DocumentStore = (*QueueingStore)(nil)

// IngestDocument stores doc and queues its extraction; the result reports
// no events yet.
func (s *QueueingStore) IngestDocument(ctx context.Context, doc *sitrep.Document) (*sitrep.IngestResult, error) {
	return s.Ingester.IngestDocument(ctx, doc)
}
