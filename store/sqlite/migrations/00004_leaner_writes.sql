-- Fewer indexes to update per event: the type and country indexes are
-- covered by the stats indexes once those lead with (column, event_date).
-- The full-text index is filled once per committed batch by the store
-- (sqldb.Dialect.SyncText) instead of by a trigger per row, which flushed
-- FTS5's buffer on every statement.
-- +goose Up
DROP INDEX events_type_date;
DROP INDEX events_country_date;
DROP INDEX events_type_stats;
CREATE INDEX events_type_stats ON events (event_type, event_date, country, modality, fatalities);
DROP TRIGGER events_fts_insert;

-- +goose Down
-- +goose StatementBegin
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
	INSERT INTO events_fts (rowid, evidence_text) VALUES (new.id, new.evidence_text);
END;
-- +goose StatementEnd
DROP INDEX events_type_stats;
CREATE INDEX events_type_stats ON events (event_type, country, modality, event_date, fatalities);
CREATE INDEX events_type_date ON events (event_type, event_date, id);
CREATE INDEX events_country_date ON events (country, event_date, id);
