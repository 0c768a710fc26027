-- Covering indexes for counts and stats: with a filter on type, country or
-- date, every COUNT and GROUP BY of FindEvents and EventStats reads one
-- narrow index instead of the wide event rows.
-- +goose Up
CREATE INDEX events_type_stats ON events (event_type, country, modality, event_date, fatalities);
CREATE INDEX events_country_stats ON events (country, event_date, event_type, modality, fatalities);
CREATE INDEX events_date_stats ON events (event_date, event_type, country, modality, fatalities);

-- +goose Down
DROP INDEX events_type_stats;
DROP INDEX events_country_stats;
DROP INDEX events_date_stats;
