package http

import (
	"net/http"

	"github.com/sitrep/sitrep"
)

func init() {
	routeHooks = append(routeHooks, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("GET /api/feeds", s.handleFeeds)
		mux.HandleFunc("GET /api/documents/{id}/sources", s.handleDocumentSources)
	})
}

// FeedStatus is one feed in GET /api/feeds: its stored state plus a
// one-word health (pending, ok, degraded, failing).
type FeedStatus struct {
	*sitrep.Feed
	Health string `json:"health"`
}

// FeedList answers GET /api/feeds.
type FeedList struct {
	Feeds []FeedStatus `json:"feeds"`
}

// handleFeeds lists every polled feed with its health: last fetch, HTTP
// status, items seen, consecutive errors and the next scheduled fetch.
// 501 when the server runs without a feed service.
func (s *Server) handleFeeds(w http.ResponseWriter, r *http.Request) {
	if s.FeedService == nil {
		s.NotImplemented(w, r, "feed polling")
		return
	}
	feeds, err := s.FeedService.FindFeeds(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := FeedList{Feeds: make([]FeedStatus, 0, len(feeds))}
	for _, f := range feeds {
		out.Feeds = append(out.Feeds, FeedStatus{Feed: f, Health: f.Health()})
	}
	writeJSON(w, http.StatusOK, out)
}

// DocumentSources answers GET /api/documents/{id}/sources: every feed item
// that brought the document, oldest first. A story carried by several
// feeds is stored once; this is where the other feeds are kept.
type DocumentSources struct {
	DocumentID string             `json:"document_id"`
	Sources    []*sitrep.FeedItem `json:"sources"`
}

func (s *Server) handleDocumentSources(w http.ResponseWriter, r *http.Request) {
	if s.FeedService == nil {
		s.NotImplemented(w, r, "feed polling")
		return
	}
	id := r.PathValue("id")
	if _, err := s.DocumentService.FindDocumentByID(r.Context(), id); err != nil {
		s.Error(w, r, err)
		return
	}
	items, err := s.FeedService.FindFeedItemsByDocument(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if items == nil {
		items = []*sitrep.FeedItem{}
	}
	writeJSON(w, http.StatusOK, DocumentSources{DocumentID: id, Sources: items})
}
