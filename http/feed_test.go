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
	"github.com/sitrep/sitrep/store/storetest"
)

func TestFeedsEndpoint(t *testing.T) {
	get := func(t *testing.T, srv *sitrephttp.Server) (int, map[string]any) {
		t.Helper()
		ts := httptest.NewServer(srv.Handler())
		defer ts.Close()
		resp, err := http.Get(ts.URL + "/api/feeds")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var v map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, v
	}
	newServer := func(fs sitrep.FeedService) *sitrephttp.Server {
		s := sitrephttp.NewServer()
		s.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
		s.FeedService = fs
		return s
	}

	t.Run("without a feed service the endpoint answers 501", func(t *testing.T) {
		status, body := get(t, newServer(nil))
		if status != http.StatusNotImplemented || body["error"] == "" {
			t.Errorf("status %d body %v, want 501 with an error", status, body)
		}
	})

	t.Run("no feeds yet is an empty list, not null", func(t *testing.T) {
		status, body := get(t, newServer(storetest.OpenSQLite(t).FeedService()))
		feeds, ok := body["feeds"].([]any)
		if status != http.StatusOK || !ok || len(feeds) != 0 {
			t.Errorf("status %d body %v, want 200 and feeds: []", status, body)
		}
	})

	t.Run("each feed shows its health, status, items and errors", func(t *testing.T) {
		fs := storetest.OpenSQLite(t).FeedService()
		at := time.Date(2022, 3, 17, 12, 0, 0, 0, time.UTC)
		for _, f := range []*sitrep.Feed{
			{URL: "https://frontline.example/rss.xml", Title: "Frontline Wire", ETag: `"secret-etag"`, LastFetch: at, LastSuccess: at,
				LastStatus: 200, ItemsSeen: 3, Documents: 2, NextFetch: at.Add(15 * time.Minute)},
			{URL: "https://broken.example/feed", LastFetch: at, LastStatus: 500, LastError: "fetch: HTTP 500 Internal Server Error",
				Errors: 2, NextFetch: at.Add(2 * time.Minute)},
		} {
			if err := fs.UpsertFeed(context.Background(), f); err != nil {
				t.Fatal(err)
			}
		}
		status, body := get(t, newServer(fs))
		feeds, _ := body["feeds"].([]any)
		if status != http.StatusOK || len(feeds) != 2 {
			t.Fatalf("status %d body %v, want 2 feeds", status, body)
		}
		broken, ok := feeds[0].(map[string]any)
		if !ok || broken["url"] != "https://broken.example/feed" || broken["health"] != "failing" ||
			broken["last_status"] != 500.0 || broken["errors"] != 2.0 || broken["last_error"] == nil {
			t.Errorf("broken feed = %v", feeds[0])
		}
		good, ok := feeds[1].(map[string]any)
		if !ok || good["health"] != "ok" || good["items_seen"] != 3.0 || good["documents"] != 2.0 || good["last_fetch"] != "2022-03-17T12:00:00Z" {
			t.Errorf("good feed = %v", feeds[1])
		}
		if _, leaked := good["ETag"]; leaked {
			t.Errorf("conditional-GET validators leaked into the API: %v", good)
		}
	})
}

func TestDocumentSourcesEndpoint(t *testing.T) {
	db := storetest.OpenSQLite(t)
	ctx := context.Background()
	res, err := db.Store.IngestDocument(ctx, &sitrep.Document{ID: "taiz-1", URL: "https://frontline.example/taiz", Title: "Shelling kills four in Taiz market",
		Text: "Shelling kills four in Taiz market\n\nArtillery shells struck a crowded vegetable market in Taiz on Wednesday, killing four civilians, officials said."})
	if err != nil {
		t.Fatal(err)
	}
	fs := db.FeedService()
	at := time.Date(2022, 3, 16, 10, 0, 0, 0, time.UTC)
	for i, it := range []*sitrep.FeedItem{
		{FeedURL: "https://frontline.example/rss.xml", Key: "fw-48213", URL: "https://frontline.example/taiz", DocumentID: res.DocumentID, Status: sitrep.FeedItemIngested},
		{FeedURL: "https://aggregator.example/rss", Key: "agg-1", URL: "https://frontline.example/taiz?utm_campaign=agg", DocumentID: res.DocumentID, Status: sitrep.FeedItemDuplicate},
	} {
		it.Seen = at.Add(time.Duration(i) * time.Minute)
		if err := fs.CreateFeedItem(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	srv := sitrephttp.NewServer()
	srv.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv.DocumentService, srv.FeedService = db.Store, fs
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	get := func(path string) (int, map[string]any) {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var v map[string]any
		json.NewDecoder(resp.Body).Decode(&v)
		return resp.StatusCode, v
	}
	status, body := get("/api/documents/taiz-1/sources")
	srcs, _ := body["sources"].([]any)
	if status != 200 || len(srcs) != 2 {
		t.Fatalf("status %d body %v, want both feeds", status, body)
	}
	if first, _ := srcs[0].(map[string]any); first["feed_url"] != "https://frontline.example/rss.xml" || first["status"] != "ingested" {
		t.Errorf("first source = %v, want the feed that brought it first", srcs[0])
	}
	if status, _ := get("/api/documents/no-such-doc/sources"); status != http.StatusNotFound {
		t.Errorf("unknown document: status %d, want 404", status)
	}
}
