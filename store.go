package sitrep

import (
	"context"
	"sort"
	"strings"
	"time"
)

// MaxEventLimit is the largest page FindEvents returns; larger requests are
// capped so one query can never pin the database.
const MaxEventLimit = 1000

// DefaultEventLimit is the page size when EventFilter.Limit is zero.
const DefaultEventLimit = 100

// Sort orders for EventFilter.Sort. Ties are broken by event id in the same
// direction, which keeps cursor pagination stable while events are inserted.
const (
	SortDateDesc       = "-event_date" // default: newest first
	SortDateAsc        = "event_date"
	SortFatalitiesDesc = "-fatalities"
	SortFatalitiesAsc  = "fatalities"
)

// BBox is a longitude/latitude rectangle, as GeoJSON orders coordinates.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Validate returns EINVALID for coordinates outside the globe or a box whose
// minimum exceeds its maximum.
func (b *BBox) Validate() error {
	switch {
	case b.MinLon < -180 || b.MaxLon > 180 || b.MinLat < -90 || b.MaxLat > 90:
		return Errorf(EINVALID, "bbox %v,%v,%v,%v is outside -180..180, -90..90", b.MinLon, b.MinLat, b.MaxLon, b.MaxLat)
	case b.MinLon > b.MaxLon || b.MinLat > b.MaxLat:
		return Errorf(EINVALID, "bbox must be minLon,minLat,maxLon,maxLat")
	}
	return nil
}

// EventFilter selects events. Nil fields are unset: a nil Modality means
// every modality, so planned and threatened events stay visible unless the
// caller asks for occurred ones only.
type EventFilter struct {
	From         *string   // first event_date, YYYY-MM-DD, inclusive
	To           *string   // last event_date, YYYY-MM-DD, inclusive
	EventType    *string   // exact
	SubEventType *string   // exact
	Actor        *string   // case-insensitive substring of actor1, actor2 or the associated actors
	Country      *string   // exact, case-insensitive
	Admin1       *string   // exact, case-insensitive
	BBox         *BBox     // events without coordinates never match
	Modality     *Modality // exact
	Q            *string   // free text over the evidence sentence; every word must match
	DocID        *string

	Sort   string // one of the Sort* constants; "" is SortDateDesc
	Cursor string // opaque, from the previous page
	Limit  int    // 0 is DefaultEventLimit; capped at MaxEventLimit
}

// Validate returns EINVALID for malformed dates, sort orders, boxes or
// modalities, naming the offending value.
func (f *EventFilter) Validate() error {
	for _, d := range []*string{f.From, f.To} {
		if d == nil {
			continue
		}
		if _, err := time.Parse("2006-01-02", *d); err != nil {
			return Errorf(EINVALID, "invalid date %q: want YYYY-MM-DD", *d)
		}
	}
	switch f.Sort {
	case "", SortDateDesc, SortDateAsc, SortFatalitiesDesc, SortFatalitiesAsc:
	default:
		return Errorf(EINVALID, "invalid sort %q: want event_date, -event_date, fatalities or -fatalities", f.Sort)
	}
	if f.BBox != nil {
		if err := f.BBox.Validate(); err != nil {
			return err
		}
	}
	if f.Modality != nil && !ValidModality(*f.Modality) {
		return Errorf(EINVALID, "invalid modality %q", *f.Modality)
	}
	if f.Limit < 0 {
		return Errorf(EINVALID, "invalid limit %d", f.Limit)
	}
	return nil
}

// PageLimit returns the page size the filter asks for, defaulted and capped.
func (f *EventFilter) PageLimit() int {
	switch {
	case f.Limit <= 0:
		return DefaultEventLimit
	case f.Limit > MaxEventLimit:
		return MaxEventLimit
	}
	return f.Limit
}

// ValidModality reports whether m is one of the Modality constants.
func ValidModality(m Modality) bool {
	switch m {
	case ModalityOccurred, ModalityPlanned, ModalityThreatened, ModalityDenied, ModalityCumulative, ModalityReported:
		return true
	}
	return false
}

// EventPage is one page of FindEvents.
type EventPage struct {
	Events     []*Event `json:"events"`
	NextCursor string   `json:"next_cursor"` // "" on the last page
	Total      int      `json:"total"`       // all matches, across pages
}

// EventSource is what an export row needs to know about the document an
// event came from.
type EventSource struct {
	URL       string
	Title     string
	Source    string
	Published string
	Fetched   time.Time
}

// EventService reads stored events. Results of FindEvents and EventStats
// may be served from a cache shared between callers: treat them as
// read-only.
type EventService interface {
	// FindEvents returns one page of events matching filter. EINVALID for a
	// bad filter or a cursor that does not belong to this sort order.
	FindEvents(ctx context.Context, filter EventFilter) (*EventPage, error)

	// FindEventByID returns ENOTFOUND if there is no event with id.
	FindEventByID(ctx context.Context, id int64) (*Event, error)

	// ScanEvents calls fn for every event matching filter, in filter's sort
	// order, ignoring Cursor and Limit. Rows are read one at a time so
	// exports never hold the result set in memory; an error from fn stops
	// the scan and is returned.
	ScanEvents(ctx context.Context, filter EventFilter, fn func(*Event, *EventSource) error) error
}

// StoredDocument is a document with what the store knows about it.
type StoredDocument struct {
	Document         *Document `json:"document"`
	ExtractorVersion string    `json:"extractor_version"`
	Events           []*Event  `json:"events"`
}

// DocumentStore is the DocumentService of a storage backend: besides
// ingesting it returns documents with their events, and re-runs extraction
// on stored documents after an engine upgrade.
type DocumentStore interface {
	DocumentService

	// FindStoredDocument returns the document, the version of the extractor
	// that produced its events, and the events. ENOTFOUND if there is none.
	FindStoredDocument(ctx context.Context, id string) (*StoredDocument, error)

	// StaleDocumentIDs lists documents extracted by another version than the
	// store's current extractor.
	StaleDocumentIDs(ctx context.Context) ([]string, error)

	// ReextractDocument extracts the stored text of document id again and
	// replaces its events in one transaction. ENOTFOUND if there is none.
	ReextractDocument(ctx context.Context, id string) (*IngestResult, error)
}

// Count is one bucket of EventStats. Fatalities sums only the events
// reported as having happened (modality occurred or reported).
type Count struct {
	Key        string `json:"key"`
	Count      int    `json:"count"`
	Fatalities int    `json:"fatalities"`
}

// EventStats summarises the events matching a filter for the dashboard.
type EventStats struct {
	Total       int     `json:"total"`
	Fatalities  int     `json:"fatalities"`
	ByEventType []Count `json:"by_event_type"`
	ByCountry   []Count `json:"by_country"`
	ByModality  []Count `json:"by_modality"`
	ByDay       []Count `json:"by_day"`
	ByWeek      []Count `json:"by_week"`
	ByDayType   []Count `json:"by_day_type"` // keys "YYYY-MM-DD|event type", ascending
}

// StatsService aggregates events.
type StatsService interface {
	// EventStats ignores the filter's Sort, Cursor and Limit.
	EventStats(ctx context.Context, filter EventFilter) (*EventStats, error)
}

// SortCounts orders buckets largest first, then by key, so charts are
// stable between calls.
func SortCounts(c []Count) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].Count != c[j].Count {
			return c[i].Count > c[j].Count
		}
		return c[i].Key < c[j].Key
	})
}

// WeeklyCounts folds daily buckets (key YYYY-MM-DD) into ISO weeks keyed by
// their Monday, ascending. Computing weeks from days keeps both storage
// backends in agreement without dialect-specific date arithmetic.
func WeeklyCounts(days []Count) []Count {
	idx := map[string]int{}
	weeks := []Count{}
	for _, d := range days {
		t, err := time.Parse("2006-01-02", d.Key)
		if err != nil {
			continue
		}
		monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format("2006-01-02")
		i, ok := idx[monday]
		if !ok {
			i = len(weeks)
			idx[monday] = i
			weeks = append(weeks, Count{Key: monday})
		}
		weeks[i].Count += d.Count
		weeks[i].Fatalities += d.Fatalities
	}
	sort.Slice(weeks, func(i, j int) bool { return weeks[i].Key < weeks[j].Key })
	return weeks
}

// NormalizeText collapses runs of white space so that the same article
// fetched twice with different line wrapping hashes the same.
func NormalizeText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
