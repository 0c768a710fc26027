package http_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep"
	sitrephttp "github.com/sitrep/sitrep/http"
	"github.com/sitrep/sitrep/store/sqlite"
)

// benchEvents gives each document twenty events spread over countries,
// types and dates, so filters select realistic fractions.
type benchEvents struct{}

func (benchEvents) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	countries := []string{"Syria", "Iraq", "Yemen", "Ukraine", "Somalia", "Nigeria", "Mali", "Sudan"}
	types := []string{sitrep.Battles, sitrep.ExplosionsRemote, sitrep.ViolenceAgainstCivs, sitrep.Protests}
	out := make([]sitrep.Event, 20)
	for i := range out {
		n := len(doc.ID)*7 + i
		lat, lon, fat := 10+float64(n%30), 20+float64(n%25), n%9
		out[i] = sitrep.Event{
			EventType: types[n%len(types)], Country: countries[n%len(countries)], Modality: sitrep.ModalityOccurred,
			EventDate: fmt.Sprintf("2026-%02d-%02d", 1+n%12, 1+n%28), Latitude: &lat, Longitude: &lon, Fatalities: &fat,
			Evidence: sitrep.Evidence{Text: doc.Text, End: len(doc.Text)},
		}
	}
	return out, nil
}

// BenchmarkAPI measures handlers over HTTP on loopback against 20,000
// events in SQLite, with the result cache on (what a dashboard sees) and
// off (the first request after a write). `sitrep loadtest` drives the same
// server at a fixed rate with 100,000 events.
func BenchmarkAPI(b *testing.B) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.Extractor = benchEvents{}
	for i := 0; i < 1000; i++ {
		doc := sitrep.Document{ID: fmt.Sprintf("doc-%04d", i), Text: fmt.Sprintf("Report %d of fighting near the border.", i)}
		if _, err := db.IngestDocument(ctx, &doc); err != nil {
			b.Fatal(err)
		}
	}
	srv := sitrephttp.NewServer()
	srv.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv.DocumentService, srv.EventService, srv.StatsService = db, db, db
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	version := db.Version
	for _, cache := range []bool{true, false} {
		for _, path := range []string{
			"/api/events?limit=100",
			"/api/events?limit=100&country=Syria&event_type=Battles",
			"/api/events?limit=100&bbox=25,15,35,30&sort=-fatalities",
			"/api/stats",
			"/api/stats?country=Iraq",
			"/api/export.csv?country=Yemen",
		} {
			name := fmt.Sprintf("cache=%v%s", cache, path)
			b.Run(name, func(b *testing.B) {
				db.Version = version
				if !cache {
					db.Version = nil
				}
				defer func() { db.Version = version }()
				for b.Loop() {
					resp, err := http.Get(ts.URL + path)
					if err != nil {
						b.Fatal(err)
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						b.Fatalf("status %d", resp.StatusCode)
					}
				}
			})
		}
	}
}
