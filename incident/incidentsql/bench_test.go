package incidentsql_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store/storetest"
)

// oneEvent extracts one event per synthetic document from its title,
// "country|day|lat|lon|sub-event type index".
type oneEvent struct{}

var benchSubTypes = []string{"Air/drone strike", "Armed clash", "Attack"}

func (oneEvent) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	var c, day, k int
	var lat, lon float64
	if _, err := fmt.Sscanf(doc.Title, "%d|%d|%g|%g|%d", &c, &day, &lat, &lon, &k); err != nil {
		return nil, err
	}
	date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day).Format("2006-01-02")
	n := day % 7
	sub := benchSubTypes[k]
	return []sitrep.Event{{
		EventType: sitrep.EventTypeOf(sub), SubEventType: sub, Modality: sitrep.ModalityOccurred,
		EventDate: date, EventDateEnd: date, TimePrecision: 1, Country: "Country " + strconv.Itoa(c),
		Location: fmt.Sprintf("Town %.2f", lat), Latitude: &lat, Longitude: &lon, GeoPrecision: 1, Fatalities: &n,
		Evidence: sitrep.Evidence{Text: doc.Text, End: len(doc.Text)},
	}}, nil
}

// syntheticDoc writes a document of one of about n/2 occurrences (so most
// are told twice), at five documents per country and day, as in
// incident's benchmarks.
func syntheticDoc(rng *rand.Rand, i, n int) sitrep.Document {
	days := max(1, n/(30*5))
	occ := rng.IntN(max(1, n/2))
	c, day := occ%30, (occ/30)%days
	lat, lon := 10+float64(c)+float64(occ%97)/100, 20+float64(occ%13)
	return sitrep.Document{
		ID: fmt.Sprintf("doc%d", i), Source: fmt.Sprintf("Outlet %d", rng.IntN(20)), Published: "2024-06-01",
		Title: fmt.Sprintf("%d|%d|%g|%g|%d", c, day, lat, lon, occ%len(benchSubTypes)),
		Text:  fmt.Sprintf("Report %d: an incident number %d happened in town %d, witnesses said.", i, occ, occ%97),
	}
}

// BenchmarkLinkDocument measures one ingest's relinking in a SQLite
// database already holding n linked documents: it should not grow with n.
func BenchmarkLinkDocument(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			db := storetest.OpenSQLite(b)
			db.Store.Extractor = oneEvent{}
			svc := db.IncidentService()
			ctx := context.Background()
			rng := rand.New(rand.NewPCG(1, 2))
			for i := 0; i < n; i++ {
				d := syntheticDoc(rng, i, n)
				if _, err := db.Store.IngestDocument(ctx, &d); err != nil {
					b.Fatal(err)
				}
			}
			if err := svc.Rebuild(ctx); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				d := syntheticDoc(rng, n+i, n)
				if _, err := db.Store.IngestDocument(ctx, &d); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := svc.LinkDocument(ctx, d.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
