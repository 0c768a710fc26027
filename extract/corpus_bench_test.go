package extract_test

import (
	"testing"

	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/internal/benchcorpus"
)

// BenchmarkEngineCorpus runs the engine over the evaluation notes, the
// corpus `sitrep bench` measures: short reports, where per-document costs
// weigh more than in the long golden articles. It skips when the corpus
// is absent (a fresh clone); SITREP_BENCH_CORPUS names another CSV.
func BenchmarkEngineCorpus(b *testing.B) {
	docs, n := benchcorpus.Load(b)
	e, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	benchcorpus.Run(b, e, docs, n)
}
