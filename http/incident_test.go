package http_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/sitrep/sitrep"
	sitrephttp "github.com/sitrep/sitrep/http"
	"github.com/sitrep/sitrep/store/storetest"
)

// strikeReports codes three short reports: two outlets on one air strike in
// Binnish, and a strike on Saraqib the same day.
type strikeReports struct{}

func (strikeReports) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	lat, lon, place, n := 35.951, 36.713, "Binnish", 6
	if doc.ID == "d" {
		n = 230
		return []sitrep.Event{{
			EventType: sitrep.ExplosionsRemote, SubEventType: "Air/drone strike", Modality: sitrep.ModalityCumulative,
			EventDate: "2024-01-01", EventDateEnd: "2024-05-08", TimePrecision: 3, Country: "Syria", Admin1: "Idlib",
			GeoPrecision: 3, FatalitiesMin: &n, Fatalities: &n, Evidence: sitrep.Evidence{Text: doc.Text, End: len(doc.Text)},
		}}, nil
	}
	if doc.ID == "c" {
		lat, lon, place, n = 35.862, 36.806, "Saraqib", 2
	}
	if doc.ID == "b" {
		n = 8
	}
	return []sitrep.Event{{
		EventType: sitrep.ExplosionsRemote, SubEventType: "Air/drone strike", Modality: sitrep.ModalityOccurred,
		EventDate: "2024-05-06", EventDateEnd: "2024-05-06", TimePrecision: 1,
		Country: "Syria", Admin1: "Idlib", Location: place, Latitude: &lat, Longitude: &lon, GeoPrecision: 1,
		Fatalities: &n, Evidence: sitrep.Evidence{Text: doc.Text, End: len(doc.Text)},
	}}, nil
}

func TestIncidentAPI(t *testing.T) {
	db := storetest.OpenSQLite(t)
	db.Store.Extractor = strikeReports{}
	svc := db.IncidentService()
	ctx := context.Background()
	for _, d := range []sitrep.Document{
		{ID: "a", Source: "Enab Baladi", Title: "Strike on Binnish market", URL: "https://news.example/a", Published: "2024-05-06",
			Text: "Six people were killed when an air strike hit the market in Binnish on Monday."},
		{ID: "b", Source: "SOHR", Published: "2024-05-07", Text: "Eight civilians died in Monday's air raid on Binnish market, the monitor said."},
		{ID: "c", Source: "Reuters", Published: "2024-05-06", Text: "Two fighters were killed in a drone strike on a car in Saraqib on Monday."},
		{ID: "d", Source: "Monitor", Published: "2024-05-08", Text: "At least 230 people have been killed in air strikes on Idlib province since January, the monitor said."},
	} {
		if _, err := db.Store.IngestDocument(ctx, &d); err != nil {
			t.Fatal(err)
		}
		if err := svc.LinkDocument(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
	}
	srv := sitrephttp.NewServer()
	srv.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv.DocumentService, srv.EventService, srv.StatsService, srv.IncidentService = db.Store, db.Store, db.Store, svc
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	get := func(t *testing.T, path string, want int, v any) {
		t.Helper()
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want {
			t.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, want, body)
		}
		if v != nil {
			if err := json.Unmarshal(body, v); err != nil {
				t.Fatalf("GET %s: %v in %s", path, err, body)
			}
		}
	}

	var page sitrephttp.IncidentPage
	get(t, "/api/incidents?country=syria&from=2024-05-01&to=2024-05-31", 200, &page)
	if len(page.Incidents) != 2 {
		t.Fatalf("got %d incidents, want 2 (Binnish, Saraqib)", len(page.Incidents))
	}
	var binnish *sitrep.Incident
	for _, inc := range page.Incidents {
		if inc.Location == "Binnish" {
			binnish = inc
		}
	}
	if binnish == nil || binnish.Sources != 2 || binnish.FatalitiesMin == nil || *binnish.FatalitiesMin != 6 || *binnish.FatalitiesMax != 8 {
		t.Fatalf("Binnish incident = %+v, want 2 sources, 6 to 8 killed", binnish)
	}

	t.Run("paging with a cursor", func(t *testing.T) {
		var first, second sitrephttp.IncidentPage
		get(t, "/api/incidents?limit=1", 200, &first)
		if len(first.Incidents) != 1 || first.NextCursor == "" {
			t.Fatalf("first page = %+v, want one incident and a cursor", first)
		}
		get(t, "/api/incidents?limit=1&cursor="+first.NextCursor, 200, &second)
		if len(second.Incidents) != 1 || second.NextCursor != "" || second.Incidents[0].ID == first.Incidents[0].ID {
			t.Fatalf("second page = %+v, want the other incident and no cursor", second)
		}
	})

	t.Run("detail has events, claims, links and documents", func(t *testing.T) {
		var d struct {
			sitrep.Incident
			Documents []sitrephttp.IncidentSource `json:"documents"`
		}
		get(t, "/api/incidents/"+itoa(binnish.ID), 200, &d)
		if len(d.Events) != 2 || len(d.Claims) != 2 || len(d.Links) != 1 || len(d.Documents) != 2 {
			t.Fatalf("detail has %d events, %d claims, %d links, %d documents; want 2, 2, 1, 2",
				len(d.Events), len(d.Claims), len(d.Links), len(d.Documents))
		}
		if d.Documents[0].Title != "Strike on Binnish market" || d.Documents[0].URL != "https://news.example/a" {
			t.Errorf("first document = %+v, want its title and URL", d.Documents[0])
		}
		if d.Links[0].PlaceMatch != "location" || d.Links[0].DistanceKM != 0 {
			t.Errorf("link = %+v, want a location match at 0 km", d.Links[0])
		}
	})

	t.Run("tallies are served apart from incidents", func(t *testing.T) {
		var tp sitrephttp.TallyPage
		get(t, "/api/tallies?country=Syria", 200, &tp)
		if len(tp.Series) != 1 || len(tp.Series[0].Points) != 1 || tp.Series[0].Points[0].AsOf != "2024-05-08" {
			t.Fatalf("tallies = %+v, want one series with the monitor's count as of 2024-05-08", tp)
		}
		if p := tp.Series[0].Points[0]; p.Fatalities == nil || *p.Fatalities != 230 {
			t.Errorf("tally = %+v, want 230 killed", p)
		}
	})

	t.Run("bad requests", func(t *testing.T) {
		for path, want := range map[string]int{
			"/api/incidents?limit=zero":     400,
			"/api/incidents?from=yesterday": 400,
			"/api/incidents?cursor=bogus":   400,
			"/api/incidents/abc":            400,
			"/api/incidents/424242":         404,
		} {
			get(t, path, want, nil)
		}
	})

	t.Run("without an incident service", func(t *testing.T) {
		bare := sitrephttp.NewServer()
		bare.Logger = srv.Logger
		rec := httptest.NewRecorder()
		bare.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/api/incidents", nil))
		if rec.Code != 501 {
			t.Errorf("status %d, want 501", rec.Code)
		}
	})
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }
