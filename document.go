package sitrep

import (
	"context"
	"strings"
	"time"
)

// Document is one article as sitrep read it. Text is the plain text that
// extraction ran on; every evidence offset of the document's events points
// into it.
type Document struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"`    // outlet or feed that published it
	Published string    `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339; "" when unknown
	Fetched   time.Time `json:"fetched,omitempty"`
	Hash      string    `json:"hash,omitempty"` // hex SHA-256 of the normalised text, for dedup
	Text      string    `json:"text"`
}

// PublishedTime parses Published. It reports ok=false when Published is
// empty, and an EINVALID error when it is present but not a date.
func (d *Document) PublishedTime() (t time.Time, ok bool, err error) {
	return ParseDate(d.Published)
}

// ParseDate parses a publication date given as YYYY-MM-DD or RFC 3339.
// An empty string gives ok=false and no error.
func ParseDate(s string) (t time.Time, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false, nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true, nil
		}
	}
	return time.Time{}, false, Errorf(EINVALID, "invalid date %q: want YYYY-MM-DD or RFC 3339", s)
}

// Validate returns an EINVALID error if the document cannot be processed.
func (d *Document) Validate() error {
	if strings.TrimSpace(d.Text) == "" {
		return Errorf(EINVALID, "document %q has no text", d.ID)
	}
	if _, _, err := d.PublishedTime(); err != nil {
		return err
	}
	return nil
}

// IngestResult says what happened to one submitted document.
type IngestResult struct {
	DocumentID string `json:"document_id"`
	Duplicate  bool   `json:"duplicate"` // same URL or same content was already stored
	Events     int    `json:"events"`
}

// DocumentService stores documents together with the events extracted from
// them. Ingest is idempotent: the same URL or the same content twice gives
// one document and one set of events.
type DocumentService interface {
	// IngestDocument validates doc, extracts its events and stores both in
	// one transaction. Returns EINVALID for a document without text or with a
	// bad date.
	IngestDocument(ctx context.Context, doc *Document) (*IngestResult, error)

	// FindDocumentByID returns ENOTFOUND if the document does not exist.
	FindDocumentByID(ctx context.Context, id string) (*Document, error)
}
