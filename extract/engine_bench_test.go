package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/benchcorpus"
	"github.com/sitrep/sitrep/text"
)

// benchDocs are the repository's own texts: the seed and the golden cases.
func benchDocs(b *testing.B) ([]*sitrep.Document, int64) {
	b.Helper()
	paths, _ := filepath.Glob("../testdata/extract/*/input.txt")
	paths = append(paths, "../testdata/seed/article.txt")
	var docs []*sitrep.Document
	var n int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, &sitrep.Document{ID: p, Text: string(data), Published: "2022-03-04"})
		n += int64(len(data))
	}
	return docs, n
}

func BenchmarkEngine(b *testing.B) {
	docs, n := benchDocs(b)
	e, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	benchcorpus.Run(b, e, docs, n)
}

// BenchmarkTokenize is the bare pass the engine is compared with.
func BenchmarkTokenize(b *testing.B) {
	docs, n := benchDocs(b)
	b.SetBytes(n)
	for b.Loop() {
		for _, d := range docs {
			text.Tokenize(d.Text)
		}
	}
}
