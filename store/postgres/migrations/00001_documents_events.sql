-- +goose Up
CREATE TABLE documents (
	id                text PRIMARY KEY,
	url               text NOT NULL DEFAULT '',
	title             text NOT NULL DEFAULT '',
	source            text NOT NULL DEFAULT '',
	published         text NOT NULL DEFAULT '',
	fetched           text NOT NULL,
	hash              text NOT NULL UNIQUE,
	text              text NOT NULL,
	extractor_version text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX documents_url ON documents (url) WHERE url <> '';
CREATE INDEX documents_extractor_version ON documents (extractor_version);

CREATE TABLE events (
	id                   bigserial PRIMARY KEY,
	doc_id               text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	incident_id          bigint,
	event_type           text NOT NULL DEFAULT '',
	sub_event_type       text NOT NULL DEFAULT '',
	plover               text NOT NULL DEFAULT '',
	cameo                text NOT NULL DEFAULT '',
	modality             text NOT NULL DEFAULT 'occurred',
	reported_by          text NOT NULL DEFAULT '',
	event_date           text NOT NULL DEFAULT '',
	event_date_end       text NOT NULL DEFAULT '',
	time_precision       integer NOT NULL DEFAULT 0,
	date_text            text NOT NULL DEFAULT '',
	actor1               text NOT NULL DEFAULT '',
	assoc_actor_1        text NOT NULL DEFAULT '',
	inter1               integer NOT NULL DEFAULT 0,
	actor2               text NOT NULL DEFAULT '',
	assoc_actor_2        text NOT NULL DEFAULT '',
	inter2               integer NOT NULL DEFAULT 0,
	country              text NOT NULL DEFAULT '',
	admin1               text NOT NULL DEFAULT '',
	location             text NOT NULL DEFAULT '',
	latitude             double precision,
	longitude            double precision,
	geo_precision        integer NOT NULL DEFAULT 0,
	geonameid            bigint NOT NULL DEFAULT 0,
	place_text           text NOT NULL DEFAULT '',
	fatalities           integer,
	fatalities_min       integer,
	fatalities_max       integer,
	fatalities_qualifier text NOT NULL DEFAULT '',
	civilian_fatalities  integer,
	injured              integer,
	event_count          integer,
	count_noun           text NOT NULL DEFAULT '',
	evidence_text        text NOT NULL DEFAULT '',
	evidence_start       integer NOT NULL DEFAULT 0,
	evidence_end         integer NOT NULL DEFAULT 0,
	-- the fatalities sort key: unknown tolls sort below zero
	fsort                integer GENERATED ALWAYS AS (COALESCE(fatalities, -1)) STORED,
	evidence_tsv         tsvector GENERATED ALWAYS AS (to_tsvector('english', evidence_text)) STORED
);
CREATE INDEX events_doc_id ON events (doc_id);
CREATE INDEX events_date ON events (event_date, id);
CREATE INDEX events_fsort ON events (fsort, id);
CREATE INDEX events_type_date ON events (event_type, event_date, id);
CREATE INDEX events_country_date ON events (lower(country), event_date, id);
CREATE INDEX events_admin1 ON events (lower(admin1));
CREATE INDEX events_lon_lat ON events (longitude, latitude);
CREATE INDEX events_incident ON events (incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX events_evidence_tsv ON events USING gin (evidence_tsv);

-- +goose Down
DROP TABLE events;
DROP TABLE documents;
