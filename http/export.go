package http

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"

	"github.com/sitrep/sitrep"
)

// Exports stream: rows go from the database cursor through a buffered
// writer to the client, so memory stays flat however many events match.
// Once the first byte is sent the status can no longer change; a failure
// after that is logged and the response is cut short.

func (s *Server) handleExportCSV(w http.ResponseWriter, r *http.Request) {
	s.export(w, r, "text/csv; charset=utf-8", "sitrep-events.csv", WriteCSV)
}

func (s *Server) handleExportGeoJSON(w http.ResponseWriter, r *http.Request) {
	s.export(w, r, "application/geo+json", "sitrep-events.geojson", WriteGeoJSON)
}

func (s *Server) handleExportJSONL(w http.ResponseWriter, r *http.Request) {
	s.export(w, r, "application/x-ndjson", "sitrep-events.jsonl", WriteJSONL)
}

// Exporter writes the events matching f to w in one format.
type Exporter func(ctx context.Context, w io.Writer, events sitrep.EventService, f sitrep.EventFilter) error

func (s *Server) export(w http.ResponseWriter, r *http.Request, contentType, filename string, write Exporter) {
	f, err := ParseEventFilter(r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	bw := bufio.NewWriterSize(w, 32<<10)
	if err := write(r.Context(), bw, s.EventService, f); err != nil {
		s.Logger.Error("export", "path", r.URL.Path, "err", err)
		return
	}
	if err := bw.Flush(); err != nil {
		s.Logger.Warn("export", "path", r.URL.Path, "err", err)
	}
}

// WriteCSV writes a header row and one ACLED-layout row per event.
func WriteCSV(ctx context.Context, w io.Writer, events sitrep.EventService, f sitrep.EventFilter) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ACLEDColumns); err != nil {
		return err
	}
	err := events.ScanEvents(ctx, f, func(e *sitrep.Event, src *sitrep.EventSource) error {
		return cw.Write(ACLEDRecord(e, src))
	})
	cw.Flush()
	if err != nil {
		return err
	}
	return cw.Error()
}

// WriteJSONL writes one Event JSON object per line.
func WriteJSONL(ctx context.Context, w io.Writer, events sitrep.EventService, f sitrep.EventFilter) error {
	enc := json.NewEncoder(w)
	return events.ScanEvents(ctx, f, func(e *sitrep.Event, _ *sitrep.EventSource) error {
		return enc.Encode(e)
	})
}

// geoFeature is an RFC 7946 Feature with a Point geometry.
type geoFeature struct {
	Type       string        `json:"type"`
	ID         int64         `json:"id"`
	Geometry   geoPoint      `json:"geometry"`
	Properties *sitrep.Event `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude
}

// WriteGeoJSON writes a FeatureCollection of the events that have
// coordinates; the others cannot be placed on a map and are skipped.
func WriteGeoJSON(ctx context.Context, w io.Writer, events sitrep.EventService, f sitrep.EventFilter) error {
	if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`); err != nil {
		return err
	}
	first := true
	err := events.ScanEvents(ctx, f, func(e *sitrep.Event, _ *sitrep.EventSource) error {
		if e.Latitude == nil || e.Longitude == nil {
			return nil
		}
		b, err := json.Marshal(geoFeature{Type: "Feature", ID: e.ID,
			Geometry: geoPoint{Type: "Point", Coordinates: [2]float64{*e.Longitude, *e.Latitude}}, Properties: e})
		if err != nil {
			return err
		}
		if !first {
			if _, err := io.WriteString(w, ",\n"); err != nil {
				return err
			}
		}
		first = false
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "]}\n")
	return err
}
