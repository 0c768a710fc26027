package http_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	sitrephttp "github.com/sitrep/sitrep/http"
)

// jobService is a sitrep.JobService with a fixed queue: job 7 failed and
// can be retried, job 8 is running, others do not exist.
type jobService struct {
	retried []int64
}

func (s *jobService) JobStats(context.Context) (*sitrep.JobStats, error) {
	at := time.Date(2022, 3, 2, 9, 30, 0, 0, time.UTC)
	return &sitrep.JobStats{
		Queued: 120, Running: 8, Completed: 3400, Failed: 1,
		ByKind:              map[string]int{"extract_document": 1},
		CompletedLastMinute: 910,
		Kinds: []sitrep.JobKindStats{{
			Kind: "extract_document", ByState: map[string]int{"available": 120, "running": 8, "completed": 3400, "retryable": 1},
			CompletedLastMinute: 910, Failed: 1, LastError: "extract d-17: document text is not UTF-8",
		}},
		RecentFailures: []sitrep.JobFailure{{ID: 7, Kind: "extract_document", State: "retryable", Attempt: 1,
			Args: `{"document_id":"d-17","version":"build-1"}`, Error: "extract d-17: document text is not UTF-8", FailedAt: at}},
		At: at,
	}, nil
}

func (s *jobService) RetryJob(_ context.Context, id int64) error {
	switch id {
	case 7:
		s.retried = append(s.retried, id)
		return nil
	case 8:
		return sitrep.Errorf(sitrep.ECONFLICT, "job 8 is running")
	}
	return sitrep.Errorf(sitrep.ENOTFOUND, "job %d not found", id)
}

func TestJobsEndpoints(t *testing.T) {
	jobs := &jobService{}
	srv := sitrephttp.NewServer()
	srv.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv.Token = testToken
	srv.JobService = jobs
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	do := func(t *testing.T, method, path, token string) (int, map[string]any) {
		t.Helper()
		req, err := http.NewRequest(method, ts.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var v map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
			t.Fatalf("%s %s: body is not JSON: %v", method, path, err)
		}
		return resp.StatusCode, v
	}

	t.Run("GET /api/jobs shows depth, throughput and failures", func(t *testing.T) {
		status, v := do(t, "GET", "/api/jobs", "")
		if status != http.StatusOK {
			t.Fatalf("status = %d, want 200 (%v)", status, v)
		}
		if got, want := v["queued"], 120.0; got != want {
			t.Errorf("queued = %v, want %v", got, want)
		}
		if got, want := v["completed_last_minute"], 910.0; got != want {
			t.Errorf("completed_last_minute = %v, want %v", got, want)
		}
		kinds, _ := v["kinds"].([]any)
		if len(kinds) != 1 || kinds[0].(map[string]any)["by_state"].(map[string]any)["running"] != 8.0 {
			t.Errorf("kinds = %v, want extract_document with 8 running", v["kinds"])
		}
		fails, _ := v["recent_failures"].([]any)
		if len(fails) != 1 || fails[0].(map[string]any)["error"] != "extract d-17: document text is not UTF-8" {
			t.Errorf("recent_failures = %v, want job 7 with its error", v["recent_failures"])
		}
	})
	tests := []struct {
		name, path, token string
		want              int
	}{
		{"retry needs the token", "/api/jobs/7/retry", "", http.StatusUnauthorized},
		{"retry with a wrong token", "/api/jobs/7/retry", "guess", http.StatusUnauthorized},
		{"retry a failed job", "/api/jobs/7/retry", testToken, http.StatusOK},
		{"retry a running job", "/api/jobs/8/retry", testToken, http.StatusConflict},
		{"retry an unknown job", "/api/jobs/99/retry", testToken, http.StatusNotFound},
		{"retry a job id that is not a number", "/api/jobs/seven/retry", testToken, http.StatusBadRequest},
		{"retry job zero", "/api/jobs/0/retry", testToken, http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, v := do(t, "POST", tt.path, tt.token)
			if status != tt.want {
				t.Errorf("POST %s = %d %v, want %d", tt.path, status, v, tt.want)
			}
		})
	}
	if len(jobs.retried) != 1 || jobs.retried[0] != 7 {
		t.Errorf("retried = %v, want only job 7, once", jobs.retried)
	}

	t.Run("without a job queue both answer 501", func(t *testing.T) {
		bare := sitrephttp.NewServer()
		bare.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
		bare.Token = testToken
		ts := httptest.NewServer(bare.Handler())
		defer ts.Close()
		for _, r := range []struct{ method, path string }{{"GET", "/api/jobs"}, {"POST", "/api/jobs/7/retry"}} {
			req, _ := http.NewRequest(r.method, ts.URL+r.path, nil)
			req.Header.Set("Authorization", "Bearer "+testToken)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotImplemented {
				t.Errorf("%s %s = %d, want 501", r.method, r.path, resp.StatusCode)
			}
		}
	})
}
