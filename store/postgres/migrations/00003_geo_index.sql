-- A map view filters by bounding box, a timeline by date range, and both
-- sort by date or toll: with the sort keys in the index, FindEvents picks
-- the page's ids without reading the rows of every match.
-- +goose Up
DROP INDEX events_lon_lat;
CREATE INDEX events_geo ON events (longitude, latitude) INCLUDE (event_date, fsort);
DROP INDEX events_date;
CREATE INDEX events_date ON events (event_date, id) INCLUDE (fsort);

-- +goose Down
DROP INDEX events_geo;
CREATE INDEX events_lon_lat ON events (longitude, latitude);
DROP INDEX events_date;
CREATE INDEX events_date ON events (event_date, id);
