-- +goose Up
-- Feeds polled by the watcher (package feed) and their health. Times are
-- RFC 3339 text in UTC, '' when unset, as documents.fetched.
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_fetch    TEXT NOT NULL DEFAULT '',
	last_success  TEXT NOT NULL DEFAULT '',
	last_status   INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT '',
	items_seen    INTEGER NOT NULL DEFAULT 0,
	documents     INTEGER NOT NULL DEFAULT 0,
	errors        INTEGER NOT NULL DEFAULT 0,
	next_fetch    TEXT NOT NULL DEFAULT ''
);

-- Every item a feed has listed, so a restarted watcher fetches nothing
-- twice, and the document it became: a story carried by several feeds has
-- one row per feed, which are its sources. No foreign keys: an item is
-- recorded before its feed's state is first saved, and forgetting a
-- document must not make its feeds fetch it again.
CREATE TABLE feed_items (
	feed_url    TEXT NOT NULL,
	item_key    TEXT NOT NULL,
	url         TEXT NOT NULL DEFAULT '',
	document_id TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL,
	error       TEXT NOT NULL DEFAULT '',
	attempts    INTEGER NOT NULL DEFAULT 0,
	seen        TEXT NOT NULL,
	PRIMARY KEY (feed_url, item_key)
);
CREATE INDEX feed_items_document ON feed_items (document_id) WHERE document_id <> '';

-- +goose Down
DROP TABLE feed_items;
DROP TABLE feeds;
