package http

import (
	"net/http"
	"strconv"

	"github.com/sitrep/sitrep"
)

// EventDetail answers GET /api/events/{id}: the event, the document it was
// extracted from (with the text its evidence offsets point into) and the
// document's other events.
type EventDetail struct {
	Event    *sitrep.Event    `json:"event"`
	Document *sitrep.Document `json:"document"`
	Related  []*sitrep.Event  `json:"related"`
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	f, err := ParseEventFilter(r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	page, err := s.EventService.FindEvents(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.Error(w, r, sitrep.Errorf(sitrep.EINVALID, "event id must be a positive integer, got %q", r.PathValue("id")))
		return
	}
	e, err := s.EventService.FindEventByID(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	sd, err := s.DocumentService.FindStoredDocument(r.Context(), e.DocID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := EventDetail{Event: e, Document: sd.Document, Related: []*sitrep.Event{}}
	for _, o := range sd.Events {
		if o.ID != e.ID {
			out.Related = append(out.Related, o)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	f, err := ParseEventFilter(r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	st, err := s.StatsService.EventStats(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
