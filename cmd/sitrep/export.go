package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"

	sitrephttp "github.com/sitrep/sitrep/http"
)

func init() {
	register("export", "write stored events as ACLED-style CSV, GeoJSON or JSONL",
		func(stdin io.Reader, stdout, stderr io.Writer) Command {
			return &ExportCommand{stdout: stdout, stderr: stderr}
		})
}

// ExportCommand runs `sitrep export`: the API's exports, from the CLI.
type ExportCommand struct {
	stdout, stderr io.Writer
}

// exportFilters are the query parameters of the API's exports, offered as
// flags with the same names (underscores become dashes).
var exportFilters = []struct{ param, usage string }{
	{"from", "first event date, YYYY-MM-DD"},
	{"to", "last event date, YYYY-MM-DD"},
	{"event_type", "ACLED event type, e.g. Battles"},
	{"sub_event_type", "ACLED sub-event type, e.g. Air/drone strike"},
	{"actor", "substring of actor1, actor2 or the associated actors"},
	{"country", "country name"},
	{"admin1", "first-level region"},
	{"bbox", "minLon,minLat,maxLon,maxLat"},
	{"modality", "occurred, planned, threatened, denied, cumulative or reported (default all)"},
	{"q", "words that must all appear in the evidence sentence"},
	{"doc_id", "only the events of this document"},
	{"sort", "event_date, -event_date, fatalities or -fatalities"},
}

// Run streams the matching events to -o or stdout.
func (c *ExportCommand) Run(ctx context.Context, args []string) error {
	m := NewApp(c.stdout, c.stderr)
	fs := newFlagSet("export", "export [--data DIR | --db postgres://…] [--format csv|geojson|jsonl] [filters] [-o FILE]", c.stderr)
	m.storeFlags(fs)
	format := fs.String("format", "csv", "output format: csv (ACLED columns), geojson or jsonl")
	out := fs.String("o", "", "write to `FILE` instead of stdout")
	vals := map[string]*string{}
	for _, f := range exportFilters {
		vals[f.param] = fs.String(dashed(f.param), "", f.usage)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &UsageError{Msg: "export takes no arguments; filters are flags, e.g. -country Syria"}
	}
	write := map[string]sitrephttp.Exporter{"csv": sitrephttp.WriteCSV, "geojson": sitrephttp.WriteGeoJSON, "jsonl": sitrephttp.WriteJSONL}[*format]
	if write == nil {
		return &UsageError{Msg: fmt.Sprintf("unknown -format %q: want csv, geojson or jsonl", *format)}
	}
	q := url.Values{}
	for k, v := range vals {
		if *v != "" {
			q.Set(k, *v)
		}
	}
	filter, err := sitrephttp.ParseEventFilter(q)
	if err != nil {
		return &UsageError{Msg: ingestErrorText(err)}
	}
	if m.DBURL == "" {
		if _, err := os.Stat(filepath.Join(m.DataDir, "sitrep.db")); err != nil {
			return fmt.Errorf("no sitrep database in %s: run sitrep ingest or sitrep serve first, or pass --data or --db", m.DataDir)
		}
	}
	m.Extractor = noExtraction{} // exporting reads only; skip loading the engine
	if err := m.Open(ctx); err != nil {
		return err
	}
	defer m.Close()

	w := c.stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := write(ctx, bw, m.Store, filter); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f != nil {
		return f.Close()
	}
	return nil
}

func dashed(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] == '_' {
			b[i] = '-'
		}
	}
	return string(b)
}
