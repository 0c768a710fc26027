package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/store/storetest"
)

// openTestApp starts the server the way `sitrep serve` does, on a free
// port, over a fresh data directory (or PostgreSQL database when dbURL is
// set).
func openTestApp(t *testing.T, dataDir, dbURL string, noDemo bool) *App {
	t.Helper()
	var out bytes.Buffer
	m := NewApp(&out, io.Discard)
	m.DataDir, m.DBURL, m.Addr, m.NoDemo = dataDir, dbURL, "127.0.0.1:0", noDemo
	if err := m.Run(context.Background()); err != nil {
		m.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func TestServeFirstStart(t *testing.T) {
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			dir, dbURL := t.TempDir(), ""
			if backend == "postgres" {
				dbURL = storetest.CreatePostgresDatabase(t)
			}
			m := openTestApp(t, dir, dbURL, false)
			docs, _ := demo.Documents()

			t.Run("loads the demo corpus once", func(t *testing.T) {
				n, err := m.Store.CountDocuments(context.Background())
				if err != nil || n != len(docs) {
					t.Fatalf("%d documents (%v), want the %d of the demo corpus", n, err, len(docs))
				}
				var sd sitrep.StoredDocument
				getJSON(t, m.Server.URL()+"/api/documents/seed-isis-iraq-syria", &sd)
				if len(sd.Events) == 0 {
					t.Error("the seed article has no events")
				}
			})
			t.Run("events of several countries and types", func(t *testing.T) {
				var st sitrep.EventStats
				getJSON(t, m.Server.URL()+"/api/stats", &st)
				if len(st.ByCountry) < 8 || len(st.ByEventType) < 5 {
					t.Errorf("demo stats cover %d countries and %d event types, want a varied corpus", len(st.ByCountry), len(st.ByEventType))
				}
			})
			t.Run("links outlets' reports of one strike into an incident", func(t *testing.T) {
				var page struct{ Incidents []sitrep.Incident }
				getJSON(t, m.Server.URL()+"/api/incidents?limit=200", &page)
				multi := 0
				for _, inc := range page.Incidents {
					if inc.Sources >= 2 {
						multi++
					}
				}
				if multi == 0 {
					t.Errorf("none of %d incidents has two sources; the demo has several strikes reported twice", len(page.Incidents))
				}
			})
			t.Run("generates and keeps a token", func(t *testing.T) {
				b, err := os.ReadFile(filepath.Join(dir, "token"))
				if err != nil || len(strings.TrimSpace(string(b))) < 32 {
					t.Fatalf("token file: %q %v", b, err)
				}
				if fi, _ := os.Stat(filepath.Join(dir, "token")); fi.Mode().Perm()&0o077 != 0 {
					t.Errorf("token file mode %v is readable by others", fi.Mode().Perm())
				}
				if !strings.Contains(m.Stdout.(*bytes.Buffer).String(), strings.TrimSpace(string(b))) {
					t.Error("generated token not printed")
				}
				if m.Server.Token != strings.TrimSpace(string(b)) {
					t.Error("server does not use the saved token")
				}
			})
			t.Run("serves the dashboard", func(t *testing.T) {
				resp, err := http.Get(m.Server.URL() + "/")
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
					t.Errorf("GET /: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
				}
			})
			t.Run("second start does not load the demo again", func(t *testing.T) {
				if err := m.Close(); err != nil {
					t.Fatal(err)
				}
				m2 := openTestApp(t, dir, dbURL, false)
				n, _ := m2.Store.CountDocuments(context.Background())
				if n != len(docs) {
					t.Errorf("%d documents after restart, want %d", n, len(docs))
				}
				if strings.Contains(m2.Stdout.(*bytes.Buffer).String(), "demo corpus") {
					t.Error("demo corpus loaded twice")
				}
			})
		})
	}
}

func TestServeFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"serve", "-h"}, ExitOK},
		{[]string{"serve", "--bogus"}, ExitUsage},
		{[]string{"serve", "extra-arg"}, ExitUsage},
		{[]string{"ingest"}, ExitUsage},
		{[]string{"ingest", "/no/such/file.txt"}, ExitUsage},
		{[]string{"ingest", "serve_test.go"}, ExitUsage}, // unknown extension
		{[]string{"export", "-format", "xml"}, ExitUsage},
		{[]string{"export", "-from", "yesterday"}, ExitUsage},
		{[]string{"export", "--data", "testdata/no-such-dir"}, ExitFailure},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var stderr bytes.Buffer
			if got := Main(context.Background(), tc.args, nil, io.Discard, &stderr); got != tc.code {
				t.Errorf("exit %d, want %d; stderr: %s", got, tc.code, stderr.String())
			}
		})
	}
}

func TestServeGracefulShutdownFinishesWrites(t *testing.T) {
	m := openTestApp(t, t.TempDir(), "", true)
	token := m.Server.Token
	done := make(chan error, 1)
	var lines bytes.Buffer
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&lines, `{"id":"shutdown-%d","text":"Police arrested %d protesters in the capital on Monday, officials said."}`+"\n", i, i+3)
	}
	go func() {
		req, _ := http.NewRequest("POST", m.Server.URL()+"/api/documents", &lines)
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/x-ndjson")
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			var br struct{ Ingested int }
			json.NewDecoder(resp.Body).Decode(&br)
			resp.Body.Close()
			if br.Ingested != 200 {
				err = fmt.Errorf("acknowledged %d documents, want 200", br.Ingested)
			}
		}
		done <- err
	}()
	// Wait until the batch is being written, then shut down.
	for {
		n, _ := m.Store.CountDocuments(context.Background())
		if n > 0 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("request in flight during shutdown: %v", err)
	}
}
