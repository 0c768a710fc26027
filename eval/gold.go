// Package eval scores extracted events against ACLED-coded gold rows, with
// the rules of the project's evaluation README: one document per row
// (id = event_id_cnty, text = notes, no publication date), the first
// event sitrep outputs is its answer, a row without an answer scores zero.
package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
)

// Row is one gold event.
type Row struct {
	ID            string
	Notes         string
	EventType     string
	SubEventType  string
	Country       string
	EventDate     string
	TimePrecision int
	GeoPrecision  int
	Inter1        int
	Inter2        int
	Actor1        string
	Fatalities    int
	Lat, Lon      float64
	HasCoords     bool
	Line          int // line of the CSV record, for error messages and misses
}

// Document is the input the scoring rules give the engine for a row: its
// notes under its event id, with no publication date.
func (r Row) Document() *sitrep.Document {
	return &sitrep.Document{ID: r.ID, Text: r.Notes}
}

// ReadFile reads the ACLED-format CSV file at path (see ReadCSV).
func ReadFile(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadCSV(f, path)
}

// required are the columns scoring needs.
var required = []string{"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
	"inter1", "inter2", "country", "latitude", "longitude", "geo_precision", "notes", "fatalities"}

// ReadCSV reads ACLED-format CSV with a header row. A malformed row stops
// the read with an error naming the file and line.
func ReadCSV(r io.Reader, name string) ([]Row, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: reading header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range required {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s:1: missing column %q", name, c)
		}
	}
	var rows []Row
	for {
		line, _ := cr.FieldPos(0)
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return rows, fmt.Errorf("%s: %w", name, err)
		}
		line, _ = cr.FieldPos(0)
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		atoi := func(c string) (int, error) {
			s := get(c)
			if s == "" {
				return 0, nil
			}
			n, err := strconv.Atoi(s)
			if err != nil {
				return 0, fmt.Errorf("%s:%d: column %s: %q is not an integer", name, line, c, s)
			}
			return n, nil
		}
		row := Row{ID: get("event_id_cnty"), Notes: get("notes"), EventType: get("event_type"), SubEventType: get("sub_event_type"),
			Country: get("country"), EventDate: get("event_date"), Actor1: get("actor1"), Line: line}
		for _, f := range []struct {
			c string
			p *int
		}{{"time_precision", &row.TimePrecision}, {"geo_precision", &row.GeoPrecision}, {"inter1", &row.Inter1}, {"inter2", &row.Inter2}, {"fatalities", &row.Fatalities}} {
			if *f.p, err = atoi(f.c); err != nil {
				return rows, err
			}
		}
		lat, e1 := strconv.ParseFloat(get("latitude"), 64)
		lon, e2 := strconv.ParseFloat(get("longitude"), 64)
		row.Lat, row.Lon, row.HasCoords = lat, lon, e1 == nil && e2 == nil
		if row.ID == "" {
			return rows, fmt.Errorf("%s:%d: empty event_id_cnty", name, line)
		}
		rows = append(rows, row)
	}
	return rows, nil
}
