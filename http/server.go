// Package http serves sitrep's JSON API and the dashboard from one
// net/http server. Handlers translate between HTTP and the sitrep services;
// they hold no business logic of their own.
package http

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/sitrep/sitrep"
)

// DefaultMaxBodyBytes caps request bodies unless Server.MaxBodyBytes says
// otherwise: large enough for a batch of a few thousand articles, small
// enough that one request cannot exhaust memory.
const DefaultMaxBodyBytes = 10 << 20

// routeHooks lets other files of this package (incidents, feeds, jobs) add
// routes from init functions without editing routes().
var routeHooks []func(s *Server, mux *http.ServeMux)

// Server is sitrep's HTTP server. Set the services, then call Open.
type Server struct {
	ln     net.Listener
	server *http.Server
	mux    *http.ServeMux
	once   sync.Once

	// Addr is the address Open listens on, e.g. "127.0.0.1:8080"; port 0
	// picks a free one (see URL).
	Addr string
	// Token is the bearer token write endpoints require. Empty refuses
	// every write.
	Token string
	// MaxBodyBytes caps request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Version is reported by /healthz.
	Version string
	Logger  *slog.Logger

	// Ping, when set, checks the database for /healthz.
	Ping func(ctx context.Context) error

	DocumentService sitrep.DocumentStore
	EventService    sitrep.EventService
	StatsService    sitrep.StatsService

	// Optional services: nil makes their endpoints answer 501.
	FeedService     sitrep.FeedService
	IncidentService sitrep.IncidentService
	JobService      sitrep.JobService
}

// NewServer returns a server with defaults set; assign the services before
// Open or Handler.
func NewServer() *Server {
	return &Server{
		Addr:   "127.0.0.1:8080",
		Logger: slog.New(slog.NewTextHandler(os.Stderr, nil)),
	}
}

// Handler returns the server's routes, for tests and for embedding.
func (s *Server) Handler() http.Handler {
	s.once.Do(func() {
		if s.Logger == nil {
			s.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
		}
		s.mux = http.NewServeMux()
		s.routes(s.mux)
	})
	return s.mux
}

func (s *Server) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /api/openapi.json", handleOpenAPI)
	mux.HandleFunc("POST /api/documents", s.requireToken(s.handleIngest))
	mux.HandleFunc("GET /api/documents/{id}", s.handleDocument)
	mux.HandleFunc("GET /api/events", s.handleEvents)
	mux.HandleFunc("GET /api/events/{id}", s.handleEvent)
	mux.HandleFunc("GET /api/stats", s.handleStats)
	mux.HandleFunc("GET /api/export.csv", s.handleExportCSV)
	mux.HandleFunc("GET /api/export.geojson", s.handleExportGeoJSON)
	mux.HandleFunc("GET /api/export.jsonl", s.handleExportJSONL)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.Error(w, r, sitrep.Errorf(sitrep.ENOTFOUND, "no API endpoint %s %s", r.Method, r.URL.Path))
	})
	for _, hook := range routeHooks {
		hook(s, mux)
	}
	mux.Handle("/", assetHandler())
}

// Open starts listening on Addr and serving in the background.
func (s *Server) Open() error {
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return err
	}
	s.ln = ln
	s.server = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // a capped body, even on a slow link; never a held-open upload
		IdleTimeout:       2 * time.Minute,
	}
	go func() {
		if err := s.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.Logger.Error("http server stopped", "err", err)
		}
	}()
	return nil
}

// URL returns the base URL of the running server.
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String()
}

// Close stops accepting connections and waits, until ctx ends, for requests
// in flight to finish, so an ingest that was acknowledged is never cut off
// and one that was not is not half-written.
func (s *Server) Close(ctx context.Context) error {
	if s.server == nil {
		return nil
	}
	return s.server.Shutdown(ctx)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if s.Ping != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.Ping(ctx); err != nil {
			s.Logger.Error("health check", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "database unavailable"})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.Version})
}
