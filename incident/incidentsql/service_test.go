package incidentsql_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/incident"
	"github.com/sitrep/sitrep/incident/incidentsql"
	"github.com/sitrep/sitrep/store/sqldb"
	"github.com/sitrep/sitrep/store/storetest"
)

var corpusDir = filepath.Join("..", "..", "testdata", "incidents")

// handCoded is an extractor that returns the events an analyst coded for
// each corpus document, so these tests measure storage, not extraction.
type handCoded map[string][]sitrep.Event

func (h handCoded) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	var out []sitrep.Event
	for _, e := range h[doc.ID] {
		e.ID = 0
		out = append(out, e)
	}
	return out, nil
}

type fixture struct {
	docs     []sitrep.Document
	events   handCoded
	expected [][]string
}

func loadFixture(t testing.TB) fixture {
	t.Helper()
	f := fixture{events: handCoded{}}
	eachLine(t, "docs.jsonl", func(b []byte) error {
		var d sitrep.Document
		f.docs = append(f.docs, d)
		return json.Unmarshal(b, &f.docs[len(f.docs)-1])
	})
	eachLine(t, "events.jsonl", func(b []byte) error {
		var e sitrep.Event
		if err := json.Unmarshal(b, &e); err != nil {
			return err
		}
		f.events[e.DocID] = append(f.events[e.DocID], e)
		return nil
	})
	b, err := os.ReadFile(filepath.Join(corpusDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct{ Incidents []struct{ Docs []string } }
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	for _, inc := range exp.Incidents {
		f.expected = append(f.expected, inc.Docs)
	}
	return f
}

func eachLine(t testing.TB, name string, fn func([]byte) error) {
	t.Helper()
	file, err := os.Open(filepath.Join(corpusDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	s := bufio.NewScanner(file)
	s.Buffer(nil, 1<<20)
	for n := 1; s.Scan(); n++ {
		if err := fn(s.Bytes()); err != nil {
			t.Fatalf("%s:%d: %v", name, n, err)
		}
	}
}

// backend is what the tests need of a database.
type backend struct {
	store *sqldb.Store
	inc   *incidentsql.Service
}

func backends(t *testing.T) map[string]func(t *testing.T) backend {
	return map[string]func(t *testing.T) backend{
		"sqlite": func(t *testing.T) backend {
			db := storetest.OpenSQLite(t)
			return backend{db.Store, db.IncidentService()}
		},
		"postgres": func(t *testing.T) backend {
			db := storetest.OpenPostgres(t)
			return backend{db.Store, db.IncidentService()}
		},
	}
}

// ingestAll ingests the corpus one document at a time through a
// LinkingStore, as the server and `sitrep ingest` do, then once more to
// check that duplicates change nothing.
func ingestAll(t *testing.T, b backend, f fixture) {
	t.Helper()
	ctx := context.Background()
	b.store.Extractor = f.events
	store := &incidentsql.LinkingStore{DocumentStore: b.store, Incidents: b.inc}
	for pass := 0; pass < 2; pass++ {
		for i := range f.docs {
			doc := f.docs[i]
			res, err := store.IngestDocument(ctx, &doc)
			if err != nil {
				t.Fatalf("ingest %s: %v", doc.ID, err)
			}
			if res.Duplicate != (pass == 1) {
				t.Fatalf("pass %d: %s duplicate = %v", pass, doc.ID, res.Duplicate)
			}
		}
	}
}

// allIncidents pages through every incident with the given page size.
func allIncidents(t *testing.T, svc *incidentsql.Service, f sitrep.IncidentFilter) []*sitrep.Incident {
	t.Helper()
	var out []*sitrep.Incident
	for pages := 0; ; pages++ {
		page, next, err := svc.FindIncidents(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page...)
		if next == "" {
			return out
		}
		if pages > 1000 {
			t.Fatal("cursor never ends")
		}
		f.Cursor = next
	}
}

// docGroups returns the stored grouping as sorted doc ids per incident.
func docGroups(t *testing.T, svc *incidentsql.Service) [][]string {
	t.Helper()
	var out [][]string
	for _, inc := range allIncidents(t, svc, sitrep.IncidentFilter{Limit: 7}) {
		full, err := svc.FindIncidentByID(context.Background(), inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		var g []string
		for _, c := range full.Claims {
			if !seen[c.DocID] {
				seen[c.DocID] = true
				g = append(g, c.DocID)
			}
		}
		sort.Strings(g)
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

func TestIncrementalIngestGroupsCorpus(t *testing.T) {
	f := loadFixture(t)
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			b := open(t)
			ingestAll(t, b, f)
			got := docGroups(t, b.inc)
			p, r := incident.Pairwise(f.expected, got)
			t.Logf("%s: %d incidents stored; pairwise precision %.3f recall %.3f", name, len(got), p, r)
			if p < 0.9 || r < 0.9 {
				t.Errorf("precision %.3f recall %.3f, want ≥ 0.9", p, r)
			}
			// Relinking everything from scratch must change nothing.
			if err := b.inc.Rebuild(context.Background()); err != nil {
				t.Fatal(err)
			}
			if again := docGroups(t, b.inc); !reflect.DeepEqual(again, got) {
				t.Errorf("rebuild gives another grouping:\n got %v\nwant %v", again, got)
			}
		})
	}
}

func TestFindIncidents(t *testing.T) {
	f := loadFixture(t)
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			b := open(t)
			ingestAll(t, b, f)
			ctx := context.Background()
			str := func(s string) *string { return &s }
			tests := []struct {
				name   string
				filter sitrep.IncidentFilter
				want   int
			}{
				{"all", sitrep.IncidentFilter{}, len(f.expected)},
				{"country, any case", sitrep.IncidentFilter{Country: str("syria")}, 3},
				{"event type", sitrep.IncidentFilter{EventType: str(sitrep.Protests)}, 3},
				{"date range", sitrep.IncidentFilter{From: str("2024-03-01"), To: str("2024-03-09")}, 4},
				{"country and type", sitrep.IncidentFilter{Country: str("Yemen"), EventType: str(sitrep.ExplosionsRemote)}, 2},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					tt.filter.Limit = 2
					got := allIncidents(t, b.inc, tt.filter)
					if len(got) != tt.want {
						t.Errorf("got %d incidents, want %d", len(got), tt.want)
					}
					for i := 1; i < len(got); i++ {
						a, b := got[i-1], got[i]
						if a.StartDate < b.StartDate || (a.StartDate == b.StartDate && a.ID <= b.ID) {
							t.Errorf("not newest first at %d: %s/%d then %s/%d", i, a.StartDate, a.ID, b.StartDate, b.ID)
						}
					}
				})
			}
			if _, _, err := b.inc.FindIncidents(ctx, sitrep.IncidentFilter{Cursor: "not-a-cursor"}); sitrep.ErrorCode(err) != sitrep.EINVALID {
				t.Errorf("bad cursor: err = %v, want EINVALID", err)
			}
			if _, _, err := b.inc.FindIncidents(ctx, sitrep.IncidentFilter{From: str("March 1")}); sitrep.ErrorCode(err) != sitrep.EINVALID {
				t.Errorf("bad date: err = %v, want EINVALID", err)
			}
			if _, err := b.inc.FindIncidentByID(ctx, 99999); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
				t.Errorf("missing incident: err = %v, want ENOTFOUND", err)
			}
		})
	}
}

func TestIncidentDetail(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) { testIncidentDetail(t, open(t)) })
	}
}

func testIncidentDetail(t *testing.T, b backend) {
	f := loadFixture(t)
	ingestAll(t, b, f)
	ctx := context.Background()
	mali := "Mali"
	page, _, err := b.inc.FindIncidents(ctx, sitrep.IncidentFilter{Country: &mali})
	if err != nil || len(page) != 1 {
		t.Fatalf("Mali incidents = %v, %v; want one", page, err)
	}
	inc, err := b.inc.FindIncidentByID(ctx, page[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if inc.Grade != incident.GradeDiscounted || len(inc.Denials) != 1 {
		t.Errorf("grade %q with denials %v, want discounted by one denial", inc.Grade, inc.Denials)
	}
	if len(inc.Events) != 4 || len(inc.Claims) != 4 {
		t.Errorf("%d events, %d claims; want 4 of each", len(inc.Events), len(inc.Claims))
	}
	for _, e := range inc.Events {
		if e.IncidentID != inc.ID {
			t.Errorf("event %d has incident_id %d, want %d", e.ID, e.IncidentID, inc.ID)
		}
	}
	if len(inc.Links) < 3 {
		t.Errorf("%d links for 4 events, want at least 3 (a spanning tree)", len(inc.Links))
	}
	for _, c := range inc.Claims {
		if c.Source == "" || c.Published == "" || c.Evidence.Text == "" {
			t.Errorf("claim %+v lacks its source, date or evidence", c)
		}
	}
}

func TestReextractionRelinks(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) { testReextractionRelinks(t, open(t)) })
	}
}

func testReextractionRelinks(t *testing.T, b backend) {
	f := loadFixture(t)
	ingestAll(t, b, f)
	ctx := context.Background()
	before := docGroups(t, b.inc)
	// A new extractor moves d04 (Deir ez-Zor, 12 Feb) to another country:
	// its incident must shrink, and d04 stand alone.
	moved := handCoded{}
	for k, v := range f.events {
		moved[k] = v
	}
	e := f.events["d04"][0]
	e.Country = "Iraq"
	moved["d04"] = []sitrep.Event{e}
	b.store.Extractor = moved
	store := &incidentsql.LinkingStore{DocumentStore: b.store, Incidents: b.inc}
	if _, err := store.ReextractDocument(ctx, "d04"); err != nil {
		t.Fatal(err)
	}
	after := docGroups(t, b.inc)
	if len(after) != len(before)+1 {
		t.Fatalf("%d incidents after moving d04, want %d", len(after), len(before)+1)
	}
	has := func(groups [][]string, want []string) bool {
		for _, g := range groups {
			if reflect.DeepEqual(g, want) {
				return true
			}
		}
		return false
	}
	if !has(after, []string{"d01", "d02", "d03"}) || !has(after, []string{"d04"}) {
		t.Errorf("after re-extraction groups = %v, want {d01 d02 d03} and {d04}", after)
	}
}
