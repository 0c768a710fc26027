-- +goose Up
-- Feeds polled by the watcher (package feed) and their health. Times are
-- RFC 3339 text in UTC, '' when unset, as documents.fetched.
CREATE TABLE feeds (
	url           text PRIMARY KEY,
	title         text NOT NULL DEFAULT '',
	etag          text NOT NULL DEFAULT '',
	last_modified text NOT NULL DEFAULT '',
	last_fetch    text NOT NULL DEFAULT '',
	last_success  text NOT NULL DEFAULT '',
	last_status   integer NOT NULL DEFAULT 0,
	last_error    text NOT NULL DEFAULT '',
	items_seen    integer NOT NULL DEFAULT 0,
	documents     integer NOT NULL DEFAULT 0,
	errors        integer NOT NULL DEFAULT 0,
	next_fetch    text NOT NULL DEFAULT ''
);

-- Every item a feed has listed, so a restarted watcher fetches nothing
-- twice, and the document it became: a story carried by several feeds has
-- one row per feed, which are its sources. No foreign keys: an item is
-- recorded before its feed's state is first saved, and forgetting a
-- document must not make its feeds fetch it again.
CREATE TABLE feed_items (
	feed_url    text NOT NULL,
	item_key    text NOT NULL,
	url         text NOT NULL DEFAULT '',
	document_id text NOT NULL DEFAULT '',
	status      text NOT NULL,
	error       text NOT NULL DEFAULT '',
	attempts    integer NOT NULL DEFAULT 0,
	seen        text NOT NULL,
	PRIMARY KEY (feed_url, item_key)
);
CREATE INDEX feed_items_document ON feed_items (document_id) WHERE document_id <> '';

-- +goose Down
DROP TABLE feed_items;
DROP TABLE feeds;
