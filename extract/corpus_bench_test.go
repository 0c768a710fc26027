package extract_test

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/extract"
)

// BenchmarkEngineCorpus runs the engine over the evaluation notes, the
// corpus `sitrep bench` measures: short reports, where per-document costs
// weigh more than in the long golden articles. It skips when the corpus
// is absent (a fresh clone); SITREP_BENCH_CORPUS names another CSV.
func BenchmarkEngineCorpus(b *testing.B) {
	path := os.Getenv("SITREP_BENCH_CORPUS")
	if path == "" {
		path = "../../shared/eval/acled-2022q1.csv"
	}
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("no corpus: %v", err)
	}
	rows, err := eval.ReadCSV(f, path)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*sitrep.Document, len(rows))
	var n int64
	for i, r := range rows {
		docs[i] = &sitrep.Document{ID: r.ID, Text: r.Notes}
		n += int64(len(r.Notes))
	}
	e, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := e.Extract(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
