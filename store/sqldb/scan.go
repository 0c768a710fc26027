package sqldb

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep"
)

// eventCols lists the events columns in the order scanEvent and
// eventValues use them; id comes first and is not inserted.
var eventCols = []string{
	"id", "doc_id", "incident_id",
	"event_type", "sub_event_type", "plover", "cameo", "modality", "reported_by",
	"event_date", "event_date_end", "time_precision", "date_text",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
	"country", "admin1", "location", "latitude", "longitude", "geo_precision", "geonameid", "place_text",
	"fatalities", "fatalities_min", "fatalities_max", "fatalities_qualifier", "civilian_fatalities", "injured",
	"event_count", "count_noun",
	"evidence_text", "evidence_start", "evidence_end",
}

var (
	selectEventCols = strings.Join(eventCols, ", ")
	insertEventSQL  = "INSERT INTO events (" + strings.Join(eventCols[1:], ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(eventCols)-1), ", ") + ") RETURNING id"
)

// rowScanner is *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

func scanEvent(r rowScanner) (*sitrep.Event, error) {
	var e sitrep.Event
	var incident sql.NullInt64
	var modality string
	var lat, lon sql.NullFloat64
	var fat, fmin, fmax, civ, inj, count sql.NullInt64
	if err := r.Scan(
		&e.ID, &e.DocID, &incident,
		&e.EventType, &e.SubEventType, &e.Plover, &e.Cameo, &modality, &e.ReportedBy,
		&e.EventDate, &e.EventDateEnd, &e.TimePrecision, &e.DateText,
		&e.Actor1, &e.AssocActor1, &e.Inter1, &e.Actor2, &e.AssocActor2, &e.Inter2,
		&e.Country, &e.Admin1, &e.Location, &lat, &lon, &e.GeoPrecision, &e.GeonameID, &e.PlaceText,
		&fat, &fmin, &fmax, &e.FatalitiesQualifier, &civ, &inj,
		&count, &e.CountNoun,
		&e.Evidence.Text, &e.Evidence.Start, &e.Evidence.End,
	); err != nil {
		return nil, err
	}
	e.IncidentID = incident.Int64
	e.Modality = sitrep.Modality(modality)
	e.Latitude, e.Longitude = FloatPtr(lat), FloatPtr(lon)
	e.Fatalities, e.FatalitiesMin, e.FatalitiesMax = IntPtr(fat), IntPtr(fmin), IntPtr(fmax)
	e.CivilianFatalities, e.Injured, e.Count = IntPtr(civ), IntPtr(inj), IntPtr(count)
	return &e, nil
}

// eventValues returns the insert arguments of e, after id.
func eventValues(e *sitrep.Event) []any {
	var incident any
	if e.IncidentID != 0 {
		incident = e.IncidentID
	}
	modality := e.Modality
	if modality == "" {
		modality = sitrep.ModalityOccurred
	}
	return []any{
		e.DocID, incident,
		e.EventType, e.SubEventType, e.Plover, e.Cameo, string(modality), e.ReportedBy,
		e.EventDate, e.EventDateEnd, e.TimePrecision, e.DateText,
		e.Actor1, e.AssocActor1, e.Inter1, e.Actor2, e.AssocActor2, e.Inter2,
		e.Country, e.Admin1, e.Location, NullFloat(e.Latitude), NullFloat(e.Longitude), e.GeoPrecision, e.GeonameID, e.PlaceText,
		NullInt(e.Fatalities), NullInt(e.FatalitiesMin), NullInt(e.FatalitiesMax), e.FatalitiesQualifier, NullInt(e.CivilianFatalities), NullInt(e.Injured),
		NullInt(e.Count), e.CountNoun,
		e.Evidence.Text, e.Evidence.Start, e.Evidence.End,
	}
}

// FloatPtr turns a nullable column into an optional field: NULL → nil.
func FloatPtr(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	return &n.Float64
}

// IntPtr turns a nullable integer column into an optional field: NULL → nil.
func IntPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// NullFloat is the query argument for an optional field: nil → NULL.
func NullFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// NullInt is the query argument for an optional integer: nil → NULL.
func NullInt(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

// scanEvents reads all rows, closing them.
func scanEvents(rows *sql.Rows) ([]*sitrep.Event, error) {
	defer rows.Close()
	var out []*sitrep.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("scan event: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
