package http_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	sitrephttp "github.com/sitrep/sitrep/http"
	"github.com/sitrep/sitrep/store/sqldb"
	"github.com/sitrep/sitrep/store/storetest"
)

const testToken = "s3cret-test-token"

// TestAPI runs the same API suite over SQLite and over PostgreSQL.
func TestAPI(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		testAPI(t, func(tb testing.TB) *sqldb.Store { return storetest.OpenSQLite(tb).Store })
	})
	t.Run("postgres", func(t *testing.T) {
		testAPI(t, func(tb testing.TB) *sqldb.Store { return storetest.OpenPostgres(tb).Store })
	})
}

// apiClient talks to a test server over real HTTP.
type apiClient struct {
	t   *testing.T
	url string
}

func newAPI(t *testing.T, s *sqldb.Store, maxBody int64) *apiClient {
	srv := sitrephttp.NewServer()
	srv.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv.Token = testToken
	srv.MaxBodyBytes = maxBody
	srv.DocumentService, srv.EventService, srv.StatsService = s, s, s
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &apiClient{t: t, url: ts.URL}
}

func (c *apiClient) do(method, path, contentType, token string, body []byte) (int, []byte, http.Header) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.url+path, bytes.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp.StatusCode, b, resp.Header
}

// on returns the client reporting to t, for use in subtests.
func (c *apiClient) on(t *testing.T) *apiClient { return &apiClient{t: t, url: c.url} }

// get fetches path and decodes the JSON answer into v, failing unless the
// status is want.
func (c *apiClient) get(path string, want int, v any) {
	c.t.Helper()
	status, body, _ := c.do("GET", path, "", "", nil)
	if status != want {
		c.t.Fatalf("GET %s: status %d, want %d: %s", path, status, want, body)
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			c.t.Fatalf("GET %s: %v in %s", path, err, body)
		}
	}
}

func (c *apiClient) ingestCorpus() {
	c.t.Helper()
	var lines bytes.Buffer
	for _, f := range storetest.Corpus() {
		b, _ := json.Marshal(f.Doc)
		lines.Write(b)
		lines.WriteByte('\n')
	}
	status, body, _ := c.do("POST", "/api/documents", "application/x-ndjson", testToken, lines.Bytes())
	if status != 200 {
		c.t.Fatalf("ingest corpus: %d %s", status, body)
	}
}

type errorBody struct {
	Error string `json:"error"`
}

func testAPI(t *testing.T, open storetest.Opener) {
	seeded := func(t *testing.T, maxBody int64) *apiClient {
		s := open(t)
		s.Extractor, s.ExtractorVersion = storetest.NewExtractor(storetest.Corpus()), "fixture-1"
		return newAPI(t, s, maxBody)
	}

	t.Run("ingest one document, then the same again", func(t *testing.T) {
		c := seeded(t, 0)
		doc, _ := json.Marshal(storetest.Corpus()[0].Doc)
		for i, want := range []sitrep.IngestResult{
			{DocumentID: "idlib-strike-a", Events: 1},
			{DocumentID: "idlib-strike-a", Events: 1, Duplicate: true},
		} {
			status, body, _ := c.do("POST", "/api/documents", "application/json", testToken, doc)
			if status != 200 {
				t.Fatalf("post %d: status %d: %s", i, status, body)
			}
			var got sitrep.IngestResult
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("post %d: %+v, want %+v", i, got, want)
			}
		}
	})

	t.Run("write endpoints need the token", func(t *testing.T) {
		c := seeded(t, 0)
		for _, tc := range []struct{ name, token, want string }{
			{"no token", "", "missing bearer token"},
			{"wrong token", "guess", "invalid token"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				status, body, h := c.do("POST", "/api/documents", "application/json", tc.token, []byte(`{"text":"Clashes."}`))
				var e errorBody
				_ = json.Unmarshal(body, &e)
				if status != 401 || !strings.Contains(e.Error, tc.want) {
					t.Errorf("status %d, error %q; want 401 with %q", status, e.Error, tc.want)
				}
				if h.Get("WWW-Authenticate") == "" {
					t.Error("no WWW-Authenticate header")
				}
			})
		}
	})

	t.Run("bad requests get 400 with a message saying what is wrong", func(t *testing.T) {
		c := seeded(t, 0)
		for _, tc := range []struct{ name, path, ctype, body, want string }{
			{"malformed JSON", "/api/documents", "application/json", `{"text": "Clashes", }`, "invalid JSON at byte"},
			{"wrong field type", "/api/documents", "application/json", `{"text": 42}`, `field "text" must be string`},
			{"empty body", "/api/documents", "application/json", ``, "empty body"},
			{"no text", "/api/documents", "application/json", `{"title":"Only a title"}`, "has no text"},
			{"bad published date", "/api/documents", "application/json", `{"text":"Clashes.","published":"yesterday"}`, "invalid date"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				status, body, _ := c.do("POST", tc.path, tc.ctype, testToken, []byte(tc.body))
				var e errorBody
				if err := json.Unmarshal(body, &e); err != nil {
					t.Fatalf("error body is not JSON: %s", body)
				}
				if status != 400 || !strings.Contains(e.Error, tc.want) {
					t.Errorf("status %d, error %q; want 400 with %q", status, e.Error, tc.want)
				}
			})
		}
		for _, tc := range []struct{ name, query, want string }{
			{"bbox with three numbers", "bbox=1,2,3", "bbox must be"},
			{"date not ISO", "from=04/03/2026", "invalid date"},
			{"unknown sort", "sort=country", "invalid sort"},
			{"limit not a number", "limit=ten", "limit must be"},
			{"unknown modality", "modality=rumoured", "invalid modality"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				for _, path := range []string{"/api/events", "/api/stats", "/api/export.csv"} {
					var e errorBody
					c.on(t).get(path+"?"+tc.query, 400, &e)
					if !strings.Contains(e.Error, tc.want) {
						t.Errorf("%s: error %q, want %q", path, e.Error, tc.want)
					}
				}
			})
		}
		var e errorBody
		c.get("/api/events?cursor=AAAA", 400, &e)
		if !strings.Contains(e.Error, "invalid cursor") {
			t.Errorf("forged cursor: error %q", e.Error)
		}
		c.get("/api/events/abc", 400, &e)
		c.get("/api/events/987654", 404, &e)
		if !strings.Contains(e.Error, "not found") {
			t.Errorf("404 error %q", e.Error)
		}
		c.get("/api/documents/nope", 404, &e)
		c.get("/api/nothing-here", 404, &e)
	})

	t.Run("bodies over the limit get 413 and store nothing", func(t *testing.T) {
		c := seeded(t, 2048)
		var lines bytes.Buffer
		for i := 0; i < 40; i++ {
			fmt.Fprintf(&lines, `{"id":"big-%d","text":"Report %d: clashes continued for a further day in the outskirts of the town."}`+"\n", i, i)
		}
		status, body, _ := c.do("POST", "/api/documents", "application/x-ndjson", testToken, lines.Bytes())
		if status != 413 || !strings.Contains(string(body), "2 KB") {
			t.Errorf("status %d %s, want 413 naming the limit", status, body)
		}
		var page sitrep.EventPage
		c.get("/api/events", 200, &page)
		var e errorBody
		c.get("/api/documents/big-0", 404, &e)
	})

	t.Run("NDJSON batch stores the good lines and reports the bad", func(t *testing.T) {
		c := seeded(t, 0)
		corpus := storetest.Corpus()
		a, _ := json.Marshal(corpus[2].Doc)
		b, _ := json.Marshal(corpus[4].Doc)
		batch := string(a) + "\n{not json}\n\n" + string(b) + "\n" + string(a) + "\n"
		status, body, _ := c.do("POST", "/api/documents", "application/x-ndjson", testToken, []byte(batch))
		if status != 200 {
			t.Fatalf("status %d: %s", status, body)
		}
		var got sitrephttp.BatchResult
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		if got.Ingested != 2 || got.Failed != 1 || got.Duplicates != 1 {
			t.Errorf("ingested %d failed %d duplicates %d, want 2, 1, 1", got.Ingested, got.Failed, got.Duplicates)
		}
		if len(got.Results) != 4 || got.Results[1].Line != 2 || !strings.Contains(got.Results[1].Error, "invalid JSON") {
			t.Errorf("results %+v: want line 2 reported as invalid JSON", got.Results)
		}
		if got.Results[2].Line != 4 || got.Results[2].DocumentID != "khartoum-protest" || got.Results[2].Events != 2 {
			t.Errorf("line 4 result %+v", got.Results[2])
		}
	})

	t.Run("queries", func(t *testing.T) {
		c := seeded(t, 0)
		c.ingestCorpus()
		for _, tc := range []struct {
			query string
			want  int
		}{
			{"", storetest.FixtureEvents()},
			{"country=Syria", 3},
			{"country=Syria&modality=occurred", 1},
			{"modality=all", storetest.FixtureEvents()},
			{"event_type=" + url.QueryEscape(sitrep.ExplosionsRemote), 5},
			{"sub_event_type=" + url.QueryEscape("Armed clash"), 2},
			{"from=2026-02-01&to=2026-02-28", 5},
			{"actor=shabaab", 1},
			{"admin1=kharkiv", 2},
			{"bbox=30,0,50,20", 4}, // Sudan, Yemen and Somalia
			{"q=" + url.QueryEscape("roadside bomb"), 1},
			{"doc_id=idlib-strike-b", 2},
		} {
			t.Run(tc.query, func(t *testing.T) {
				var page sitrep.EventPage
				c.on(t).get("/api/events?"+tc.query, 200, &page)
				if page.Total != tc.want || len(page.Events) != tc.want {
					t.Errorf("total %d, %d events; want %d", page.Total, len(page.Events), tc.want)
				}
			})
		}
		t.Run("cursor pagination visits every event once", func(t *testing.T) {
			seen := map[int64]bool{}
			next := "/api/events?limit=3&sort=-fatalities"
			for pages := 0; next != ""; pages++ {
				if pages > 10 {
					t.Fatal("pagination does not end")
				}
				var page sitrep.EventPage
				c.get(next, 200, &page)
				if len(page.Events) > 3 {
					t.Fatalf("page of %d events, limit 3", len(page.Events))
				}
				for _, e := range page.Events {
					if seen[e.ID] {
						t.Fatalf("event %d twice", e.ID)
					}
					seen[e.ID] = true
				}
				next = ""
				if page.NextCursor != "" {
					next = "/api/events?limit=3&sort=-fatalities&cursor=" + url.QueryEscape(page.NextCursor)
				}
			}
			if len(seen) != storetest.FixtureEvents() {
				t.Errorf("saw %d events, want %d", len(seen), storetest.FixtureEvents())
			}
		})
	})

	t.Run("event detail has the document and its other events", func(t *testing.T) {
		c := seeded(t, 0)
		c.ingestCorpus()
		var page sitrep.EventPage
		c.get("/api/events?doc_id=kharkiv-shelling&sort=event_date", 200, &page)
		if len(page.Events) != 2 {
			t.Fatalf("%d events", len(page.Events))
		}
		var d sitrephttp.EventDetail
		c.get(fmt.Sprintf("/api/events/%d", page.Events[0].ID), 200, &d)
		ev := d.Event.Evidence
		if got := d.Document.Text[ev.Start:ev.End]; got != ev.Text {
			t.Errorf("document text at evidence offsets = %q, want %q", got, ev.Text)
		}
		if len(d.Related) != 1 || d.Related[0].ID == d.Event.ID {
			t.Errorf("related = %+v, want the other event of the document", d.Related)
		}
		var sd sitrep.StoredDocument
		c.get("/api/documents/kharkiv-shelling", 200, &sd)
		if sd.Document.Title != "Shelling hits Kharkiv suburbs" || len(sd.Events) != 2 || sd.ExtractorVersion != "fixture-1" {
			t.Errorf("document = %+v", sd)
		}
	})

	t.Run("stats", func(t *testing.T) {
		c := seeded(t, 0)
		c.ingestCorpus()
		var st sitrep.EventStats
		c.get("/api/stats?country=Ukraine", 200, &st)
		if st.Total != 2 || st.Fatalities != 2 || len(st.ByDay) != 1 || st.ByDay[0] != (sitrep.Count{Key: "2026-02-10", Count: 2, Fatalities: 2}) {
			t.Errorf("stats = %+v", st)
		}
		if len(st.ByWeek) != 1 || st.ByWeek[0].Key != "2026-02-09" {
			t.Errorf("by week = %+v, want the week of Monday 2026-02-09", st.ByWeek)
		}
	})

	t.Run("exports parse back", func(t *testing.T) {
		c := seeded(t, 0)
		c.ingestCorpus()
		t.Run("csv", func(t *testing.T) {
			status, body, h := c.do("GET", "/api/export.csv?country=Syria&sort=-fatalities", "", "", nil)
			if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") {
				t.Fatalf("status %d, content type %q", status, h.Get("Content-Type"))
			}
			rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if got, want := strings.Join(rows[0], ","), strings.Join(sitrephttp.ACLEDColumns, ","); got != want {
				t.Errorf("header %s, want %s", got, want)
			}
			if len(rows) != 4 {
				t.Fatalf("%d rows, want header + 3", len(rows))
			}
			col := map[string]int{}
			for i, name := range rows[0] {
				col[name] = i
			}
			top := rows[1]
			for name, want := range map[string]string{
				"event_date": "2026-03-03", "year": "2026", "disorder_type": "Political violence", "country": "Syria",
				"iso": "760", "region": "Middle East", "fatalities": "14", "source": "Example Wire",
				"civilian_targeting": "Civilian targeting", "interaction": "17", "modality": "reported",
				"latitude": "35.6476", "longitude": "36.6741", "doc_id": "idlib-strike-b",
			} {
				if got := top[col[name]]; got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if !strings.HasPrefix(top[col["event_id_cnty"]], "SYR") {
				t.Errorf("event_id_cnty = %q, want SYR…", top[col["event_id_cnty"]])
			}
			if !strings.HasPrefix(top[col["notes"]], "A war monitor said") {
				t.Errorf("notes = %q, want the evidence sentence", top[col["notes"]])
			}
		})
		t.Run("geojson", func(t *testing.T) {
			status, body, _ := c.do("GET", "/api/export.geojson", "", "", nil)
			var fc struct {
				Type     string `json:"type"`
				Features []struct {
					Type     string `json:"type"`
					Geometry struct {
						Type        string     `json:"type"`
						Coordinates [2]float64 `json:"coordinates"`
					} `json:"geometry"`
					Properties sitrep.Event `json:"properties"`
				} `json:"features"`
			}
			if err := json.Unmarshal(body, &fc); status != 200 || err != nil {
				t.Fatalf("status %d, %v: %s", status, err, body)
			}
			if fc.Type != "FeatureCollection" || len(fc.Features) != storetest.FixtureEvents() {
				t.Fatalf("type %q with %d features, want %d", fc.Type, len(fc.Features), storetest.FixtureEvents())
			}
			for _, f := range fc.Features {
				if f.Geometry.Type != "Point" || f.Geometry.Coordinates[0] != *f.Properties.Longitude || f.Geometry.Coordinates[1] != *f.Properties.Latitude {
					t.Errorf("feature %d: geometry %+v does not match lon/lat of its event", f.Properties.ID, f.Geometry)
				}
			}
		})
		t.Run("jsonl", func(t *testing.T) {
			_, body, _ := c.do("GET", "/api/export.jsonl?event_type=Battles", "", "", nil)
			lines := strings.Split(strings.TrimSpace(string(body)), "\n")
			if len(lines) != 2 {
				t.Fatalf("%d lines, want 2", len(lines))
			}
			for _, l := range lines {
				var e sitrep.Event
				if err := json.Unmarshal([]byte(l), &e); err != nil || e.EventType != sitrep.Battles {
					t.Errorf("line %s: %v", l, err)
				}
			}
		})
	})
}

// failingEvents is an EventService whose database is broken.
type failingEvents struct{ sitrep.EventService }

func (failingEvents) FindEvents(context.Context, sitrep.EventFilter) (*sitrep.EventPage, error) {
	return nil, errors.New(`pq: relation "events" does not exist at /var/lib/secret`)
}

func TestInternalErrorsAreNotShown(t *testing.T) {
	var logs bytes.Buffer
	srv := sitrephttp.NewServer()
	srv.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	srv.EventService = failingEvents{}
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/api/events", nil))
	if rec.Code != 500 {
		t.Errorf("status %d, want 500", rec.Code)
	}
	if body := rec.Body.String(); strings.Contains(body, "secret") || !strings.Contains(body, `"error":"Internal error."`) {
		t.Errorf("body %s leaks the internal error", body)
	}
	if !strings.Contains(logs.String(), "/var/lib/secret") {
		t.Errorf("internal error not logged: %s", logs.String())
	}
}

func TestErrorStatusTable(t *testing.T) {
	for code, want := range map[string]int{
		sitrep.EINVALID: 400, sitrep.EUNAUTHORIZED: 401, sitrep.ENOTFOUND: 404, sitrep.ECONFLICT: 409,
		sitrep.ENOTIMPLEMENTED: 501, sitrep.EINTERNAL: 500, "something-new": 500,
	} {
		if got := sitrephttp.ErrorStatus(code); got != want {
			t.Errorf("ErrorStatus(%q) = %d, want %d", code, got, want)
		}
	}
}

// TestOpenAPIRoutesExist checks that every path the OpenAPI document lists
// is routed, so the description and the server cannot drift apart.
func TestOpenAPIRoutesExist(t *testing.T) {
	c := newAPI(t, storetest.OpenSQLite(t).Store, 0)
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	c.get("/api/openapi.json", 200, &doc)
	if len(doc.Paths) < 9 {
		t.Fatalf("only %d paths in openapi.json", len(doc.Paths))
	}
	for path, methods := range doc.Paths {
		for method := range methods {
			p := strings.NewReplacer("{id}", "1").Replace(path)
			status, body, _ := c.do(strings.ToUpper(method), p, "application/json", testToken, []byte(`{"text":"A protest was held in the capital."}`))
			if status == 405 || (status == 404 && !strings.Contains(string(body), "not found")) {
				t.Errorf("%s %s: status %d %s: listed in openapi.json but not routed", method, path, status, body)
			}
		}
	}
}
