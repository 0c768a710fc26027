package incidentsql

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/incident"
	"github.com/sitrep/sitrep/store/sqldb"
)

// LinkDocument updates the incidents after document docID was ingested or
// re-extracted. It loads the document's events, every stored event they
// could link with (same country, date windows touching) and every event of
// those events' incidents, links that neighbourhood and rewrites its
// incidents in one transaction. Because a link depends only on the two
// events, this gives the incidents that relinking everything would.
func (s *Service) LinkDocument(ctx context.Context, docID string) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		news, err := scanReports(tx.QueryContext(ctx, s.q("SELECT "+reportCols+", e.incident_id"+reportFrom+"WHERE e.doc_id = ?"), docID))
		if err != nil {
			return fmt.Errorf("document %s: %w", docID, err)
		}
		hood := make(map[int64]storedReport)
		for _, r := range news {
			hood[r.Event.ID] = r
		}
		// Incidents the document's events were in before (re-extraction).
		staleIDs := make(map[int64]bool)
		if err := s.incidentsOfDoc(ctx, tx, docID, staleIDs); err != nil {
			return err
		}
		for _, r := range news {
			if err := s.candidates(ctx, tx, &r.Event, hood); err != nil {
				return err
			}
		}
		for _, r := range hood {
			if r.incidentID.Valid {
				staleIDs[r.incidentID.Int64] = true
			}
		}
		if err := s.membersOf(ctx, tx, staleIDs, hood); err != nil {
			return err
		}
		return s.relink(ctx, tx, hood, staleIDs)
	})
}

// incidentsOfDoc adds the incidents the document's events were in when
// they were last linked. incident_members remembers them even after a
// re-extraction deleted those events.
func (s *Service) incidentsOfDoc(ctx context.Context, tx *sql.Tx, docID string, ids map[int64]bool) error {
	rows, err := tx.QueryContext(ctx, s.q("SELECT DISTINCT incident_id FROM incident_members WHERE doc_id = ?"), docID)
	if err != nil {
		return fmt.Errorf("find incidents of %s: %w", docID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids[id] = true
	}
	return rows.Err()
}

// candidates adds to hood the stored events that e could link with: same
// country, date window within a day of e's (see package incident).
func (s *Service) candidates(ctx context.Context, tx *sql.Tx, e *sitrep.Event, hood map[int64]storedReport) error {
	if e.Country == "" || e.EventDate == "" {
		return nil
	}
	from, err := time.Parse("2006-01-02", e.EventDate)
	if err != nil {
		return nil // undated for linking purposes
	}
	to := from
	if t, err := time.Parse("2006-01-02", e.EventDateEnd); err == nil && t.After(from) {
		to = t
	}
	day := func(t time.Time, d int) string { return t.AddDate(0, 0, d).Format("2006-01-02") }
	// Two index range scans: events starting within a day of our window,
	// and the few with long windows (≤ 62 days, see package incident) that
	// start earlier and reach into it, through a partial index of those.
	country := s.Dialect.CaseEq("e.country")
	reports, err := scanReports(tx.QueryContext(ctx, s.q("SELECT "+reportCols+", e.incident_id"+reportFrom+
		"WHERE "+country+" AND e.event_date >= ? AND e.event_date <= ?"+
		" UNION ALL SELECT "+reportCols+", e.incident_id"+reportFrom+
		"WHERE "+country+" AND e.event_date_end > e.event_date AND e.event_date >= ? AND e.event_date < ? AND e.event_date_end >= ?"),
		e.Country, day(from, -1), day(to, 1), e.Country, day(from, -64), day(from, -1), day(from, -1)))
	if err != nil {
		return fmt.Errorf("candidates of event %d: %w", e.ID, err)
	}
	for _, r := range reports {
		hood[r.Event.ID] = r
	}
	return nil
}

// membersOf adds to hood every event of the given incidents.
func (s *Service) membersOf(ctx context.Context, tx *sql.Tx, ids map[int64]bool, hood map[int64]storedReport) error {
	list := sortedIDs(ids)
	for len(list) > 0 {
		n := min(len(list), 500)
		args := make([]any, n)
		for i, id := range list[:n] {
			args[i] = id
		}
		reports, err := scanReports(tx.QueryContext(ctx, s.q("SELECT "+reportCols+", e.incident_id"+reportFrom+
			"WHERE e.incident_id IN ("+placeholders(n)+")"), args...))
		if err != nil {
			return fmt.Errorf("members of incidents: %w", err)
		}
		for _, r := range reports {
			hood[r.Event.ID] = r
		}
		list = list[n:]
	}
	return nil
}

// relink links the neighbourhood and replaces its stale incidents.
func (s *Service) relink(ctx context.Context, tx *sql.Tx, hood map[int64]storedReport, stale map[int64]bool) error {
	reports := make([]incident.Report, 0, len(hood))
	for _, r := range hood {
		reports = append(reports, r.Report)
	}
	incs, err := incident.Group(reports)
	if err != nil {
		return err
	}
	if err := s.deleteIncidents(ctx, tx, sortedIDs(stale)); err != nil {
		return err
	}
	in := make(map[int64]bool)
	for i := range incs {
		if err := s.insertIncident(ctx, tx, &incs[i]); err != nil {
			return err
		}
		for _, id := range incs[i].EventIDs {
			in[id] = true
		}
	}
	// Events in no incident (planned, threatened, tallies) point nowhere.
	for _, id := range sortedKeys(hood) {
		if !in[id] && hood[id].incidentID.Valid {
			if _, err := tx.ExecContext(ctx, s.q("UPDATE events SET incident_id = NULL WHERE id = ?"), id); err != nil {
				return fmt.Errorf("clear incident of event %d: %w", id, err)
			}
		}
	}
	return nil
}

func (s *Service) deleteIncidents(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		for _, table := range []string{"incident_links", "incident_members"} {
			if _, err := tx.ExecContext(ctx, s.q("DELETE FROM "+table+" WHERE incident_id = ?"), id); err != nil {
				return fmt.Errorf("delete %s of incident %d: %w", table, id, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q("DELETE FROM incidents WHERE id = ?"), id); err != nil {
			return fmt.Errorf("delete incident %d: %w", id, err)
		}
	}
	return nil
}

func (s *Service) insertIncident(ctx context.Context, tx *sql.Tx, inc *sitrep.Incident) error {
	// An incident of the neighbourhood may share its id with a stored
	// one that was not stale (an unchanged incident): replace it.
	if err := s.deleteIncidents(ctx, tx, []int64{inc.ID}); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO incidents (id, event_type, sub_event_type, start_date, end_date,
		country, admin1, location, latitude, longitude, actor1, actor2,
		fatalities_min, fatalities_max, fatalities_best, grade, sources, events)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		inc.ID, inc.EventType, inc.SubEventType, inc.StartDate, inc.EndDate,
		inc.Country, inc.Admin1, inc.Location, sqldb.NullFloat(inc.Latitude), sqldb.NullFloat(inc.Longitude), inc.Actor1, inc.Actor2,
		sqldb.NullInt(inc.FatalitiesMin), sqldb.NullInt(inc.FatalitiesMax), sqldb.NullInt(inc.FatalitiesBest), inc.Grade, inc.Sources, len(inc.EventIDs))
	if err != nil {
		return fmt.Errorf("insert incident %d: %w", inc.ID, err)
	}
	for _, l := range inc.Links {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO incident_links (incident_id, from_event, to_event, distance_km,
			place_match, date_gap_days, actor_match, type_score, similarity, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			inc.ID, l.From, l.To, l.DistanceKM, l.PlaceMatch, l.DateGapDays, l.ActorMatch, l.TypeScore, l.Similarity, l.Score); err != nil {
			return fmt.Errorf("insert link %d-%d of incident %d: %w", l.From, l.To, inc.ID, err)
		}
	}
	for _, c := range inc.Claims { // one claim per event, with its document
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO incident_members (event_id, incident_id, doc_id) VALUES (?, ?, ?)"),
			c.EventID, inc.ID, c.DocID); err != nil {
			return fmt.Errorf("insert member %d of incident %d: %w", c.EventID, inc.ID, err)
		}
	}
	ids := inc.EventIDs
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := []any{inc.ID}
		for _, id := range ids[:n] {
			args = append(args, id)
		}
		if _, err := tx.ExecContext(ctx, s.q("UPDATE events SET incident_id = ? WHERE id IN ("+placeholders(n)+")"), args...); err != nil {
			return fmt.Errorf("set incident %d on its events: %w", inc.ID, err)
		}
		ids = ids[n:]
	}
	return nil
}

// Rebuild relinks every stored event from scratch, for a new database
// schema or a changed linking rule. It holds the write lock throughout.
func (s *Service) Rebuild(ctx context.Context) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		reports, err := scanReports(tx.QueryContext(ctx, "SELECT "+reportCols+", e.incident_id"+reportFrom))
		if err != nil {
			return err
		}
		for _, q := range []string{"DELETE FROM incident_links", "DELETE FROM incident_members", "DELETE FROM incidents", "UPDATE events SET incident_id = NULL WHERE incident_id IS NOT NULL"} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("rebuild incidents: %w", err)
			}
		}
		rs := make([]incident.Report, len(reports))
		for i := range reports {
			rs[i] = reports[i].Report
		}
		incs, err := incident.Group(rs)
		if err != nil {
			return err
		}
		for i := range incs {
			if err := s.insertIncident(ctx, tx, &incs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func sortedIDs(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func sortedKeys(m map[int64]storedReport) []int64 {
	out := make([]int64, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
