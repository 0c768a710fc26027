package worker

import (
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// Job kinds, as GET /api/jobs reports them.
const (
	KindExtractDocument = "extract_document"
	KindReextract       = "reextract"
	KindLinkIncidents   = "link_incidents"
	KindFetchFeed       = "fetch_feed"
	KindFetchPage       = "fetch_page"
)

// QueueIncidents is the queue of link_incidents jobs. Linking takes one
// advisory lock for the whole database, so each process works one linking
// job at a time there: a dozen linking jobs waiting on the lock would
// otherwise fill every worker slot and starve extraction.
const QueueIncidents = "incidents"

// uniqueStates are the states in which a job blocks an identical one from
// being enqueued: everything but completed, discarded and cancelled, so the
// same work can be asked for again once it is done (a re-extraction after
// a lexicon change, a retry by hand).
var uniqueStates = []rivertype.JobState{
	rivertype.JobStateAvailable,
	rivertype.JobStatePending,
	rivertype.JobStateRetryable,
	rivertype.JobStateRunning,
	rivertype.JobStateScheduled,
}

// ExtractDocumentArgs asks for the events of one stored document. Version
// is empty for a newly stored document, which any worker may extract; a
// re-extraction names the extractor version it wants, so that only workers
// of that build take it and it is not mistaken for a duplicate of an older
// build's job.
type ExtractDocumentArgs struct {
	DocumentID string `json:"document_id"`
	Version    string `json:"version"`
}

// Kind implements river.JobArgs.
func (ExtractDocumentArgs) Kind() string { return KindExtractDocument }

// InsertOpts makes the job unique by its arguments while it is waiting or
// running.
func (ExtractDocumentArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: uniqueStates}}
}

// ReextractArgs asks for every document not extracted by Version to be
// queued for extraction, in batches of BatchSize document ids greater than
// After.
type ReextractArgs struct {
	Version   string `json:"version"`
	After     string `json:"after,omitempty"`
	BatchSize int    `json:"batch_size,omitempty"`
}

// Kind implements river.JobArgs.
func (ReextractArgs) Kind() string { return KindReextract }

// InsertOpts makes the job unique by its arguments while it is waiting or
// running.
func (ReextractArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: uniqueStates}}
}

// LinkIncidentsArgs asks for the incidents around one document to be
// relinked after its events changed.
type LinkIncidentsArgs struct {
	DocumentID string `json:"document_id"`
	Version    string `json:"version"`
}

// Kind implements river.JobArgs.
func (LinkIncidentsArgs) Kind() string { return KindLinkIncidents }

// InsertOpts puts the job on QueueIncidents, unique by its arguments while
// it is waiting or running.
func (LinkIncidentsArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueIncidents, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: uniqueStates}}
}

// FetchFeedArgs asks for one feed to be polled.
type FetchFeedArgs struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
}

// Kind implements river.JobArgs.
func (FetchFeedArgs) Kind() string { return KindFetchFeed }

// InsertOpts makes the job unique by feed URL while it is waiting or
// running: two schedulers asking for the same feed at once give one poll.
func (FetchFeedArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: uniqueStates}}
}

// feedUniquePeriod returns the insert options of a scheduled poll: unique
// by feed URL and by interval-long period, so however many schedulers run,
// a feed is polled at most once per period.
func feedUniquePeriod(interval time.Duration) *river.InsertOpts {
	return &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByPeriod: interval}}
}

// FetchPageArgs asks for one article URL to be fetched, stored and queued
// for extraction.
type FetchPageArgs struct {
	URL string `json:"url"`
}

// Kind implements river.JobArgs.
func (FetchPageArgs) Kind() string { return KindFetchPage }

// InsertOpts makes the job unique by URL while it is waiting or running.
func (FetchPageArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: uniqueStates}}
}
