package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestEvalCommandScoresAndEnforcesMinimums(t *testing.T) {
	gold := "../../eval/testdata/tiny.csv"
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"eval", "--no-gazetteer", "--json", "--gold", gold}, nil, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep struct {
		Rows   int                `json:"rows"`
		Scores map[string]float64 `json:"scores"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	if rep.Rows != 3 || rep.Scores["answered"] != 1 {
		t.Fatalf("got %+v", rep)
	}
	// The three hand-written notes are plain: the engine must type all of
	// them and date them exactly.
	if rep.Scores["event_type"] != 1 || rep.Scores["event_date"] != 1 {
		t.Fatalf("got event_type %.2f, event_date %.2f", rep.Scores["event_type"], rep.Scores["event_date"])
	}

	out.Reset()
	errb.Reset()
	code = Main(context.Background(), []string{"eval", "--no-gazetteer", "--gold", gold, "--min", "location=0.99"}, nil, &out, &errb)
	if code != ExitFailure || !strings.Contains(errb.String(), "below minimum: location") {
		t.Fatalf("exit %d, stderr %q: want failure naming location", code, errb.String())
	}
	if !strings.Contains(out.String(), "macro_f1") {
		t.Fatalf("text report lacks macro_f1:\n%s", out.String())
	}
}

func TestEvalCommandUsage(t *testing.T) {
	for _, args := range [][]string{{"eval"}, {"eval", "--gold", "x.csv", "--min", "nonsense=1"}, {"eval", "--gold", "x.csv", "--min", "macro_f1"}} {
		var out, errb bytes.Buffer
		if code := Main(context.Background(), args, nil, &out, &errb); code != ExitUsage {
			t.Errorf("%v: got exit %d, want %d", args, code, ExitUsage)
		}
	}
}

func TestBenchCommandJSON(t *testing.T) {
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"bench", "--no-gazetteer", "--json", "--repeat", "3", "--corpus", "../../testdata/extract"}, nil, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var r BenchResult
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.Docs < 8 || r.Bytes == 0 || r.Events == 0 || r.ExtractMBps <= 0 || r.TokenizeMBps <= 0 || r.Ratio <= 0 {
		t.Fatalf("got %+v", r)
	}
	// Per-pass rates: slowest, median, fastest, in that order.
	if p := r.PassMBpsCore; p[0] <= 0 || p[0] > p[1] || p[1] > p[2] || r.RatioMedian <= 0 {
		t.Fatalf("per-pass figures %v, ratio median %v", p, r.RatioMedian)
	}
}
