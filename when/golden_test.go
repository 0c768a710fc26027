package when

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/golden"
)

// TestNewsGolden runs Find and Resolve over whole news articles written in
// different house styles (wire, British, American) and compares every
// mention with testdata/news/<case>.want. The first line of each article
// gives its publication date. `go test -update` rewrites the .want files.
func TestNewsGolden(t *testing.T) {
	golden.Run(t, "testdata/news/*.txt", "# mention text<TAB>start<TAB>end<TAB>precision", func(t *testing.T, path, raw string) []string {
		header, body, _ := strings.Cut(raw, "\n")
		pub, err := time.Parse("2006-01-02", strings.TrimSpace(strings.TrimPrefix(header, "Published:")))
		if err != nil {
			t.Fatalf("%s:1: want \"Published: YYYY-MM-DD\": %v", path, err)
		}
		var got []string
		ms := Find(body)
		for i, d := range ResolveAll(ms, pub, true) {
			got = append(got, fmt.Sprintf("%s\t%s\t%s\t%d", ms[i].Text, d.ISO(), d.EndISO(), d.Precision))
		}
		return got
	})
}
