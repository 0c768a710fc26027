package http_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	sitrephttp "github.com/sitrep/sitrep/http"
)

// FuzzParseEventFilter feeds arbitrary query strings to the filter parser:
// it must return a valid filter or an EINVALID error, never panic.
func FuzzParseEventFilter(f *testing.F) {
	for _, q := range []string{"", "country=Syria&from=2026-01-01", "bbox=1,2,3,4", "bbox=1,2,3", "limit=-5",
		"modality=occurred&sort=-fatalities", "q=%22air%22+strike&cursor=abc", "bbox=NaN,0,1,1", "to=2026-02-30"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		filter, err := sitrephttp.ParseEventFilter(q)
		if err != nil {
			if sitrep.ErrorCode(err) != sitrep.EINVALID {
				t.Fatalf("%q: error %v is not EINVALID", raw, err)
			}
			return
		}
		if err := filter.Validate(); err != nil {
			t.Fatalf("%q: parsed filter does not validate: %v", raw, err)
		}
	})
}

// validatingStore accepts any valid document without storing it.
type validatingStore struct{ sitrep.DocumentStore }

func (validatingStore) IngestDocument(_ context.Context, d *sitrep.Document) (*sitrep.IngestResult, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return &sitrep.IngestResult{DocumentID: "x"}, nil
}

// FuzzIngestBody posts arbitrary bodies as JSON and as NDJSON: the answer
// is always JSON with a 200, 400 or 413 status, and an error message for
// the failures.
func FuzzIngestBody(f *testing.F) {
	for _, b := range []string{`{"text":"Clashes in Gao."}`, `{"text":`, `[]`, `{"text":1}`, "{\"text\":\"a\"}\n{bad}\n",
		`{"text":"x","published":"soon"}`, "\xff\xfe", `{"text":"a"} {"text":"b"}`} {
		f.Add(b, false)
		f.Add(b, true)
	}
	srv := sitrephttp.NewServer()
	srv.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv.Token = "t"
	srv.MaxBodyBytes = 4096
	srv.DocumentService = validatingStore{}
	h := srv.Handler()
	f.Fuzz(func(t *testing.T, body string, ndjson bool) {
		req := httptest.NewRequest("POST", "/api/documents", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer t")
		if ndjson {
			req.Header.Set("Content-Type", "application/x-ndjson")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var v map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatalf("status %d, body not JSON: %q", rec.Code, rec.Body.String())
		}
		switch rec.Code {
		case 200:
		case 400, 413:
			if msg, _ := v["error"].(string); msg == "" {
				t.Fatalf("status %d without an error message: %s", rec.Code, rec.Body.String())
			}
		default:
			t.Fatalf("status %d for body %q: %s", rec.Code, body, rec.Body.String())
		}
	})
}
