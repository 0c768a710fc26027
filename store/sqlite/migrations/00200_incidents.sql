-- +goose Up
-- Incidents: reports of one occurrence grouped by package incident. An
-- incident's id is the smallest id of its events; events.incident_id points
-- at it. Claims are read from the events and their documents, not copied.
CREATE TABLE incidents (
	id              INTEGER PRIMARY KEY,
	event_type      TEXT NOT NULL DEFAULT '',
	sub_event_type  TEXT NOT NULL DEFAULT '',
	start_date      TEXT NOT NULL DEFAULT '',
	end_date        TEXT NOT NULL DEFAULT '',
	country         TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
	admin1          TEXT NOT NULL DEFAULT '',
	location        TEXT NOT NULL DEFAULT '',
	latitude        REAL,
	longitude       REAL,
	actor1          TEXT NOT NULL DEFAULT '',
	actor2          TEXT NOT NULL DEFAULT '',
	fatalities_min  INTEGER,
	fatalities_max  INTEGER,
	fatalities_best INTEGER,
	grade           TEXT NOT NULL DEFAULT '',
	sources         INTEGER NOT NULL DEFAULT 0,
	events          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incidents_start ON incidents (start_date, id);
CREATE INDEX incidents_country_start ON incidents (country, start_date, id);
CREATE INDEX incidents_type_start ON incidents (event_type, start_date, id);

-- Why each pair of events was linked.
CREATE TABLE incident_links (
	incident_id   INTEGER NOT NULL,
	from_event    INTEGER NOT NULL,
	to_event      INTEGER NOT NULL,
	distance_km   REAL NOT NULL,
	place_match   TEXT NOT NULL DEFAULT '',
	date_gap_days INTEGER NOT NULL DEFAULT 0,
	actor_match   TEXT NOT NULL DEFAULT '',
	type_score    REAL NOT NULL DEFAULT 0,
	similarity    REAL NOT NULL DEFAULT 0,
	score         REAL NOT NULL DEFAULT 0,
	PRIMARY KEY (incident_id, from_event, to_event)
);

-- Which events (and documents) an incident was built from, kept even when a
-- re-extraction deletes the events, so their incidents can be rebuilt.
CREATE TABLE incident_members (
	event_id    INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL,
	doc_id      TEXT NOT NULL
);
CREATE INDEX incident_members_incident ON incident_members (incident_id);
CREATE INDEX incident_members_doc ON incident_members (doc_id);

-- Events whose date window is longer than a day, for finding the reports
-- that reach into a new event's window from before it.
CREATE INDEX events_long_windows ON events (country, event_date) WHERE event_date_end > event_date;

-- +goose Down
DROP INDEX events_long_windows;
DROP TABLE incident_members;
DROP TABLE incident_links;
DROP TABLE incidents;
