package when_test

import (
	"encoding/csv"
	"os"
	"runtime"
	"testing"

	"github.com/sitrep/sitrep/text"
	"github.com/sitrep/sitrep/when"
)

// corpusNotes reads the notes column of the ACLED CSV that
// SITREP_BENCH_CORPUS names (default: the evaluation CSV beside the
// repository), or skips the benchmark when there is none.
func corpusNotes(b *testing.B) []string {
	path := os.Getenv("SITREP_BENCH_CORPUS")
	if path == "" {
		path = "../../shared/eval/acled-2022q1.csv"
	}
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("no corpus: %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) < 2 {
		b.Fatalf("%s: %v", path, err)
	}
	col := -1
	for i, h := range recs[0] {
		if h == "notes" {
			col = i
		}
	}
	if col < 0 {
		b.Fatalf("%s: no notes column", path)
	}
	notes := make([]string, 0, len(recs)-1)
	for _, r := range recs[1:] {
		notes = append(notes, r[col])
	}
	return notes
}

// BenchmarkCorpus runs the text and date stages the extractor runs
// (tokens, sentences, numbers, dates) over every note of the corpus, one
// pass per iteration: each stage alone after the tokenizer, and all.
func BenchmarkCorpus(b *testing.B) {
	notes := corpusNotes(b)
	var size int64
	for _, s := range notes {
		size += int64(len(s))
	}
	var tb []text.Token
	var spans []text.Span
	var nums []text.Number
	stage := func(name string, run func(s string)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			// The machine may be shared: report the thread's CPU time
			// besides the wall-clock time.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			cpu0 := threadCPU()
			for b.Loop() {
				for _, s := range notes {
					run(s)
				}
			}
			if cpu := threadCPU() - cpu0; cpu > 0 {
				b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
			}
		})
	}
	tokens := func(s string) { tb = text.AppendTokens(tb[:0], s) }
	// Each stage but Tokens runs on tokens just made, as in the
	// extractor, so that they are in the cache: subtract Tokens.
	stage("Tokens", tokens)
	stage("Sentences", func(s string) { tokens(s); spans = text.AppendSentencesOf(spans[:0], s, tb) })
	stage("Numbers", func(s string) { tokens(s); nums = text.AppendNumbers(nums[:0], s, tb) })
	stage("Find", func(s string) { tokens(s); when.FindTokens(s, tb) })
	stage("All", func(s string) {
		tokens(s)
		spans = text.AppendSentencesOf(spans[:0], s, tb)
		nums = text.AppendNumbers(nums[:0], s, tb)
		when.FindTokens(s, tb)
	})
}
