-- +goose Up
CREATE TABLE documents (
	id                TEXT PRIMARY KEY,
	url               TEXT NOT NULL DEFAULT '',
	title             TEXT NOT NULL DEFAULT '',
	source            TEXT NOT NULL DEFAULT '',
	published         TEXT NOT NULL DEFAULT '',
	fetched           TEXT NOT NULL,
	hash              TEXT NOT NULL UNIQUE,
	text              TEXT NOT NULL,
	extractor_version TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX documents_url ON documents (url) WHERE url <> '';
CREATE INDEX documents_extractor_version ON documents (extractor_version);

CREATE TABLE events (
	id                   INTEGER PRIMARY KEY AUTOINCREMENT,
	doc_id               TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	incident_id          INTEGER,
	event_type           TEXT NOT NULL DEFAULT '',
	sub_event_type       TEXT NOT NULL DEFAULT '',
	plover               TEXT NOT NULL DEFAULT '',
	cameo                TEXT NOT NULL DEFAULT '',
	modality             TEXT NOT NULL DEFAULT 'occurred',
	reported_by          TEXT NOT NULL DEFAULT '',
	event_date           TEXT NOT NULL DEFAULT '',
	event_date_end       TEXT NOT NULL DEFAULT '',
	time_precision       INTEGER NOT NULL DEFAULT 0,
	date_text            TEXT NOT NULL DEFAULT '',
	actor1               TEXT NOT NULL DEFAULT '',
	assoc_actor_1        TEXT NOT NULL DEFAULT '',
	inter1               INTEGER NOT NULL DEFAULT 0,
	actor2               TEXT NOT NULL DEFAULT '',
	assoc_actor_2        TEXT NOT NULL DEFAULT '',
	inter2               INTEGER NOT NULL DEFAULT 0,
	country              TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
	admin1               TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
	location             TEXT NOT NULL DEFAULT '',
	latitude             REAL,
	longitude            REAL,
	geo_precision        INTEGER NOT NULL DEFAULT 0,
	geonameid            INTEGER NOT NULL DEFAULT 0,
	place_text           TEXT NOT NULL DEFAULT '',
	fatalities           INTEGER,
	fatalities_min       INTEGER,
	fatalities_max       INTEGER,
	fatalities_qualifier TEXT NOT NULL DEFAULT '',
	civilian_fatalities  INTEGER,
	injured              INTEGER,
	event_count          INTEGER,
	count_noun           TEXT NOT NULL DEFAULT '',
	evidence_text        TEXT NOT NULL DEFAULT '',
	evidence_start       INTEGER NOT NULL DEFAULT 0,
	evidence_end         INTEGER NOT NULL DEFAULT 0,
	-- the fatalities sort key: unknown tolls sort below zero
	fsort                INTEGER GENERATED ALWAYS AS (COALESCE(fatalities, -1)) STORED
);
CREATE INDEX events_doc_id ON events (doc_id);
CREATE INDEX events_date ON events (event_date, id);
CREATE INDEX events_fsort ON events (fsort, id);
CREATE INDEX events_type_date ON events (event_type, event_date, id);
CREATE INDEX events_country_date ON events (country, event_date, id);
CREATE INDEX events_lon_lat ON events (longitude, latitude);
CREATE INDEX events_incident ON events (incident_id) WHERE incident_id IS NOT NULL;

-- Full-text search over evidence sentences, kept in step by triggers.
CREATE VIRTUAL TABLE events_fts USING fts5 (evidence_text, content = 'events', content_rowid = 'id', tokenize = 'porter unicode61');

-- +goose StatementBegin
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
	INSERT INTO events_fts (rowid, evidence_text) VALUES (new.id, new.evidence_text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
	INSERT INTO events_fts (events_fts, rowid, evidence_text) VALUES ('delete', old.id, old.evidence_text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER events_fts_update AFTER UPDATE OF evidence_text ON events BEGIN
	INSERT INTO events_fts (events_fts, rowid, evidence_text) VALUES ('delete', old.id, old.evidence_text);
	INSERT INTO events_fts (rowid, evidence_text) VALUES (new.id, new.evidence_text);
END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE events_fts;
DROP TABLE events;
DROP TABLE documents;
