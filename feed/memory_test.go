package feed

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"sync"

	"github.com/sitrep/sitrep"
)

// memFeeds is an in-memory FeedService. A test "restarts" the watcher by
// building a new Watcher and Client around the same memFeeds, as a real
// restart reopens the same database.
type memFeeds struct {
	mu    sync.Mutex
	feeds map[string]sitrep.Feed
	items map[[2]string]sitrep.FeedItem
}

var _ sitrep.FeedService = (*memFeeds)(nil)

func newMemFeeds() *memFeeds {
	return &memFeeds{feeds: map[string]sitrep.Feed{}, items: map[[2]string]sitrep.FeedItem{}}
}

func (m *memFeeds) FindFeeds(ctx context.Context) ([]*sitrep.Feed, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*sitrep.Feed
	for _, f := range m.feeds {
		f := f
		out = append(out, &f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}

func (m *memFeeds) FindFeedByURL(ctx context.Context, url string) (*sitrep.Feed, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.feeds[url]
	if !ok {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, "feed %q not found", url)
	}
	return &f, nil
}

func (m *memFeeds) UpsertFeed(ctx context.Context, f *sitrep.Feed) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feeds[f.URL] = *f
	return nil
}

func (m *memFeeds) FindFeedItem(ctx context.Context, feedURL, key string) (*sitrep.FeedItem, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	it, ok := m.items[[2]string{feedURL, key}]
	if !ok {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, "item not found")
	}
	return &it, nil
}

func (m *memFeeds) CreateFeedItem(ctx context.Context, it *sitrep.FeedItem) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items[[2]string{it.FeedURL, it.Key}] = *it
	return nil
}

func (m *memFeeds) FindFeedItemsByDocument(ctx context.Context, docID string) ([]*sitrep.FeedItem, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*sitrep.FeedItem
	for _, it := range m.items {
		if it.DocumentID == docID {
			it := it
			out = append(out, &it)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].FeedURL < out[j].FeedURL })
	return out, nil
}

// memDocs is a DocumentService that dedups by ID and by text hash, as the
// store does, and counts ingest calls.
type memDocs struct {
	mu      sync.Mutex
	docs    map[string]*sitrep.Document
	hashes  map[string]string
	ingests int
}

var _ sitrep.DocumentService = (*memDocs)(nil)

func newMemDocs() *memDocs {
	return &memDocs{docs: map[string]*sitrep.Document{}, hashes: map[string]string{}}
}

func (m *memDocs) IngestDocument(ctx context.Context, d *sitrep.Document) (*sitrep.IngestResult, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ingests++
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(d.Text), " ")))
	h := hex.EncodeToString(sum[:])
	if _, ok := m.docs[d.ID]; ok {
		return &sitrep.IngestResult{DocumentID: d.ID, Duplicate: true}, nil
	}
	if id, ok := m.hashes[h]; ok {
		return &sitrep.IngestResult{DocumentID: id, Duplicate: true}, nil
	}
	c := *d
	c.Hash = h
	m.docs[d.ID], m.hashes[h] = &c, d.ID
	return &sitrep.IngestResult{DocumentID: d.ID}, nil
}

func (m *memDocs) FindDocumentByID(ctx context.Context, id string) (*sitrep.Document, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	if !ok {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, "document %q not found", id)
	}
	return d, nil
}

func (m *memDocs) byURLSuffix(suffix string) *sitrep.Document {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, d := range m.docs {
		if strings.HasSuffix(d.URL, suffix) {
			return d
		}
	}
	return nil
}
