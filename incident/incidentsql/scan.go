package incidentsql

import (
	"database/sql"
	"fmt"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/incident"
	"github.com/sitrep/sitrep/store/sqldb"
)

// reportCols are the event and document columns linking needs.
const reportCols = `e.id, e.doc_id, e.event_type, e.sub_event_type, e.modality, e.event_date, e.event_date_end,
	e.time_precision, e.actor1, e.actor2, e.country, e.admin1, e.location, e.latitude, e.longitude, e.geo_precision,
	e.fatalities, e.fatalities_min, e.fatalities_max, e.fatalities_qualifier, e.civilian_fatalities, e.injured,
	e.evidence_text, e.evidence_start, e.evidence_end, d.source, d.published`

const reportFrom = ` FROM events e JOIN documents d ON d.id = e.doc_id `

// storedReport is a report with the incident its event was stored in.
type storedReport struct {
	incident.Report
	incidentID sql.NullInt64
}

func scanReports(rows *sql.Rows, err error) ([]storedReport, error) {
	if err != nil {
		return nil, fmt.Errorf("load events: %w", err)
	}
	defer rows.Close()
	var out []storedReport
	for rows.Next() {
		var r storedReport
		e := &r.Event
		var modality string
		var lat, lon sql.NullFloat64
		var fat, fmin, fmax, civ, inj sql.NullInt64
		if err := rows.Scan(&e.ID, &e.DocID, &e.EventType, &e.SubEventType, &modality, &e.EventDate, &e.EventDateEnd,
			&e.TimePrecision, &e.Actor1, &e.Actor2, &e.Country, &e.Admin1, &e.Location, &lat, &lon, &e.GeoPrecision,
			&fat, &fmin, &fmax, &e.FatalitiesQualifier, &civ, &inj,
			&e.Evidence.Text, &e.Evidence.Start, &e.Evidence.End, &r.Source, &r.Published, &r.incidentID); err != nil {
			return nil, fmt.Errorf("scan event: %w", err)
		}
		e.Modality = sitrep.Modality(modality)
		e.Latitude, e.Longitude = sqldb.FloatPtr(lat), sqldb.FloatPtr(lon)
		e.Fatalities, e.FatalitiesMin, e.FatalitiesMax = sqldb.IntPtr(fat), sqldb.IntPtr(fmin), sqldb.IntPtr(fmax)
		e.CivilianFatalities, e.Injured = sqldb.IntPtr(civ), sqldb.IntPtr(inj)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ref is an event id with the incident it is stored in.
type ref struct {
	id         int64
	incidentID sql.NullInt64
}

func scanRefs(rows *sql.Rows, err error) ([]ref, error) {
	if err != nil {
		return nil, fmt.Errorf("find events: %w", err)
	}
	defer rows.Close()
	var out []ref
	for rows.Next() {
		var r ref
		if err := rows.Scan(&r.id, &r.incidentID); err != nil {
			return nil, fmt.Errorf("scan event id: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// resolve returns the reports of refs: from the prepared-report cache when
// there, else read (with the documents' source and date). Neighbourhood
// queries return mostly the same events time after time, and reading an
// event's dozen columns and evidence text was most of their cost.
func (s *Service) resolve(t *linkTx, refs []ref) ([]storedReport, error) {
	out := make([]storedReport, 0, len(refs))
	var missing []any
	for _, r := range refs {
		if p, ok := s.prepared.lookup(r.id); ok {
			out = append(out, storedReport{Report: p.Report(), incidentID: r.incidentID})
		} else {
			missing = append(missing, r.id)
		}
	}
	for len(missing) > 0 {
		n := min(len(missing), 500)
		rs, err := scanReports(t.query("SELECT "+reportCols+", e.incident_id"+reportFrom+
			"WHERE e.id IN ("+placeholders(n)+")", missing[:n]...))
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			s.prepared.get(r.Report)
		}
		out = append(out, rs...)
		missing = missing[n:]
	}
	return out, nil
}
