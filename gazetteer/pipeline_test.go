package gazetteer_test

import (
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/internal/benchcorpus"
)

// TestSeedArticleEventPlaces runs the extraction engine with the embedded
// gazetteer over the seed article and checks where its events are placed,
// as an analyst codes them: the coalition's 21 strikes "in support of the
// Iraqi security forces" at country level in Iraq, the June 1 strikes near
// Raqqa, the capture of Tanf.
func TestSeedArticleEventPlaces(t *testing.T) {
	b, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := extract.New(extract.Options{Geoparser: g})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := e.Extract(&sitrep.Document{ID: "seed", Text: string(b)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, evidence, location, country string
		precision                         int
	}{
		{"the strikes in support of Iraqi forces are in Iraq", "The coalition conducted 21 strikes", "Iraq", "Iraq", 3},
		{"the June 1 strikes are near Raqqa", "five June 1 strikes near Raqqa", "Ar Raqqah", "Syria", 2},
		{"Tanf was taken at Tanf", "took Tanf from ISIS", "Al-Tanf", "Syria", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, ev := range evs {
				if !strings.Contains(ev.Evidence.Text, tt.evidence) {
					continue
				}
				if ev.Location != tt.location || ev.Country != tt.country || ev.GeoPrecision != tt.precision {
					t.Errorf("%q (%s), precision %d; want %q (%s), precision %d", ev.Location, ev.Country, ev.GeoPrecision, tt.location, tt.country, tt.precision)
				}
				return
			}
			t.Fatalf("no event with evidence %q", tt.evidence)
		})
	}
}

// BenchmarkPipelineCorpus runs what `sitrep extract` runs, the engine with
// the embedded gazetteer, over the notes of the evaluation CSV (or the one
// SITREP_BENCH_CORPUS names). It skips when the corpus is absent.
func BenchmarkPipelineCorpus(b *testing.B) {
	docs, n := benchcorpus.Load(b)
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	e, err := extract.New(extract.Options{Geoparser: g})
	if err != nil {
		b.Fatal(err)
	}
	benchcorpus.Run(b, e, docs, n)
}
