// Package golden runs golden-file tests: every input in testdata renders to
// lines that are compared with the reviewed file beside it ending in .want.
// `go test -update` rewrites the .want files from the current output, to be
// reviewed in the diff like code (x/text's -gen).
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden .want files from the current output")

// Run renders every file matching glob and compares the lines with
// <file>.want. Lines of a .want file that are empty or start with "#" are
// comments; header, if not empty, is written as the first line on -update.
func Run(t *testing.T, glob, header string, render func(t *testing.T, path, input string) []string) {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs match %s: %v", glob, err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := render(t, path, string(raw))
			wantPath := strings.TrimSuffix(path, filepath.Ext(path)) + ".want"
			if *update {
				out := strings.Join(got, "\n") + "\n"
				if header != "" {
					out = header + "\n" + out
				}
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
			if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
				t.Errorf("%s differs from %s:\n got:\n%s\nwant:\n%s", path, wantPath, g, w)
			}
		})
	}
}
