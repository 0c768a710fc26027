// Package worker spreads sitrep's work over many processes that share one
// PostgreSQL database, on River (github.com/riverqueue/river), a job queue
// kept in PostgreSQL tables and claimed with FOR UPDATE SKIP LOCKED. sitrep
// adds no queue protocol of its own: it defines job kinds and what they do.
//
// Job kinds:
//
//   - extract_document: extract the events of a stored document and replace
//     its events in one transaction (the document row is written first, by
//     whoever ingested it, with no extractor version);
//   - reextract: after an engine or lexicon change, enqueue one
//     extract_document job per document extracted by another version, in
//     batches, each batch enqueueing the next;
//   - link_incidents: relink the incidents around one document;
//   - fetch_feed: poll one feed; its new articles are stored and queued
//     for extraction;
//   - fetch_page: fetch one article URL, store it and queue its extraction.
//
// Exactly-once effect. River runs a job at least once: a worker killed
// mid-job leaves the job "running" until River's rescuer hands it to
// another worker. Every job is therefore idempotent: extraction replaces
// the document's events and sets its extractor version in one transaction
// that first locks the document row, and is skipped when the document
// already carries the worker's version; linking rewrites a neighbourhood
// under an advisory lock. Jobs are unique by their arguments, so enqueueing
// the same work twice keeps one job, and the periodic fetch_feed jobs are
// inserted by River's elected leader only and unique per feed and period,
// so a feed is never polled twice at once.
//
// SQLite deployments do not use this package: they extract in-process.
package worker
