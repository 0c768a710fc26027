package http

import (
	"net/http"
	"strconv"

	"github.com/sitrep/sitrep"
)

func init() {
	routeHooks = append(routeHooks, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("GET /api/jobs", s.handleJobs)
		mux.HandleFunc("POST /api/jobs/{id}/retry", s.requireToken(s.handleRetryJob))
	})
}

// handleJobs answers GET /api/jobs with the work queue's depth by state and
// kind, its throughput over the last minute and its latest failures with
// their errors. 501 when the server has no job queue (SQLite extracts
// in-process).
func (s *Server) handleJobs(w http.ResponseWriter, r *http.Request) {
	if s.JobService == nil {
		s.NotImplemented(w, r, "the job queue (PostgreSQL with `sitrep worker`)")
		return
	}
	st, err := s.JobService.JobStats(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// handleRetryJob answers POST /api/jobs/{id}/retry: the failed job runs
// again as soon as a worker is free. 404 for an unknown job, 409 for one
// that is running.
func (s *Server) handleRetryJob(w http.ResponseWriter, r *http.Request) {
	if s.JobService == nil {
		s.NotImplemented(w, r, "the job queue (PostgreSQL with `sitrep worker`)")
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.Error(w, r, sitrep.Errorf(sitrep.EINVALID, "invalid job id %q", r.PathValue("id")))
		return
	}
	if err := s.JobService.RetryJob(r.Context(), id); err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "retried": true})
}
