-- Covering indexes for counts and stats: filtered COUNTs and GROUP BYs of
-- FindEvents and EventStats become index-only scans once autovacuum has
-- marked the pages all-visible.
-- +goose Up
CREATE INDEX events_type_stats ON events (event_type, event_date) INCLUDE (country, modality, fatalities);
CREATE INDEX events_country_stats ON events (lower(country), event_date) INCLUDE (country, event_type, modality, fatalities);
CREATE INDEX events_date_stats ON events (event_date) INCLUDE (event_type, country, modality, fatalities);

-- +goose Down
DROP INDEX events_type_stats;
DROP INDEX events_country_stats;
DROP INDEX events_date_stats;
