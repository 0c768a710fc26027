// Package benchcorpus gives benchmarks the corpus `sitrep bench` measures
// (the notes of the evaluation CSV as documents, so that a Go benchmark
// and the CLI time the same bytes) and the loop that times an extractor
// over it.
package benchcorpus

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
)

// DefaultPath is where the evaluation CSV sits relative to a package
// directory of this module when the repository is checked out beside
// ../shared.
const DefaultPath = "../../shared/eval/acled-2022q1.csv"

// Load reads the CSV named by SITREP_BENCH_CORPUS, or DefaultPath, and
// returns one document per row with the total size of their texts. It
// skips the benchmark when the file is absent (a fresh clone) and fails
// it when the file is malformed.
func Load(tb testing.TB) ([]*sitrep.Document, int64) {
	tb.Helper()
	path := os.Getenv("SITREP_BENCH_CORPUS")
	if path == "" {
		path = DefaultPath
	}
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("no corpus: %v", err)
	}
	rows, err := eval.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	docs := make([]*sitrep.Document, len(rows))
	var n int64
	for i, r := range rows {
		docs[i] = r.Document()
		n += int64(len(r.Notes))
	}
	return docs, n
}

// Run times ex over docs, whose texts hold n bytes, once per benchmark
// iteration, reporting bytes per second and allocations.
func Run(b *testing.B, ex sitrep.Extractor, docs []*sitrep.Document, n int64) {
	b.Helper()
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := ex.Extract(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
