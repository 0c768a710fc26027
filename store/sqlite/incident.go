package sqlite

import "github.com/sitrep/sitrep/incident/incidentsql"

// IncidentService returns the incident service of the database: it reads
// incidents and, through LinkDocument, updates them after each ingest.
func (db *DB) IncidentService() *incidentsql.Service {
	return &incidentsql.Service{W: db.W, R: db.R, Dialect: db.Dialect, Events: db.Store}
}
