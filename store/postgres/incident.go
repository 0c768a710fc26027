package postgres

import "github.com/sitrep/sitrep/incident/incidentsql"

// IncidentService returns the incident service of the database: it reads
// incidents and, through LinkDocument, updates them after each ingest.
// Linking transactions take advisory locks per country, so processes sharing the
// database never relink one neighbourhood at once.
func (db *DB) IncidentService() *incidentsql.Service {
	return &incidentsql.Service{W: db.sql, R: db.sql, Dialect: db.Dialect, Locks: incidentsql.PostgresLocks, Events: db.Store}
}
