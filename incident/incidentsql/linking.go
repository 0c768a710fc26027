package incidentsql

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/sitrep/sitrep"
)

// LinkingStore wraps a document store so that every ingest and
// re-extraction also updates the incidents, in a transaction right after
// the document's. Documents ingested at once by parallel callers are
// linked together in one transaction (see linkBatch). Hand it to whatever ingests (the HTTP server, the
// CLI) in place of the bare store.
type LinkingStore struct {
	sitrep.DocumentStore
	Incidents *Service

	batch linkBatch
	// inCommit says documents are linked in their ingest commit (see
	// LinkInCommit); marks says which were.
	inCommit bool
	marks    linkedMarks
	// linkedInCommit counts the ingests linked in their commit.
	linkedInCommit atomic.Int64
}

var _ sitrep.DocumentStore = (*LinkingStore)(nil)

// IngestDocument ingests doc and links its events into incidents. A
// duplicate is not linked again. If linking fails the document stays
// stored and the error says so; LinkDocument or Rebuild can be rerun.
func (s *LinkingStore) IngestDocument(ctx context.Context, doc *sitrep.Document) (*sitrep.IngestResult, error) {
	res, err := s.DocumentStore.IngestDocument(ctx, doc)
	if err != nil || res.Duplicate {
		return res, err
	}
	if s.inCommit && s.marks.take(res.DocumentID) {
		s.linkedInCommit.Add(1)
		return res, nil
	}
	if err := s.batch.link(ctx, s.Incidents, res.DocumentID); err != nil {
		return res, fmt.Errorf("document %s stored, but linking its incidents failed: %w", res.DocumentID, err)
	}
	return res, nil
}

// ReextractDocument re-extracts document id and relinks its incidents.
func (s *LinkingStore) ReextractDocument(ctx context.Context, id string) (*sitrep.IngestResult, error) {
	res, err := s.DocumentStore.ReextractDocument(ctx, id)
	if err != nil {
		return res, err
	}
	if err := s.batch.link(ctx, s.Incidents, id); err != nil {
		return res, fmt.Errorf("document %s re-extracted, but relinking its incidents failed: %w", id, err)
	}
	return res, nil
}
