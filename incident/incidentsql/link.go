package incidentsql

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/incident"
	"github.com/sitrep/sitrep/store/sqldb"
)

// LinkDocument updates the incidents after document docID was ingested or
// re-extracted; see LinkDocuments.
func (s *Service) LinkDocument(ctx context.Context, docID string) error {
	return s.LinkDocuments(ctx, docID)
}

// LinkDocuments updates the incidents after the given documents were
// ingested or re-extracted, in one transaction. It loads the documents'
// events, every stored event they could link with (same country, date
// windows touching) and every event of those events' incidents, links that
// neighbourhood and rewrites the incidents that changed. Because a link
// depends only on the two events, this gives the incidents that relinking
// everything would, for one document or many.
func (s *Service) LinkDocuments(ctx context.Context, docIDs ...string) error {
	if len(docIDs) == 0 {
		return nil
	}
	for attempt := 0; ; attempt++ {
		keys, err := s.countryLocks(ctx, s.R, docIDs)
		if err != nil {
			return err
		}
		err = s.withTx(ctx, s.Locks.Link, func(t *linkTx) error {
			if err := s.lockCountries(t, keys); err != nil {
				return err
			}
			return s.link(t, docIDs, keys)
		})
		// The documents changed country between looking and locking (a
		// concurrent re-extraction): look again.
		if errors.Is(err, errMoved) && attempt < 5 {
			continue
		}
		return err
	}
}

// errMoved says a document's events are no longer in the countries locked.
var errMoved = errors.New("documents moved to other countries while linking")

func (s *Service) link(t *linkTx, docIDs []string, locked map[int32]bool) error {
	hood := make(map[int64]storedReport)
	news := make(map[int64]bool)
	// Incidents the documents' events were in before (re-extraction):
	// rewritten even if their remaining events look unchanged.
	forced := make(map[int64]bool)
	var fresh []storedReport
	for _, docID := range docIDs {
		rs, err := scanReports(t.query("SELECT "+reportCols+", e.incident_id"+reportFrom+"WHERE e.doc_id = ?", docID))
		if err != nil {
			return fmt.Errorf("document %s: %w", docID, err)
		}
		for _, r := range rs {
			if s.Locks.Country != "" && !locked[countryHash(r.Event.Country)] {
				return errMoved
			}
			hood[r.Event.ID], news[r.Event.ID] = r, true
		}
		fresh = append(fresh, rs...)
		if err := s.incidentsOfDoc(t, docID, forced); err != nil {
			return err
		}
	}
	if s.Locks.Country != "" && len(forced) > 0 {
		// Incidents of the documents' former events keep their country.
		keys, err := s.countryLocks(t.ctx, t, docIDs)
		if err != nil {
			return err
		}
		for k := range keys {
			if !locked[k] {
				return errMoved
			}
		}
	}
	cands := make(map[int64]storedReport)
	if err := s.candidatesOf(t, fresh, cands); err != nil {
		return err
	}
	s.linkable(fresh, cands, hood)
	stale := make(map[int64]bool, len(forced))
	for id := range forced {
		stale[id] = true
	}
	for _, r := range hood {
		if r.incidentID.Valid {
			stale[r.incidentID.Int64] = true
		}
	}
	missing, err := s.incomplete(t, stale, forced, hood)
	if err != nil {
		return err
	}
	if err := s.membersOf(t, missing, hood); err != nil {
		return err
	}
	return s.relink(t, hood, stale, forced, news)
}

// countryLocks returns the lock keys of the countries of the documents'
// events and of the incidents they were in.
func (s *Service) countryLocks(ctx context.Context, db querier, docIDs []string) (map[int32]bool, error) {
	keys := make(map[int32]bool)
	if s.Locks.Country == "" {
		return keys, nil
	}
	for len(docIDs) > 0 {
		n := min(len(docIDs), 250)
		args := make([]any, 0, 2*n)
		for _, id := range docIDs[:n] {
			args = append(args, id)
		}
		args = append(args, args...)
		rows, err := db.QueryContext(ctx, s.q("SELECT country FROM events WHERE doc_id IN ("+placeholders(n)+")"+
			" UNION SELECT i.country FROM incident_members m JOIN incidents i ON i.id = m.incident_id WHERE m.doc_id IN ("+placeholders(n)+")"), args...)
		if err != nil {
			return nil, fmt.Errorf("countries to lock: %w", err)
		}
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				rows.Close()
				return nil, fmt.Errorf("countries to lock: %w", err)
			}
			keys[countryHash(c)] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("countries to lock: %w", err)
		}
		docIDs = docIDs[n:]
	}
	return keys, nil
}

// lockCountries takes the country locks in ascending order.
func (s *Service) lockCountries(t *linkTx, keys map[int32]bool) error {
	if s.Locks.Country == "" {
		return nil
	}
	list := make([]int32, 0, len(keys))
	for k := range keys {
		list = append(list, k)
	}
	sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	for _, k := range list {
		if err := t.exec(s.Locks.Country, k); err != nil {
			return fmt.Errorf("lock country %d: %w", k, err)
		}
	}
	return nil
}

// countryHash is the lock key of a country: a hash of the key the linker
// compares, so events that can link always share a lock (a collision only
// makes two countries queue).
func countryHash(country string) int32 {
	h := fnv.New32a()
	h.Write([]byte(incident.CountryKey(country)))
	return int32(h.Sum32())
}

// incidentsOfDoc adds the incidents the document's events were in when
// they were last linked. incident_members remembers them even after a
// re-extraction deleted those events.
func (s *Service) incidentsOfDoc(t *linkTx, docID string, ids map[int64]bool) error {
	rows, err := t.query("SELECT DISTINCT incident_id FROM incident_members WHERE doc_id = ?", docID)
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

// candidatesQuery finds the stored events an event could link with in two
// index range scans: events starting within a day of its window, and the
// few with long windows (≤ 62 days, see package incident) that start
// earlier and reach into it, through a partial index of those. With box,
// events with coordinates must also lie in a latitude/longitude box (four
// more placeholders per scan).
func (s *Service) candidatesQuery(box bool) string {
	country := s.Dialect.CaseEq("e.country")
	where := ""
	if box {
		where = " AND (e.latitude IS NULL OR e.longitude IS NULL OR" +
			" (e.latitude >= ? AND e.latitude <= ? AND e.longitude >= ? AND e.longitude <= ?))"
	}
	return "SELECT e.id, e.incident_id FROM events e " +
		"WHERE " + country + " AND e.event_date >= ? AND e.event_date <= ?" + where +
		" UNION ALL SELECT e.id, e.incident_id FROM events e " +
		"WHERE " + country + " AND e.event_date_end > e.event_date AND e.event_date >= ? AND e.event_date < ? AND e.event_date_end >= ?" + where
}

// maxLinkKM bounds the distance of two linked events with coordinates (the
// radius of geo precision 3, see package incident), with a margin.
const maxLinkKM = 151

// linkBox returns a latitude/longitude box holding every point within
// maxLinkKM of (lat, lon), or ok false where a box would not be simple
// (near a pole or the antimeridian).
func linkBox(lat, lon float64) (minLat, maxLat, minLon, maxLon float64, ok bool) {
	const kmPerDegree = 111.0 // a little less than the true 111.19: a wider box
	dLat := maxLinkKM / kmPerDegree
	minLat, maxLat = lat-dLat, lat+dLat
	if minLat < -80 || maxLat > 80 {
		return 0, 0, 0, 0, false
	}
	// Degrees of longitude are shortest at the box's edge nearer a pole.
	dLon := maxLinkKM / (kmPerDegree * math.Cos(max(math.Abs(minLat), math.Abs(maxLat))*math.Pi/180))
	minLon, maxLon = lon-dLon, lon+dLon
	if minLon < -180 || maxLon > 180 {
		return 0, 0, 0, 0, false
	}
	return minLat, maxLat, minLon, maxLon, true
}

// searchWindow is what one candidates query asks for: stored events of a
// country whose date windows touch from..to, and with box, events with
// coordinates inside the latitude/longitude box.
type searchWindow struct {
	country                        string
	from, to                       time.Time
	box                            bool
	minLat, maxLat, minLon, maxLon float64
}

// window returns the search window of e, or ok false if e has no country
// or date to link by.
func window(e *sitrep.Event) (w searchWindow, ok bool) {
	if e.Country == "" || e.EventDate == "" {
		return w, false
	}
	from, err := time.Parse("2006-01-02", e.EventDate)
	if err != nil {
		return w, false // undated for linking purposes
	}
	to := from
	if t, err := time.Parse("2006-01-02", e.EventDateEnd); err == nil && t.After(from) {
		to = t
	}
	w = searchWindow{country: e.Country, from: from, to: to}
	if e.Latitude != nil && e.Longitude != nil {
		w.minLat, w.maxLat, w.minLon, w.maxLon, w.box = linkBox(*e.Latitude, *e.Longitude)
	}
	return w, true
}

// candidatesOf adds to hood the stored events that the new reports could
// link with: same country, date window within a day of theirs, and if both
// have coordinates, close enough (see package incident). Events that
// cannot link with any new event need not be read: their incidents cannot
// change. The windows of a country's reports that touch are asked for in
// one query (their date range, the box around all their boxes): a batch's
// reports mostly share a country and days, and one query reads each
// stored event once. Asking for more than each report's own window is
// harmless: linkable keeps only the candidates that link with a new
// report, and every such candidate is in that report's window.
func (s *Service) candidatesOf(t *linkTx, fresh []storedReport, hood map[int64]storedReport) error {
	var ws []searchWindow
	for i := range fresh {
		if w, ok := window(&fresh[i].Event); ok {
			ws = append(ws, w)
		}
	}
	sort.Slice(ws, func(i, j int) bool {
		if ws[i].country != ws[j].country {
			return ws[i].country < ws[j].country
		}
		return ws[i].from.Before(ws[j].from)
	})
	for i := 0; i < len(ws); {
		w := ws[i]
		j := i + 1
		// Windows touch when their ±1 day ranges meet.
		for ; j < len(ws) && ws[j].country == w.country && !ws[j].from.After(w.to.AddDate(0, 0, 2)); j++ {
			n := ws[j]
			if n.to.After(w.to) {
				w.to = n.to
			}
			if w.box && n.box {
				w.minLat, w.maxLat = min(w.minLat, n.minLat), max(w.maxLat, n.maxLat)
				w.minLon, w.maxLon = min(w.minLon, n.minLon), max(w.maxLon, n.maxLon)
			} else {
				w.box = false
			}
		}
		if err := s.candidates(t, w, hood); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// candidates adds to hood the stored events of w.
func (s *Service) candidates(t *linkTx, w searchWindow, hood map[int64]storedReport) error {
	day := func(t time.Time, d int) string { return t.AddDate(0, 0, d).Format("2006-01-02") }
	near := []any{w.country, day(w.from, -1), day(w.to, 1)}
	early := []any{w.country, day(w.from, -64), day(w.from, -1), day(w.from, -1)}
	if w.box {
		near = append(near, w.minLat, w.maxLat, w.minLon, w.maxLon)
		early = append(early, w.minLat, w.maxLat, w.minLon, w.maxLon)
	}
	refs, err := scanRefs(t.query(s.candidatesQuery(w.box), append(near, early...)...))
	if err != nil {
		return fmt.Errorf("candidates in %s from %s: %w", w.country, day(w.from, 0), err)
	}
	reports, err := s.resolve(t, refs)
	if err != nil {
		return fmt.Errorf("candidates in %s from %s: %w", w.country, day(w.from, 0), err)
	}
	for _, r := range reports {
		if _, ok := hood[r.Event.ID]; !ok {
			hood[r.Event.ID] = r
		}
	}
	return nil
}

// linkable adds to hood the candidates that link with one of the new
// reports. The others cannot change: an incident changes only when a new
// report links into it, and a candidate in such an incident is read with
// it (see membersOf). Grouping costs the square of the hood's size, and
// most candidates (same country, same days) are about something else.
func (s *Service) linkable(fresh []storedReport, cands, hood map[int64]storedReport) {
	news := make([]incident.Prepared, 0, len(fresh))
	for _, r := range fresh {
		news = append(news, s.prepared.get(r.Report))
	}
	for id, c := range cands {
		if _, ok := hood[id]; ok {
			continue
		}
		p := s.prepared.get(c.Report)
		for _, n := range news {
			if _, ok := n.Link(p); ok {
				hood[id] = c
				break
			}
		}
	}
}

// incomplete returns the incidents of ids that have events the hood lacks:
// those whose stored event count differs from the hood's, and the forced
// ones. Most incidents around a new report are already whole in the hood
// (their events are its candidates), so their events need not be read
// twice.
func (s *Service) incomplete(t *linkTx, ids, forced map[int64]bool, hood map[int64]storedReport) (map[int64]bool, error) {
	have := make(map[int64]int)
	for _, r := range hood {
		if r.incidentID.Valid {
			have[r.incidentID.Int64]++
		}
	}
	out := make(map[int64]bool)
	list := sortedIDs(ids)
	for len(list) > 0 {
		n := min(len(list), 500)
		args := make([]any, n)
		for i, id := range list[:n] {
			args[i] = id
			out[id] = true
		}
		rows, err := t.query("SELECT id, events FROM incidents WHERE id IN ("+placeholders(n)+")", args...)
		if err != nil {
			return nil, fmt.Errorf("sizes of incidents: %w", err)
		}
		for rows.Next() {
			var id int64
			var events int
			if err := rows.Scan(&id, &events); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sizes of incidents: %w", err)
			}
			if events == have[id] && !forced[id] {
				delete(out, id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sizes of incidents: %w", err)
		}
		list = list[n:]
	}
	return out, nil
}

// membersOf adds to hood every event of the given incidents.
func (s *Service) membersOf(t *linkTx, ids map[int64]bool, hood map[int64]storedReport) error {
	list := sortedIDs(ids)
	for len(list) > 0 {
		n := min(len(list), 500)
		args := make([]any, n)
		for i, id := range list[:n] {
			args[i] = id
		}
		refs, err := scanRefs(t.query("SELECT e.id, e.incident_id FROM events e "+
			"WHERE e.incident_id IN ("+placeholders(n)+")", args...))
		if err != nil {
			return fmt.Errorf("members of incidents: %w", err)
		}
		reports, err := s.resolve(t, refs)
		if err != nil {
			return fmt.Errorf("members of incidents: %w", err)
		}
		for _, r := range reports {
			if _, ok := hood[r.Event.ID]; !ok {
				hood[r.Event.ID] = r
			}
		}
		list = list[n:]
	}
	return nil
}

// relink links the neighbourhood and rewrites the incidents that changed.
// An incident is unchanged when it has exactly the events it had, none of
// them new: its summary and links are a function of those events alone.
// Rewriting only the changed ones spares most of the writes, since a new
// report changes one incident, not the dozens around it.
func (s *Service) relink(t *linkTx, hood map[int64]storedReport, stale, forced, news map[int64]bool) error {
	ps := make([]incident.Prepared, 0, len(hood))
	for _, id := range sortedKeys(hood) {
		ps = append(ps, s.prepared.get(hood[id].Report))
	}
	l := incident.NewLinker()
	if err := l.AddPrepared(ps...); err != nil {
		return err
	}
	stored := make(map[int64]int) // incident id → events of the hood in it
	for _, r := range hood {
		if r.incidentID.Valid {
			stored[r.incidentID.Int64]++
		}
	}
	unchanged := func(ids []int64) bool {
		id := ids[0]
		if forced[id] || stored[id] != len(ids) {
			return false
		}
		for _, e := range ids {
			r := hood[e]
			if news[e] || !r.incidentID.Valid || r.incidentID.Int64 != id {
				return false
			}
		}
		return true
	}
	incs, kept := l.IncidentsExcept(unchanged)
	keep := make(map[int64]bool)
	in := make(map[int64]bool)
	for _, ids := range kept {
		keep[ids[0]] = true
		for _, id := range ids {
			in[id] = true
		}
	}
	changed := make([]*sitrep.Incident, len(incs))
	for i := range incs {
		changed[i] = &incs[i]
		for _, id := range incs[i].EventIDs {
			in[id] = true
		}
	}
	// A changed incident that keeps its id is updated in place: its links
	// and members are diffed against the stored ones (a link depends only
	// on its two events, so a stored link is still right). One report
	// joining an incident of k events adds k links instead of rewriting
	// k²/2.
	replaced := make(map[int64]bool)
	for _, inc := range changed {
		if stale[inc.ID] {
			replaced[inc.ID] = true
		}
	}
	var gone []int64
	for _, id := range sortedIDs(stale) {
		if !keep[id] && !replaced[id] {
			gone = append(gone, id)
		}
	}
	if err := s.deleteIncidents(t, gone); err != nil {
		return err
	}
	for _, inc := range changed {
		var err error
		if replaced[inc.ID] {
			if s.grows(inc, hood, forced) {
				err = s.growIncident(t, inc, hood)
			} else {
				err = s.updateIncident(t, inc, hood)
			}
		} else {
			// Not stored as far as the hood knows; make sure.
			if err := s.deleteIncidents(t, []int64{inc.ID}); err != nil {
				return err
			}
			err = s.insertIncident(t, inc, hood)
		}
		if err != nil {
			return err
		}
	}
	// Events in no incident (planned, threatened, tallies) point nowhere.
	for _, id := range sortedKeys(hood) {
		if !in[id] && hood[id].incidentID.Valid {
			if err := t.exec("UPDATE events SET incident_id = NULL WHERE id = ?", id); err != nil {
				return fmt.Errorf("clear incident of event %d: %w", id, err)
			}
		}
	}
	return nil
}

func (s *Service) deleteIncidents(t *linkTx, ids []int64) error {
	for _, id := range ids {
		for _, q := range []string{"DELETE FROM incident_links WHERE incident_id = ?",
			"DELETE FROM incident_members WHERE incident_id = ?", "DELETE FROM incidents WHERE id = ?"} {
			if err := t.exec(q, id); err != nil {
				return fmt.Errorf("delete incident %d: %w", id, err)
			}
		}
	}
	return nil
}

const (
	insertIncidentSQL = `INSERT INTO incidents (id, event_type, sub_event_type, start_date, end_date,
		country, admin1, location, latitude, longitude, actor1, actor2,
		fatalities_min, fatalities_max, fatalities_best, grade, sources, events)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	updateIncidentSQL = `UPDATE incidents SET event_type = ?, sub_event_type = ?, start_date = ?, end_date = ?,
		country = ?, admin1 = ?, location = ?, latitude = ?, longitude = ?, actor1 = ?, actor2 = ?,
		fatalities_min = ?, fatalities_max = ?, fatalities_best = ?, grade = ?, sources = ?, events = ?
		WHERE id = ?`
	insertLinkSQL = `INSERT INTO incident_links (incident_id, from_event, to_event, distance_km,
		place_match, date_gap_days, actor_match, type_score, similarity, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertMemberSQL = "INSERT INTO incident_members (event_id, incident_id, doc_id) VALUES (?, ?, ?)"
)

// insertIncident writes inc, its links and members, and points its events
// at it. Events of hood already pointing at it are not updated again (nil
// hood: update all).
func (s *Service) insertIncident(t *linkTx, inc *sitrep.Incident, hood map[int64]storedReport) error {
	if err := s.insertSummary(t, inc); err != nil {
		return err
	}
	for i := range inc.Links {
		if err := s.insertLink(t, inc.ID, &inc.Links[i]); err != nil {
			return err
		}
	}
	for _, c := range inc.Claims { // one claim per event, with its document
		if _, ok := hood[c.EventID]; ok {
			// Still listed under an incident of the hood that is
			// rewritten after this one?
			if err := t.exec("DELETE FROM incident_members WHERE event_id = ?", c.EventID); err != nil {
				return fmt.Errorf("move member %d to incident %d: %w", c.EventID, inc.ID, err)
			}
		}
		if err := t.exec(insertMemberSQL, c.EventID, inc.ID, c.DocID); err != nil {
			return fmt.Errorf("insert member %d of incident %d: %w", c.EventID, inc.ID, err)
		}
	}
	return s.pointEvents(t, inc, hood)
}

// grows reports whether the stored incident inc.ID only gained events:
// every event it had is still in it, none of them vague, and none deleted
// (forced). Its stored links are then the links among those events (all
// links between precise events are kept, and they depend only on the two
// events), and they are all still links of inc.
func (s *Service) grows(inc *sitrep.Incident, hood map[int64]storedReport, forced map[int64]bool) bool {
	if forced[inc.ID] {
		return false
	}
	in := make(map[int64]bool, len(inc.EventIDs))
	for _, id := range inc.EventIDs {
		in[id] = true
	}
	for id, r := range hood {
		if !r.incidentID.Valid || r.incidentID.Int64 != inc.ID {
			continue
		}
		if !in[id] {
			return false
		}
		if p, ok := s.prepared.lookup(id); !ok || p.Vague() {
			return false
		}
	}
	return true
}

// growIncident rewrites the summary of an incident that only gained
// events (see grows) and adds the links and members of the new ones,
// without reading what is stored.
func (s *Service) growIncident(t *linkTx, inc *sitrep.Incident, hood map[int64]storedReport) error {
	if err := s.updateSummary(t, inc); err != nil {
		return err
	}
	had := func(id int64) bool {
		r, ok := hood[id]
		return ok && r.incidentID.Valid && r.incidentID.Int64 == inc.ID
	}
	for i := range inc.Links {
		if l := &inc.Links[i]; !had(l.From) || !had(l.To) {
			if err := s.insertLink(t, inc.ID, l); err != nil {
				return err
			}
		}
	}
	for _, c := range inc.Claims {
		if had(c.EventID) {
			continue
		}
		// Still listed under an incident this linking rewrites after this one?
		if err := t.exec("DELETE FROM incident_members WHERE event_id = ?", c.EventID); err != nil {
			return fmt.Errorf("move member %d to incident %d: %w", c.EventID, inc.ID, err)
		}
		if err := t.exec(insertMemberSQL, c.EventID, inc.ID, c.DocID); err != nil {
			return fmt.Errorf("insert member %d of incident %d: %w", c.EventID, inc.ID, err)
		}
	}
	return s.pointEvents(t, inc, hood)
}

// updateIncident rewrites the summary of the stored incident inc.ID and
// changes only the links and members that differ.
func (s *Service) updateIncident(t *linkTx, inc *sitrep.Incident, hood map[int64]storedReport) error {
	if err := s.updateSummary(t, inc); err != nil {
		return err
	}
	links := make(map[[2]int64]bool)
	rows, err := t.query("SELECT from_event, to_event FROM incident_links WHERE incident_id = ?", inc.ID)
	if err != nil {
		return fmt.Errorf("links of incident %d: %w", inc.ID, err)
	}
	for rows.Next() {
		var k [2]int64
		if err := rows.Scan(&k[0], &k[1]); err != nil {
			rows.Close()
			return fmt.Errorf("links of incident %d: %w", inc.ID, err)
		}
		links[k] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("links of incident %d: %w", inc.ID, err)
	}
	for i := range inc.Links {
		l := &inc.Links[i]
		k := [2]int64{l.From, l.To}
		if links[k] {
			delete(links, k)
			continue
		}
		if err := s.insertLink(t, inc.ID, l); err != nil {
			return err
		}
	}
	for k := range links {
		if err := t.exec("DELETE FROM incident_links WHERE incident_id = ? AND from_event = ? AND to_event = ?", inc.ID, k[0], k[1]); err != nil {
			return fmt.Errorf("delete link %d-%d of incident %d: %w", k[0], k[1], inc.ID, err)
		}
	}
	members := make(map[int64]bool)
	rows, err = t.query("SELECT event_id FROM incident_members WHERE incident_id = ?", inc.ID)
	if err != nil {
		return fmt.Errorf("members of incident %d: %w", inc.ID, err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("members of incident %d: %w", inc.ID, err)
		}
		members[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("members of incident %d: %w", inc.ID, err)
	}
	for _, c := range inc.Claims {
		if members[c.EventID] {
			delete(members, c.EventID)
			continue
		}
		// The event may still be listed under another incident this
		// linking is about to delete or rewrite.
		if err := t.exec("DELETE FROM incident_members WHERE event_id = ?", c.EventID); err != nil {
			return fmt.Errorf("move member %d to incident %d: %w", c.EventID, inc.ID, err)
		}
		if err := t.exec(insertMemberSQL, c.EventID, inc.ID, c.DocID); err != nil {
			return fmt.Errorf("insert member %d of incident %d: %w", c.EventID, inc.ID, err)
		}
	}
	for id := range members {
		if err := t.exec("DELETE FROM incident_members WHERE event_id = ? AND incident_id = ?", id, inc.ID); err != nil {
			return fmt.Errorf("delete member %d of incident %d: %w", id, inc.ID, err)
		}
	}
	return s.pointEvents(t, inc, hood)
}

func (s *Service) insertSummary(t *linkTx, inc *sitrep.Incident) error {
	err := t.exec(insertIncidentSQL,
		inc.ID, inc.EventType, inc.SubEventType, inc.StartDate, inc.EndDate,
		inc.Country, inc.Admin1, inc.Location, sqldb.NullFloat(inc.Latitude), sqldb.NullFloat(inc.Longitude), inc.Actor1, inc.Actor2,
		sqldb.NullInt(inc.FatalitiesMin), sqldb.NullInt(inc.FatalitiesMax), sqldb.NullInt(inc.FatalitiesBest), inc.Grade, inc.Sources, len(inc.EventIDs))
	if err != nil {
		return fmt.Errorf("insert incident %d: %w", inc.ID, err)
	}
	return nil
}

// updateSummary rewrites the summary of the stored incident inc.ID in
// place: one row update instead of a delete and an insert (and their index
// entries). An incident that is not stored after all is inserted.
func (s *Service) updateSummary(t *linkTx, inc *sitrep.Incident) error {
	n, err := t.execN(updateIncidentSQL,
		inc.EventType, inc.SubEventType, inc.StartDate, inc.EndDate,
		inc.Country, inc.Admin1, inc.Location, sqldb.NullFloat(inc.Latitude), sqldb.NullFloat(inc.Longitude), inc.Actor1, inc.Actor2,
		sqldb.NullInt(inc.FatalitiesMin), sqldb.NullInt(inc.FatalitiesMax), sqldb.NullInt(inc.FatalitiesBest), inc.Grade, inc.Sources, len(inc.EventIDs),
		inc.ID)
	if err != nil {
		return fmt.Errorf("update incident %d: %w", inc.ID, err)
	}
	if n == 0 {
		return s.insertSummary(t, inc)
	}
	return nil
}

func (s *Service) insertLink(t *linkTx, incID int64, l *sitrep.IncidentLink) error {
	if err := t.exec(insertLinkSQL, incID, l.From, l.To, l.DistanceKM, l.PlaceMatch, l.DateGapDays,
		l.ActorMatch, l.TypeScore, l.Similarity, l.Score); err != nil {
		return fmt.Errorf("insert link %d-%d of incident %d: %w", l.From, l.To, incID, err)
	}
	return nil
}

// pointEvents sets events.incident_id of inc's events that do not
// already point at it.
func (s *Service) pointEvents(t *linkTx, inc *sitrep.Incident, hood map[int64]storedReport) error {
	for _, id := range inc.EventIDs {
		if r, ok := hood[id]; ok && r.incidentID.Valid && r.incidentID.Int64 == inc.ID {
			continue
		}
		if err := t.exec("UPDATE events SET incident_id = ? WHERE id = ?", inc.ID, id); err != nil {
			return fmt.Errorf("set incident %d on event %d: %w", inc.ID, id, err)
		}
	}
	return nil
}

// Rebuild relinks every stored event from scratch, for a new database
// schema or a changed linking rule. It excludes every other linker.
func (s *Service) Rebuild(ctx context.Context) error {
	return s.withTx(ctx, s.Locks.Rebuild, func(t *linkTx) error {
		reports, err := scanReports(t.QueryContext(ctx, s.q("SELECT "+reportCols+", e.incident_id"+reportFrom+"ORDER BY e.id")))
		if err != nil {
			return err
		}
		for _, q := range []string{"DELETE FROM incident_links", "DELETE FROM incident_members", "DELETE FROM incidents", "UPDATE events SET incident_id = NULL WHERE incident_id IS NOT NULL"} {
			if _, err := t.ExecContext(ctx, q); err != nil {
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
			if err := s.insertIncident(t, &incs[i], nil); err != nil {
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
