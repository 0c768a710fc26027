package text

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMayStartNumberNeverHidesANumber checks the prefilter against the
// full parser: at every token of the repository's texts where numberAt
// matches, mayStartNumber must say yes, or Numbers would lose a figure.
func TestMayStartNumberNeverHidesANumber(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txt")
	more, _ := filepath.Glob("../testdata/extract/*/input.txt")
	paths = append(append(paths, more...), "../testdata/seed/article.txt")
	texts := []string{
		"Between 10 and 15 people, a few hundred others and twenty-one soldiers died; none survived.",
		"At least 484 were killed, a 10,000-strong crowd gathered on 2022-01-05 and dozens of thousands fled.",
		"Some two dozen fighters, tens of thousands of residents, several hundred troops, struck twice.",
		"A total of 40 died, an estimated 300 fled, a couple of homes burned, a hundred troops and a dozen trucks came.",
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	matched := 0
	for _, s := range texts {
		toks := Tokenize(s)
		for i := range toks {
			if _, ok := numberAt(s, toks, i); ok {
				matched++
				if !mayStartNumber(toks, i) {
					t.Errorf("a number starts at %q (token %d) but mayStartNumber says no", toks[i].Text, i)
				}
			}
		}
	}
	if matched < 20 {
		t.Fatalf("only %d numbers matched in the fixtures; the check proves nothing", matched)
	}
}

// FuzzMayStartNumber looks for a token where numberAt matches but the
// prefilter would skip it.
func FuzzMayStartNumber(f *testing.F) {
	for _, s := range []string{"at least 21 killed", "twenty-one", "a dozen", "no one", "10,000-strong", "approx. 5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		for i := range toks {
			if _, ok := numberAt(s, toks, i); ok && !mayStartNumber(toks, i) {
				t.Errorf("%q: a number starts at token %d %q but mayStartNumber says no", s, i, toks[i].Text)
			}
		}
	})
}
