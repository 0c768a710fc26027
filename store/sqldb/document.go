package sqldb

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep/sitrep"
)

// ContentHash returns the hex SHA-256 of the document text with white space
// normalised, the key that makes re-ingesting the same article a no-op.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(sitrep.NormalizeText(text)))
	return hex.EncodeToString(sum[:])
}

// IngestDocument validates doc, extracts its events and stores both in one
// transaction. A document with the same id, URL or content hash as a stored
// one is a duplicate: nothing is written and the stored id is returned.
// Returns EINVALID for a document without text or with a bad date. On
// success doc.ID, doc.Hash and doc.Fetched are set.
func (s *Store) IngestDocument(ctx context.Context, doc *sitrep.Document) (*sitrep.IngestResult, error) {
	if err := doc.Validate(); err != nil {
		return nil, err
	}
	if len(doc.ID) > maxIDLen || len(doc.URL) > maxURLLen {
		return nil, sitrep.Errorf(sitrep.EINVALID, "document id longer than %d bytes or url longer than %d", maxIDLen, maxURLLen)
	}
	doc.Hash = ContentHash(doc.Text)
	if doc.ID == "" {
		doc.ID = doc.Hash[:16]
	}
	if doc.Fetched.IsZero() {
		doc.Fetched = time.Now().UTC()
	}
	// Duplicates are common (feeds repeat items), so look before paying for
	// extraction; the insert below still settles races between writers.
	if res, err := s.duplicate(ctx, s.R, doc); err != nil || res != nil {
		return res, err
	}
	events, err := s.extract(doc)
	if err != nil {
		return nil, err
	}
	var res *sitrep.IngestResult
	err = s.write(ctx, func(tx *batchTx) error {
		var id string
		insert, err := tx.prepare(insertDocumentSQL)
		if err != nil {
			return noWrite{fmt.Errorf("prepare insert document: %w", err)}
		}
		err = insert.QueryRowContext(tx.ctx,
			doc.ID, doc.URL, doc.Title, doc.Source, doc.Published, doc.Fetched.UTC().Format(time.RFC3339Nano), doc.Hash, doc.Text, s.ExtractorVersion,
		).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return noWrite{errDuplicate}
		} else if err != nil {
			return noWrite{fmt.Errorf("insert document %s: %w", doc.ID, err)}
		}
		if err := s.insertEvents(tx, doc.ID, events); err != nil {
			return err
		}
		res = &sitrep.IngestResult{DocumentID: doc.ID, Events: len(events)}
		return nil
	})
	if errors.Is(err, errDuplicate) {
		res, err = s.duplicate(ctx, s.R, doc)
		if err == nil && res == nil {
			err = fmt.Errorf("document %s conflicted but no duplicate was found", doc.ID)
		}
	}
	return res, err
}

var errDuplicate = errors.New("duplicate document")

const insertDocumentSQL = `INSERT INTO documents (id, url, title, source, published, fetched, hash, text, extractor_version)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`

// Limits on identifiers, so a client cannot make keys of megabytes.
const (
	maxIDLen  = 256
	maxURLLen = 4096
)

// duplicate returns the result for an already stored document with doc's
// id, URL or hash, or nil if there is none.
func (s *Store) duplicate(ctx context.Context, db *sql.DB, doc *sitrep.Document) (*sitrep.IngestResult, error) {
	var id string
	var n int
	stmt, err := s.prepared(db, `SELECT d.id, (SELECT count(*) FROM events e WHERE e.doc_id = d.id)
		FROM documents d WHERE d.id = ? OR d.hash = ? OR (d.url <> '' AND d.url = ?) LIMIT 1`)
	if err != nil {
		return nil, fmt.Errorf("look up duplicate of %s: %w", doc.ID, err)
	}
	err = stmt.QueryRowContext(ctx, doc.ID, doc.Hash, doc.URL).Scan(&id, &n)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("look up duplicate of %s: %w", doc.ID, err)
	}
	return &sitrep.IngestResult{DocumentID: id, Duplicate: true, Events: n}, nil
}

// extract runs the extractor on doc. A panic in the extractor fails this
// document only: a server or a batch ingest must not die of one odd text.
func (s *Store) extract(doc *sitrep.Document) (events []sitrep.Event, err error) {
	if s.Extractor == nil {
		return nil, nil
	}
	defer func() {
		if r := recover(); r != nil {
			events, err = nil, fmt.Errorf("extract %s: extractor panicked: %v", doc.ID, r)
		}
	}()
	events, err = s.Extractor.Extract(doc)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", doc.ID, err)
	}
	return events, nil
}

func (s *Store) insertEvents(tx *batchTx, docID string, events []sitrep.Event) error {
	if len(events) == 0 {
		return nil
	}
	stmt, err := tx.prepare(insertEventSQL)
	if err != nil {
		return fmt.Errorf("prepare insert event: %w", err)
	}
	for i := range events {
		e := &events[i]
		e.DocID = docID
		if err := stmt.QueryRowContext(tx.ctx, eventValues(e)...).Scan(&e.ID); err != nil {
			return fmt.Errorf("insert event %d of %s: %w", i, docID, err)
		}
	}
	return nil
}

// FindDocumentByID returns ENOTFOUND if the document does not exist.
func (s *Store) FindDocumentByID(ctx context.Context, id string) (*sitrep.Document, error) {
	d, _, err := s.findDocument(ctx, id)
	return d, err
}

func (s *Store) findDocument(ctx context.Context, id string) (*sitrep.Document, string, error) {
	var d sitrep.Document
	var fetched, version string
	err := s.R.QueryRowContext(ctx, s.q(`SELECT id, url, title, source, published, fetched, hash, text, extractor_version
		FROM documents WHERE id = ?`), id).Scan(&d.ID, &d.URL, &d.Title, &d.Source, &d.Published, &fetched, &d.Hash, &d.Text, &version)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", sitrep.Errorf(sitrep.ENOTFOUND, "document %q not found", id)
	} else if err != nil {
		return nil, "", fmt.Errorf("find document %s: %w", id, err)
	}
	d.Fetched, _ = time.Parse(time.RFC3339Nano, fetched)
	return &d, version, nil
}

// FindStoredDocument returns the document with its extractor version and
// its events in document order. ENOTFOUND if there is none.
func (s *Store) FindStoredDocument(ctx context.Context, id string) (*sitrep.StoredDocument, error) {
	d, version, err := s.findDocument(ctx, id)
	if err != nil {
		return nil, err
	}
	rows, err := s.R.QueryContext(ctx, s.q("SELECT "+selectEventCols+" FROM events WHERE doc_id = ? ORDER BY id"), id)
	if err != nil {
		return nil, fmt.Errorf("find events of %s: %w", id, err)
	}
	events, err := scanEvents(rows)
	if err != nil {
		return nil, err
	}
	if events == nil {
		events = []*sitrep.Event{}
	}
	return &sitrep.StoredDocument{Document: d, ExtractorVersion: version, Events: events}, nil
}

// StaleDocumentIDs lists the documents whose events came from another
// extractor version than s.ExtractorVersion, oldest first.
func (s *Store) StaleDocumentIDs(ctx context.Context) ([]string, error) {
	rows, err := s.R.QueryContext(ctx, s.q("SELECT id FROM documents WHERE extractor_version <> ? ORDER BY fetched, id"), s.ExtractorVersion)
	if err != nil {
		return nil, fmt.Errorf("find stale documents: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// ReextractDocument runs the current extractor on the stored text of
// document id and replaces its events in one transaction, so readers see
// either the old set or the new one. ENOTFOUND if there is no such document.
func (s *Store) ReextractDocument(ctx context.Context, id string) (*sitrep.IngestResult, error) {
	doc, _, err := s.findDocument(ctx, id)
	if err != nil {
		return nil, err
	}
	events, err := s.extract(doc)
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, func(tx *batchTx) error {
		res, err := tx.ExecContext(tx.ctx, s.q("UPDATE documents SET extractor_version = ? WHERE id = ?"), s.ExtractorVersion, id)
		if err != nil {
			return noWrite{fmt.Errorf("update document %s: %w", id, err)}
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return noWrite{sitrep.Errorf(sitrep.ENOTFOUND, "document %q not found", id)}
		}
		if _, err := tx.ExecContext(tx.ctx, s.q("DELETE FROM events WHERE doc_id = ?"), id); err != nil {
			return fmt.Errorf("delete events of %s: %w", id, err)
		}
		return s.insertEvents(tx, id, events)
	})
	if err != nil {
		return nil, err
	}
	return &sitrep.IngestResult{DocumentID: id, Events: len(events)}, nil
}

// CountDocuments returns the number of stored documents.
func (s *Store) CountDocuments(ctx context.Context) (int, error) {
	var n int
	if err := s.R.QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&n); err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, nil
}
