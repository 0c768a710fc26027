package text

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/golden"
)

// TestArticleGolden runs Sentences and Numbers over whole articles in
// testdata and compares them with <article>.want, reviewed by hand: one
// line per sentence, then one line per number with its value, bounds,
// qualifier and flags. `go test -update` rewrites the .want files.
func TestArticleGolden(t *testing.T) {
	golden.Run(t, "testdata/*.txt", "", func(t *testing.T, path, s string) []string {
		toks := Tokenize(s)
		var got []string
		for _, sp := range SentencesOf(s, toks) {
			got = append(got, "S "+strings.ReplaceAll(sp.Text, "\n", "⏎"))
		}
		for _, n := range Numbers(s, toks) {
			var flags []string
			for _, f := range []struct {
				on   bool
				name string
			}{{n.Vague, "vague"}, {n.Year, "year"}, {n.Date, "date"}, {n.Percent, "percent"}, {n.Unit != "", "unit=" + n.Unit}} {
				if f.on {
					flags = append(flags, f.name)
				}
			}
			got = append(got, strings.TrimSpace(fmt.Sprintf("N %q value=%d min=%d max=%d qual=%q %s",
				s[n.Start:n.End], n.Value, n.Min, n.Max, n.Qualifier, strings.Join(flags, ","))))
		}
		return got
	})
}
