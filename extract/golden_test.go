package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep"
)

var update = flag.Bool("update", false, "rewrite testdata/extract/*/want.jsonl from the current engine")

// goldenPublished is the publication date the golden cases are read with.
const goldenPublished = "2022-03-04"

// TestGolden runs each testdata/extract/<case>/input.txt and compares the
// JSONL output with want.jsonl. Run with -update after a deliberate
// change and review the diff like code.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/extract/*")
	if err != nil || len(dirs) < 8 {
		t.Fatalf("want at least 8 golden cases, got %d (%v)", len(dirs), err)
	}
	e := mustEngine(t)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join(dir, "input.txt"))
			if err != nil {
				t.Fatal(err)
			}
			evs := extractText(t, e, string(in), goldenPublished)
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			for i := range evs {
				evs[i].DocID = filepath.Base(dir)
				if err := enc.Encode(&evs[i]); err != nil {
					t.Fatal(err)
				}
			}
			wantPath := filepath.Join(dir, "want.jsonl")
			if *update {
				if err := os.WriteFile(wantPath, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -run TestGolden -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("output differs from %s:\ngot:\n%s\nwant:\n%s", wantPath, got.Bytes(), want)
			}
		})
	}
}

var _ = sitrep.Event{}
