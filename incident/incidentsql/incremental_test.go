package incidentsql_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/incident/incidentsql"
)

// crowded extracts, for each synthetic document, one event in a small
// crowded world: 3 countries, 10 days, 6 towns, week-long windows, region
// -only places and denials, so neighbourhoods overlap and vague reports
// compete for incidents.
type crowded struct{}

func (crowded) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	var c, day, town, kind, sub int
	if _, err := fmt.Sscanf(doc.Title, "%d %d %d %d %d", &c, &day, &town, &kind, &sub); err != nil {
		return nil, err
	}
	d0 := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	date := d0.AddDate(0, 0, day).Format("2006-01-02")
	lat, lon := 10+float64(c)*5+float64(town)*0.05, 20.0
	subs := []string{"Air/drone strike", "Shelling/artillery/missile attack", "Attack", "Armed clash"}
	e := sitrep.Event{
		EventType: sitrep.EventTypeOf(subs[sub]), SubEventType: subs[sub], Modality: sitrep.ModalityOccurred,
		EventDate: date, EventDateEnd: date, TimePrecision: 1, DateText: "on a day",
		Country: fmt.Sprintf("Country %d", c), Admin1: "Region", Location: fmt.Sprintf("Town %d", town),
		Latitude: &lat, Longitude: &lon, GeoPrecision: 1,
		Evidence: sitrep.Evidence{Text: doc.Text, End: len(doc.Text)},
	}
	switch kind {
	case 1: // a weekly round-up
		e.EventDate, e.EventDateEnd, e.TimePrecision = d0.AddDate(0, 0, day-3).Format("2006-01-02"), d0.AddDate(0, 0, day+3).Format("2006-01-02"), 2
	case 2: // only the region
		e.GeoPrecision, e.Location = 3, ""
	case 3:
		e.Modality = sitrep.ModalityDenied
	case 4:
		e.GeoPrecision = 2
	}
	return []sitrep.Event{e}, nil
}

func TestIncrementalEqualsRebuildOnCrowdedData(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			b := open(t)
			b.store.Extractor = crowded{}
			store := &incidentsql.LinkingStore{DocumentStore: b.store, Incidents: b.inc}
			ctx := context.Background()
			for _, d := range crowdedDocs(150) {
				if _, err := store.IngestDocument(ctx, &d); err != nil {
					t.Fatal(err)
				}
			}
			incremental, incMembers := snapshot(t, b.inc), memberRows(t, b.inc)
			if err := b.inc.Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			batch, batchMembers := snapshot(t, b.inc), memberRows(t, b.inc)
			if !reflect.DeepEqual(incMembers, batchMembers) {
				t.Errorf("incident_members after incremental linking:\n%v\nafter a rebuild:\n%v", incMembers, batchMembers)
			}
			if len(batch) < 15 || len(batch) > 140 {
				t.Fatalf("%d incidents from 150 reports: the data does not exercise linking", len(batch))
			}
			t.Logf("%d reports → %d incidents", 150, len(batch))
			if !reflect.DeepEqual(incremental, batch) {
				t.Errorf("incremental linking gives %d incidents, a rebuild %d, and they differ", len(incremental), len(batch))
			}
		})
	}
}

// Parallel ingest workers have their documents linked in shared
// transactions, and two stores (two processes) link at once (on
// PostgreSQL, under per-country locks); the incidents must still be those
// of a rebuild.
func TestConcurrentIngestEqualsRebuild(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			b := open(t)
			b.store.Extractor = crowded{}
			stores := []*incidentsql.LinkingStore{
				{DocumentStore: b.store, Incidents: b.inc}, {DocumentStore: b.store, Incidents: b.inc}}
			docs := crowdedDocs(150)
			ingestConcurrently(t, docs, stores...)
			assertRebuildAgrees(t, b.inc, "concurrent linking")
		})
	}
}

func TestLinkDocumentsInBatchesEqualsRebuild(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			b := open(t)
			b.store.Extractor = crowded{}
			ctx := context.Background()
			docs := crowdedDocs(150)
			for i := 0; i < len(docs); i += 15 {
				var ids []string
				for j := i; j < i+15; j++ {
					if _, err := b.store.IngestDocument(ctx, &docs[j]); err != nil {
						t.Fatal(err)
					}
					ids = append(ids, docs[j].ID)
				}
				if err := b.inc.LinkDocuments(ctx, ids...); err != nil {
					t.Fatal(err)
				}
			}
			assertRebuildAgrees(t, b.inc, "linking 15 documents at a time")
		})
	}
}

// crowdedDocs returns n documents for crowded, 40% of them vague.
func crowdedDocs(n int) []sitrep.Document {
	rng := rand.New(rand.NewPCG(3, 4))
	docs := make([]sitrep.Document, n)
	for i := range docs {
		kind := 0
		if r := rng.IntN(10); r < 4 {
			kind = r + 1
		}
		docs[i] = sitrep.Document{
			ID: fmt.Sprintf("x%d", i), Source: fmt.Sprintf("Outlet %d", rng.IntN(6)), Published: "2024-04-20",
			Title: fmt.Sprintf("%d %d %d %d %d", rng.IntN(3), rng.IntN(10), rng.IntN(6), kind, rng.IntN(4)),
			Text:  fmt.Sprintf("Report %d of a strike on a %s, officials said.", i, []string{"market", "school", "convoy"}[rng.IntN(3)]),
		}
	}
	return docs
}

// snapshot returns every incident with its events, claims and links.
// ingestConcurrently ingests docs from 8 goroutines spread over stores,
// failing the test on any error.
func ingestConcurrently(t *testing.T, docs []sitrep.Document, stores ...*incidentsql.LinkingStore) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, len(docs))
	var next atomic.Int64
	for g := range 8 {
		store := stores[g%len(stores)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1) - 1; i < int64(len(docs)); i = next.Add(1) - 1 {
				if _, err := store.IngestDocument(context.Background(), &docs[i]); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// assertRebuildAgrees rebuilds every incident from scratch and fails the
// test if the incidents or their member rows differ from what linking step
// by step left behind; how names that linking in the messages.
func assertRebuildAgrees(t *testing.T, svc *incidentsql.Service, how string) {
	t.Helper()
	stepwise, stepwiseMembers := snapshot(t, svc), memberRows(t, svc)
	if err := svc.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	rebuilt, rebuiltMembers := snapshot(t, svc), memberRows(t, svc)
	if !reflect.DeepEqual(stepwise, rebuilt) {
		t.Errorf("%s gives %d incidents, a rebuild %d, and they differ", how, len(stepwise), len(rebuilt))
	}
	if !reflect.DeepEqual(stepwiseMembers, rebuiltMembers) {
		t.Errorf("incident_members after %s:\n%v\nafter a rebuild:\n%v", how, stepwiseMembers, rebuiltMembers)
	}
}

func snapshot(t *testing.T, svc *incidentsql.Service) []*sitrep.Incident {
	t.Helper()
	var out []*sitrep.Incident
	for _, inc := range allIncidents(t, svc, sitrep.IncidentFilter{Limit: 50}) {
		full, err := svc.FindIncidentByID(context.Background(), inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		full.Events = nil // the same events either way; compared by id
		out = append(out, full)
	}
	return out
}

// memberRows returns incident_members as "event incident doc" lines, the
// table re-extraction relies on to find a document's former incidents.
func memberRows(t *testing.T, svc *incidentsql.Service) []string {
	t.Helper()
	rows, err := svc.R.Query("SELECT event_id, incident_id, doc_id FROM incident_members ORDER BY event_id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var ev, inc int64
		var doc string
		if err := rows.Scan(&ev, &inc, &doc); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%d %d %s", ev, inc, doc))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// moved is crowded with every event three days later: a re-extraction
// under a changed rule that moves reports out of their incidents.
type moved struct{}

func (moved) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	evs, err := crowded{}.Extract(doc)
	for i := range evs {
		for _, d := range []*string{&evs[i].EventDate, &evs[i].EventDateEnd} {
			t, _ := time.Parse("2006-01-02", *d)
			*d = t.AddDate(0, 0, 3).Format("2006-01-02")
		}
	}
	return evs, err
}

func TestReextractionMovingReportsEqualsRebuild(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			b := open(t)
			b.store.Extractor = crowded{}
			store := &incidentsql.LinkingStore{DocumentStore: b.store, Incidents: b.inc}
			ctx := context.Background()
			docs := crowdedDocs(100)
			for i := range docs {
				if _, err := store.IngestDocument(ctx, &docs[i]); err != nil {
					t.Fatal(err)
				}
			}
			b.store.Extractor = moved{}
			for i := 0; i < len(docs); i += 3 {
				if _, err := store.ReextractDocument(ctx, docs[i].ID); err != nil {
					t.Fatal(err)
				}
			}
			assertRebuildAgrees(t, b.inc, "relinking re-extracted reports")
		})
	}
}
