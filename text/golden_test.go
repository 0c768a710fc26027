package text

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.want from the current output")

// TestArticleGolden runs Sentences and Numbers over whole articles in
// testdata and compares them with <article>.want, reviewed by hand: one
// line per sentence, then one line per number with its value, bounds,
// qualifier and flags.
func TestArticleGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden articles: %v", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s := string(raw)
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
			wantPath := strings.TrimSuffix(path, ".txt") + ".want"
			if *update {
				if err := os.WriteFile(wantPath, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := strings.Join(got, "\n")+"\n", string(want); g != w {
				t.Errorf("%s differs from %s:\n got:\n%s\nwant:\n%s", name, wantPath, g, w)
			}
		})
	}
}
