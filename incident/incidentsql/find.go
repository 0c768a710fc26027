package incidentsql

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/incident"
	"github.com/sitrep/sitrep/store/sqldb"
)

// Page sizes of FindIncidents.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

const incidentCols = `id, event_type, sub_event_type, start_date, end_date, country, admin1, location,
	latitude, longitude, actor1, actor2, fatalities_min, fatalities_max, fatalities_best, grade, sources`

// FindIncidents returns incidents matching f, newest first (by start date,
// then id), and a cursor for the next page ("" at the end). EINVALID for
// a malformed date or cursor.
func (s *Service) FindIncidents(ctx context.Context, f sitrep.IncidentFilter) ([]*sitrep.Incident, string, error) {
	var where []string
	var args []any
	if f.Country != nil {
		where = append(where, s.Dialect.CaseEq("country"))
		args = append(args, *f.Country)
	}
	if f.EventType != nil {
		where = append(where, "event_type = ?")
		args = append(args, *f.EventType)
	}
	for _, d := range []struct {
		v    *string
		cond string
	}{{f.From, "end_date >= ?"}, {f.To, "start_date <= ?"}} {
		if d.v == nil {
			continue
		}
		if _, err := time.Parse("2006-01-02", *d.v); err != nil {
			return nil, "", sitrep.Errorf(sitrep.EINVALID, "invalid date %q: want YYYY-MM-DD", *d.v)
		}
		where = append(where, d.cond)
		args = append(args, *d.v)
	}
	if f.Cursor != "" {
		date, id, err := decodeCursor(f.Cursor)
		if err != nil {
			return nil, "", err
		}
		where = append(where, "(start_date < ? OR (start_date = ? AND id < ?))")
		args = append(args, date, date, id)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	query := "SELECT " + incidentCols + " FROM incidents"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY start_date DESC, id DESC LIMIT ?"
	args = append(args, limit+1)
	rows, err := s.R.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, "", fmt.Errorf("find incidents: %w", err)
	}
	defer rows.Close()
	incs := []*sitrep.Incident{}
	for rows.Next() {
		inc, err := scanIncident(rows)
		if err != nil {
			return nil, "", err
		}
		incs = append(incs, inc)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("find incidents: %w", err)
	}
	next := ""
	if len(incs) > limit {
		incs = incs[:limit]
		last := incs[limit-1]
		next = encodeCursor(last.StartDate, last.ID)
	}
	return incs, next, nil
}

// FindIncidentByID returns the incident with its events, their claims
// (one per event, with the document's source and date) and the links that
// joined them. ENOTFOUND if there is none.
func (s *Service) FindIncidentByID(ctx context.Context, id int64) (*sitrep.Incident, error) {
	inc, err := scanIncident(s.R.QueryRowContext(ctx, s.q("SELECT "+incidentCols+" FROM incidents WHERE id = ?"), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, "incident %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("find incident %d: %w", id, err)
	}
	reports, err := scanReports(s.R.QueryContext(ctx, s.q("SELECT "+reportCols+", e.incident_id"+reportFrom+
		"WHERE e.incident_id = ? ORDER BY e.id"), id))
	if err != nil {
		return nil, fmt.Errorf("incident %d: %w", id, err)
	}
	for _, r := range reports {
		inc.EventIDs = append(inc.EventIDs, r.Event.ID)
		if r.Event.Modality == sitrep.ModalityDenied {
			inc.Denials = append(inc.Denials, r.Event.ID)
		}
		inc.Claims = append(inc.Claims, incident.ClaimOf(r.Report))
		if s.Events != nil {
			e, err := s.Events.FindEventByID(ctx, r.Event.ID)
			if err != nil {
				return nil, fmt.Errorf("incident %d: %w", id, err)
			}
			inc.Events = append(inc.Events, e)
		}
	}
	incident.SortClaims(inc.Claims)
	rows, err := s.R.QueryContext(ctx, s.q(`SELECT from_event, to_event, distance_km, place_match, date_gap_days,
		actor_match, type_score, similarity, score FROM incident_links WHERE incident_id = ? ORDER BY from_event, to_event`), id)
	if err != nil {
		return nil, fmt.Errorf("links of incident %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var l sitrep.IncidentLink
		if err := rows.Scan(&l.From, &l.To, &l.DistanceKM, &l.PlaceMatch, &l.DateGapDays, &l.ActorMatch,
			&l.TypeScore, &l.Similarity, &l.Score); err != nil {
			return nil, fmt.Errorf("links of incident %d: %w", id, err)
		}
		inc.Links = append(inc.Links, l)
	}
	return inc, rows.Err()
}

type rowScanner interface{ Scan(dest ...any) error }

func scanIncident(r rowScanner) (*sitrep.Incident, error) {
	var inc sitrep.Incident
	var lat, lon sql.NullFloat64
	var lo, hi, best sql.NullInt64
	if err := r.Scan(&inc.ID, &inc.EventType, &inc.SubEventType, &inc.StartDate, &inc.EndDate, &inc.Country,
		&inc.Admin1, &inc.Location, &lat, &lon, &inc.Actor1, &inc.Actor2, &lo, &hi, &best, &inc.Grade, &inc.Sources); err != nil {
		return nil, err
	}
	inc.Latitude, inc.Longitude = sqldb.FloatPtr(lat), sqldb.FloatPtr(lon)
	inc.FatalitiesMin, inc.FatalitiesMax, inc.FatalitiesBest = sqldb.IntPtr(lo), sqldb.IntPtr(hi), sqldb.IntPtr(best)
	return &inc, nil
}

// Cursors are opaque to clients: base64 of "start_date,id" of the last row.
func encodeCursor(date string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(date + "," + strconv.FormatInt(id, 10)))
}

func decodeCursor(c string) (string, int64, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		if date, idText, ok := strings.Cut(string(b), ","); ok {
			if id, err := strconv.ParseInt(idText, 10, 64); err == nil {
				return date, id, nil
			}
		}
	}
	return "", 0, sitrep.Errorf(sitrep.EINVALID, "invalid cursor %q: pass the next_cursor of the previous page", c)
}
