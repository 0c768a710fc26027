package when

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/news/*.want from the current output")

// TestNewsGolden runs Find and Resolve over whole news articles written in
// different house styles (wire, British, American) and compares every
// mention with testdata/news/<case>.want. The first line of each article
// gives its publication date.
func TestNewsGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/news/*.txt")
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
			header, body, _ := strings.Cut(string(raw), "\n")
			pub, err := time.Parse("2006-01-02", strings.TrimSpace(strings.TrimPrefix(header, "Published:")))
			if err != nil {
				t.Fatalf("%s:1: want \"Published: YYYY-MM-DD\": %v", path, err)
			}
			var got []string
			ms := Find(body)
			for i, d := range ResolveAll(ms, pub, true) {
				got = append(got, fmt.Sprintf("%s\t%s\t%s\t%d", ms[i].Text, d.ISO(), d.EndISO(), d.Precision))
			}
			wantPath := strings.TrimSuffix(path, ".txt") + ".want"
			if *update {
				out := "# mention text<TAB>start<TAB>end<TAB>precision\n" + strings.Join(got, "\n") + "\n"
				if err := os.WriteFile(wantPath, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantRaw, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, line := range strings.Split(string(wantRaw), "\n") {
				if line != "" && !strings.HasPrefix(line, "#") {
					want = append(want, line)
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s: mentions differ\n got:\n%s\nwant:\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
