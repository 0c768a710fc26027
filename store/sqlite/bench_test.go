package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store/sqlite"
)

// tenEvents is an extractor that returns ten events per document, so
// benchmarks measure storage, not extraction.
type tenEvents struct{}

func (tenEvents) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	out := make([]sitrep.Event, 10)
	for i := range out {
		lat, lon, fat := 33.0+float64(i)/10, 44.0+float64(i)/10, i
		out[i] = sitrep.Event{
			EventType: sitrep.Battles, SubEventType: "Armed clash", Modality: sitrep.ModalityOccurred,
			EventDate: fmt.Sprintf("2026-03-%02d", 1+i), TimePrecision: 1, Actor1: "Military Forces of Iraq", Inter1: 1,
			Country: "Iraq", Admin1: "Baghdad", Location: "Baghdad", Latitude: &lat, Longitude: &lon, GeoPrecision: 1,
			Fatalities: &fat, Evidence: sitrep.Evidence{Text: doc.Text, End: len(doc.Text)},
		}
	}
	return out, nil
}

func openBench(b *testing.B) *sqlite.DB {
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	db.Extractor = tenEvents{}
	return db
}

// BenchmarkIngestDocument stores documents of ten events each, one
// transaction per document, from parallel goroutines as ingest does.
func BenchmarkIngestDocument(b *testing.B) {
	db := openBench(b)
	ctx := context.Background()
	var n int64
	b.SetParallelism(8) // ingest runs several workers per CPU: they wait on commits
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := atomicAdd(&n)
			doc := sitrep.Document{ID: fmt.Sprintf("d%d", i), Text: fmt.Sprintf("Clashes in Baghdad, report %d.", i)}
			if _, err := db.IngestDocument(ctx, &doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFindEvents pages through a 20,000-event store with a country
// and type filter, with and without the result cache.
func BenchmarkFindEvents(b *testing.B) {
	db := openBench(b)
	ctx := context.Background()
	for i := 0; i < 2000; i++ {
		doc := sitrep.Document{ID: fmt.Sprintf("d%d", i), Text: fmt.Sprintf("Clashes in Baghdad, report %d.", i)}
		if _, err := db.IngestDocument(ctx, &doc); err != nil {
			b.Fatal(err)
		}
	}
	country, typ := "Iraq", sitrep.Battles
	f := sitrep.EventFilter{Country: &country, EventType: &typ, Limit: 100}
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.FindEvents(ctx, f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("uncached", func(b *testing.B) {
		version := db.Version
		db.Version = nil
		defer func() { db.Version = version }()
		for b.Loop() {
			if _, err := db.FindEvents(ctx, f); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func atomicAdd(p *int64) int64 { return atomic.AddInt64(p, 1) }
