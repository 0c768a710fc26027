package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/schollz/progressbar/v3"

	"github.com/sitrep/sitrep/eval"
)

func init() {
	register("eval", "score extraction against ACLED-coded gold events", func(stdin io.Reader, stdout, stderr io.Writer) Command {
		return &EvalCommand{stdout: stdout, stderr: stderr}
	})
}

// EvalCommand extracts every gold row's notes and scores the main events.
type EvalCommand struct {
	stdout, stderr io.Writer
}

const evalSynopsis = "eval --gold FILE.csv [--json] [--limit N] [--min field=value,...] [--misses FILE] [--lexicon DIR]"

// Run implements Command.
func (c *EvalCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("eval", evalSynopsis, c.stderr)
	gold := fs.String("gold", "", "ACLED-format CSV of gold events (required)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	limit := fs.Int("limit", 0, "score only the first N rows (0: all)")
	minSpec := fs.String("min", "", "fail (exit 1) when a score is below its minimum, e.g. macro_f1=0.8,event_date=0.85")
	missesPath := fs.String("misses", "", "write the rows the main event got wrong to FILE as JSONL")
	lexDir := fs.String("lexicon", "", "directory of dictionary files added on top of the embedded ones")
	workers := fs.Int("workers", 0, "extraction goroutines (0: one per CPU)")
	noGeo := fs.Bool("no-gazetteer", false, "do not geocode places")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		return &UsageError{Msg: "eval: --gold FILE.csv is required"}
	}
	mins, err := parseMins(*minSpec)
	if err != nil {
		return &UsageError{Msg: "eval: --min: " + err.Error()}
	}
	rows, err := eval.ReadFile(*gold)
	if err != nil {
		return err
	}
	if *limit > 0 && *limit < len(rows) {
		rows = rows[:*limit]
	}
	ex, err := buildEngine(*lexDir, !*noGeo)
	if err != nil {
		return err
	}
	var done func()
	if isTerminal(c.stderr) {
		bar := progressbar.NewOptions(len(rows), progressbar.OptionSetWriter(c.stderr), progressbar.OptionSetDescription("extracting"),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100_000_000))
		var mu sync.Mutex
		done = func() { mu.Lock(); _ = bar.Add(1); mu.Unlock() }
		defer bar.Finish()
	}
	preds, err := eval.Run(ctx, ex, rows, *workers, done)
	if err != nil {
		return err
	}
	rep, misses := eval.Score(rows, preds)
	if *missesPath != "" {
		if err := writeMisses(*missesPath, misses); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		printReport(c.stdout, rep)
	}
	var below []string
	for _, m := range mins {
		if got := rep.Scores[m.field]; got < m.min {
			below = append(below, fmt.Sprintf("%s %.3f < %.3f", m.field, got, m.min))
		}
	}
	if len(below) > 0 {
		return fmt.Errorf("eval: below minimum: %s", strings.Join(below, ", "))
	}
	return nil
}

type minScore struct {
	field string
	min   float64
}

func parseMins(s string) ([]minScore, error) {
	var out []minScore
	known := map[string]bool{}
	for _, f := range eval.Fields {
		known[f] = true
	}
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("%q: want field=value", part)
		}
		if !known[k] {
			return nil, fmt.Errorf("unknown field %q (known: %s)", k, strings.Join(eval.Fields, ", "))
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, fmt.Errorf("%q: %q is not a number", part, v)
		}
		out = append(out, minScore{k, x})
	}
	return out, nil
}

func printReport(w io.Writer, r eval.Report) {
	fmt.Fprintf(w, "rows scored: %d\n\n", r.Rows)
	for _, f := range eval.Fields {
		fmt.Fprintf(w, "  %-20s %.3f\n", f, r.Scores[f])
	}
	fmt.Fprintln(w, "\nF1 by event type:")
	types := make([]string, 0, len(r.F1))
	for t := range r.F1 {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintf(w, "  %-28s %.3f\n", t, r.F1[t])
	}
	cols := append(append([]string(nil), types...), "(none)")
	fmt.Fprintln(w, "\nConfusion (rows: gold, columns: predicted):")
	fmt.Fprintf(w, "  %-28s", "")
	for _, c := range cols {
		fmt.Fprintf(w, " %8s", abbrev(c))
	}
	fmt.Fprintln(w)
	for _, t := range types {
		fmt.Fprintf(w, "  %-28s", t)
		for _, c := range cols {
			fmt.Fprintf(w, " %8d", r.Confusion[t][c])
		}
		fmt.Fprintln(w)
	}
}

func abbrev(s string) string {
	if len(s) > 8 {
		return s[:8]
	}
	return s
}

func writeMisses(path string, misses []eval.Miss) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, m := range misses {
		rec := map[string]any{"id": m.Row.ID, "line": m.Row.Line, "wrong": m.Fields, "notes": m.Row.Notes,
			"gold": map[string]any{"event_type": m.Row.EventType, "sub_event_type": m.Row.SubEventType, "event_date": m.Row.EventDate,
				"fatalities": m.Row.Fatalities, "country": m.Row.Country, "actor1": m.Row.Actor1, "inter1": m.Row.Inter1, "inter2": m.Row.Inter2,
				"time_precision": m.Row.TimePrecision, "geo_precision": m.Row.GeoPrecision, "lat": m.Row.Lat, "lon": m.Row.Lon}}
		if m.Event != nil {
			e := m.Event
			rec["got"] = map[string]any{"event_type": e.EventType, "sub_event_type": e.SubEventType, "event_date": e.EventDate,
				"fatalities": e.Fatalities, "country": e.Country, "actor1": e.Actor1, "inter1": e.Inter1, "inter2": e.Inter2,
				"time_precision": e.TimePrecision, "geo_precision": e.GeoPrecision, "actor2": e.Actor2, "location": e.Location, "place_text": e.PlaceText, "trigger_sentence": e.Evidence.Text}
		}
		if err := enc.Encode(rec); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// isTerminal reports whether w is a terminal, for progress output.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
