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
		{"", false}, {"an", false}, {"sevenal", false}, {"seven", false}, {"twenty-one", false}, {"killed", false}, {"No", false},
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

// TestWordSetSharedSlots fills the table past its size, so that many
// words share a slot, and checks every member and a near miss of each.
func TestWordSetSharedSlots(t *testing.T) {
	var s WordSet
	var words []string
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			for _, stem := range []string{"", "x", "xyz", "xyzzy"} {
				words = append(words, string(a)+stem+string(b))
			}
		}
	}
	for _, w := range words {
		s.Add(w)
	}
	if got, want := s.Len(), len(words); got != want {
		t.Fatalf("Len() = %d, want %d", got, want)
	}
	for _, w := range words {
		if !s.Has(w) {
			t.Errorf("Has(%q) = false for a member", w)
		}
		if miss := w + "0"; s.Has(miss) {
			t.Errorf("Has(%q) = true for a word never added", miss)
		}
	}
}

func TestWordSetIndexFollowsAddOrder(t *testing.T) {
	s := NewWordSet("yesterday", "ago", "last", "ago")
	for _, tc := range []struct {
		word string
		want int
	}{{"yesterday", 0}, {"ago", 1}, {"last", 2}, {"next", -1}, {"", -1}} {
		if got := s.Index(tc.word); got != tc.want {
			t.Errorf("Index(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}
