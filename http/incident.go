package http

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/incident"
)

func init() {
	routeHooks = append(routeHooks, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("GET /api/incidents", s.handleIncidents)
		mux.HandleFunc("GET /api/incidents/{id}", s.handleIncident)
		mux.HandleFunc("GET /api/tallies", s.handleTallies)
	})
}

// IncidentPage answers GET /api/incidents.
type IncidentPage struct {
	Incidents  []*sitrep.Incident `json:"incidents"`
	NextCursor string             `json:"next_cursor"` // "" on the last page
}

// IncidentDetail answers GET /api/incidents/{id}: the incident with its
// events, every casualty claim and the links that merged them, plus the
// documents (sources) the claims come from.
type IncidentDetail struct {
	*sitrep.Incident
	Documents []IncidentSource `json:"documents"`
}

// IncidentSource is a document an incident's claims come from, without its
// text (GET /api/documents/{id} has that).
type IncidentSource struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
}

// ParseIncidentFilter reads country, event_type, from, to, cursor and limit.
// Empty parameters are unset; EINVALID names a parameter that cannot be
// parsed.
func ParseIncidentFilter(q interface{ Get(string) string }) (sitrep.IncidentFilter, error) {
	var f sitrep.IncidentFilter
	str := func(name string) *string {
		if v := strings.TrimSpace(q.Get(name)); v != "" {
			return &v
		}
		return nil
	}
	f.Country, f.EventType, f.From, f.To = str("country"), str("event_type"), str("from"), str("to")
	f.Cursor = q.Get("cursor")
	if l := str("limit"); l != nil {
		n, err := strconv.Atoi(*l)
		if err != nil || n < 1 {
			return f, sitrep.Errorf(sitrep.EINVALID, "limit must be a positive integer, got %q", *l)
		}
		f.Limit = n
	}
	return f, nil
}

func (s *Server) handleIncidents(w http.ResponseWriter, r *http.Request) {
	if s.IncidentService == nil {
		s.NotImplemented(w, r, "incident linking")
		return
	}
	f, err := ParseIncidentFilter(r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	incs, next, err := s.IncidentService.FindIncidents(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if incs == nil {
		incs = []*sitrep.Incident{}
	}
	writeJSON(w, http.StatusOK, IncidentPage{Incidents: incs, NextCursor: next})
}

func (s *Server) handleIncident(w http.ResponseWriter, r *http.Request) {
	if s.IncidentService == nil {
		s.NotImplemented(w, r, "incident linking")
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.Error(w, r, sitrep.Errorf(sitrep.EINVALID, "incident id must be a positive integer, got %q", r.PathValue("id")))
		return
	}
	inc, err := s.IncidentService.FindIncidentByID(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := IncidentDetail{Incident: inc, Documents: []IncidentSource{}}
	seen := make(map[string]bool)
	for _, c := range inc.Claims {
		if seen[c.DocID] {
			continue
		}
		seen[c.DocID] = true
		src := IncidentSource{ID: c.DocID, Source: c.Source, Published: c.Published}
		if s.DocumentService != nil {
			if d, err := s.DocumentService.FindDocumentByID(r.Context(), c.DocID); err == nil {
				src.Title, src.URL = d.Title, d.URL
			} else if sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
				s.Error(w, r, err)
				return
			}
		}
		out.Documents = append(out.Documents, src)
	}
	writeJSON(w, http.StatusOK, out)
}

// TallyPage answers GET /api/tallies: cumulative figures ("at least 484
// civilians killed since 2014") as time series per actor and area. They
// are never part of incident counts.
type TallyPage struct {
	Series []incident.TallySeries `json:"series"`
}

// handleTallies takes the event filters (country, actor, from, to, …) and
// always selects cumulative events.
func (s *Server) handleTallies(w http.ResponseWriter, r *http.Request) {
	f, err := ParseEventFilter(r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	cumulative := sitrep.ModalityCumulative
	f.Modality, f.Sort = &cumulative, sitrep.SortDateAsc
	var reports []incident.Report
	err = s.EventService.ScanEvents(r.Context(), f, func(e *sitrep.Event, src *sitrep.EventSource) error {
		reports = append(reports, incident.Report{Event: *e, Source: src.Source, Published: src.Published})
		if len(reports) > sitrep.MaxEventLimit*10 {
			return sitrep.Errorf(sitrep.EINVALID, "more than %d tallies match: narrow the filter", sitrep.MaxEventLimit*10)
		}
		return nil
	})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	series := incident.Tallies(reports)
	if series == nil {
		series = []incident.TallySeries{}
	}
	writeJSON(w, http.StatusOK, TallyPage{Series: series})
}
