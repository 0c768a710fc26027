-- +goose Up
-- Incidents: reports of one occurrence grouped by package incident. An
-- incident's id is the smallest id of its events; events.incident_id points
-- at it. Claims are read from the events and their documents, not copied.
CREATE TABLE incidents (
	id              bigint PRIMARY KEY,
	event_type      text NOT NULL DEFAULT '',
	sub_event_type  text NOT NULL DEFAULT '',
	start_date      text NOT NULL DEFAULT '',
	end_date        text NOT NULL DEFAULT '',
	country         text NOT NULL DEFAULT '',
	admin1          text NOT NULL DEFAULT '',
	location        text NOT NULL DEFAULT '',
	latitude        double precision,
	longitude       double precision,
	actor1          text NOT NULL DEFAULT '',
	actor2          text NOT NULL DEFAULT '',
	fatalities_min  bigint,
	fatalities_max  bigint,
	fatalities_best bigint,
	grade           text NOT NULL DEFAULT '',
	sources         bigint NOT NULL DEFAULT 0,
	events          bigint NOT NULL DEFAULT 0
);
CREATE INDEX incidents_start ON incidents (start_date, id);
CREATE INDEX incidents_country_start ON incidents (lower(country), start_date, id);
CREATE INDEX incidents_type_start ON incidents (event_type, start_date, id);

-- Why each pair of events was linked.
CREATE TABLE incident_links (
	incident_id   bigint NOT NULL,
	from_event    bigint NOT NULL,
	to_event      bigint NOT NULL,
	distance_km   double precision NOT NULL,
	place_match   text NOT NULL DEFAULT '',
	date_gap_days bigint NOT NULL DEFAULT 0,
	actor_match   text NOT NULL DEFAULT '',
	type_score    double precision NOT NULL DEFAULT 0,
	similarity    double precision NOT NULL DEFAULT 0,
	score         double precision NOT NULL DEFAULT 0,
	PRIMARY KEY (incident_id, from_event, to_event)
);

-- Which events (and documents) an incident was built from, kept even when a
-- re-extraction deletes the events, so their incidents can be rebuilt.
CREATE TABLE incident_members (
	event_id    bigint PRIMARY KEY,
	incident_id bigint NOT NULL,
	doc_id      text NOT NULL
);
CREATE INDEX incident_members_incident ON incident_members (incident_id);
CREATE INDEX incident_members_doc ON incident_members (doc_id);

-- Events whose date window is longer than a day, for finding the reports
-- that reach into a new event's window from before it.
CREATE INDEX events_long_windows ON events (lower(country), event_date) WHERE event_date_end > event_date;

-- +goose Down
DROP INDEX events_long_windows;
DROP TABLE incident_members;
DROP TABLE incident_links;
DROP TABLE incidents;
