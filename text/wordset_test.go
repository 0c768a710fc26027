package text

import (
	"os"
	"testing"
)

func TestWordSet(t *testing.T) {
	s := NewWordSet("several", "a", "between", "twenty", "no")
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"several", true}, {"a", true}, {"between", true}, {"twenty", true}, {"no", true},
		{"", false}, {"an", false}, {"seven", false}, {"twenty-one", false}, {"killed", false}, {"No", false},
	} {
		t.Run(tc.word, func(t *testing.T) {
			if got := s.Has(tc.word); got != tc.want {
				t.Errorf("Has(%q) = %v, want %v", tc.word, got, tc.want)
			}
		})
	}
	if got, want := s.Len(), 5; got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
	var zero WordSet
	if zero.Has("a") {
		t.Error("the zero WordSet holds a word")
	}
}

// BenchmarkWordSetHas compares the filtered set with a plain map over the
// words of the seed article: the filter must pay for itself.
func BenchmarkWordSetHas(b *testing.B) {
	data, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	toks := Tokenize(string(data))
	m := map[string]bool{}
	numberStarts.All(func(w string) bool { m[w] = true; return true })
	b.Run("WordSet", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for i := range toks {
				if numberStarts.Has(toks[i].Norm) {
					n++
				}
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for i := range toks {
				if m[toks[i].Norm] {
					n++
				}
			}
		}
	})
}
