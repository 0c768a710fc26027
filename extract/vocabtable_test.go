package extract

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/text"
)

// TestVocabTableAgreesWithTheMap checks every vocabulary word and every
// word of the seed article against the map the table is built from.
func TestVocabTableAgreesWithTheMap(t *testing.T) {
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.vocab) < 100 {
		t.Fatalf("vocabulary of %d words: the check proves little", len(e.vocab))
	}
	for w, id := range e.vocab {
		if got := e.vtab.id(w); got != id {
			t.Errorf("id(%q) = %d, want %d", w, got, id)
		}
	}
	data, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	misses := 0
	for _, w := range words(text.Tokenize(string(data))) {
		want := e.vocab[w.norm]
		if got := e.vtab.id(w.norm); got != want {
			t.Errorf("id(%q) = %d, want %d", w.norm, got, want)
		}
		if want == 0 {
			misses++
		}
	}
	if misses == 0 {
		t.Error("every seed word is in the vocabulary: misses went untested")
	}
	if got := e.vtab.id(""); got != e.vocab[""] {
		t.Errorf(`id("") = %d, want %d`, got, e.vocab[""])
	}
}

func BenchmarkVocabLookup(b *testing.B) {
	e, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	ws := words(text.Tokenize(string(data)))
	b.Run("table", func(b *testing.B) {
		var n int32
		for b.Loop() {
			for i := range ws {
				n += e.vtab.id(ws[i].norm)
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		var n int32
		for b.Loop() {
			for i := range ws {
				n += e.vocab[ws[i].norm]
			}
		}
	})
}
