package gazetteer

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// paragraph is a fixture text with the places a reader would map in it.
type paragraph struct {
	text   string
	places []string
}

func readParagraphs(tb testing.TB, path string) []paragraph {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var out []paragraph
	var cur []string
	for i, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "=> "):
			if len(cur) == 0 {
				tb.Fatalf("%s:%d: expected places with no paragraph", path, i+1)
			}
			out = append(out, paragraph{text: strings.Join(cur, "\n"), places: strings.Split(l[3:], "|")})
			cur = nil
		case strings.TrimSpace(l) == "":
		default:
			cur = append(cur, l)
		}
	}
	return out
}

// TestCommonWordsAreNotPlaces checks that in realistic paragraphs full of
// capitalised common words, titles and people's names only the real places
// are found, and reports the false-positive and miss rates.
func TestCommonWordsAreNotPlaces(t *testing.T) {
	g := mustDefault(t)
	var found, falsePos, missed, want int
	paragraphs := readParagraphs(t, "testdata/paragraphs.txt")
	paragraphs = append(paragraphs, readParagraphs(t, "testdata/heldout.txt")...)
	paragraphs = append(paragraphs, readParagraphs(t, "testdata/heldout2.txt")...)
	seed, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	seedPlaces, err := os.ReadFile("testdata/seed-places.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(seedPlaces), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			paragraphs = append(paragraphs, paragraph{text: string(seed), places: strings.Split(l, "|")})
		}
	}
	for _, p := range paragraphs {
		var got []string
		for _, m := range g.Geoparse(p.text, sitrep.GeoHint{}) {
			got = append(got, m.Text)
		}
		sort.Strings(got)
		wantPlaces := append([]string(nil), p.places...)
		sort.Strings(wantPlaces)
		fp, miss := diff(got, wantPlaces)
		found += len(got)
		want += len(wantPlaces)
		falsePos += len(fp)
		missed += len(miss)
		if len(fp) > 0 {
			t.Errorf("false places %q in %.60q…", fp, p.text)
		}
		if len(miss) > 0 {
			t.Errorf("missed places %q in %.60q…", miss, p.text)
		}
	}
	t.Logf("seed and fixtures: %d mentions found, %d false (%.1f%%); %d of %d places missed", found, falsePos, 100*float64(falsePos)/float64(max(found, 1)), missed, want)
}

// diff returns the elements only in got and only in want (multisets,
// both sorted).
func diff(got, want []string) (onlyGot, onlyWant []string) {
	i, j := 0, 0
	for i < len(got) || j < len(want) {
		switch {
		case j == len(want) || (i < len(got) && got[i] < want[j]):
			onlyGot = append(onlyGot, got[i])
			i++
		case i == len(got) || got[i] > want[j]:
			onlyWant = append(onlyWant, want[j])
			j++
		default:
			i++
			j++
		}
	}
	return onlyGot, onlyWant
}
