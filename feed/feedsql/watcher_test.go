package feedsql_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/feed"
	"github.com/sitrep/sitrep/store/postgres"
	"github.com/sitrep/sitrep/store/sqldb"
	"github.com/sitrep/sitrep/store/sqlite"
	"github.com/sitrep/sitrep/store/storetest"
)

// backend opens the same database again on each call, as a restarted
// process would, and returns its document store and feed service.
type backend func(t *testing.T) (*sqldb.Store, sitrep.FeedService)

func TestWatcherRestartSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sitrep.db")
	testWatcherRestart(t, func(t *testing.T) (*sqldb.Store, sitrep.FeedService) {
		db, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db.Store, db.FeedService()
	})
}

func TestWatcherRestartPostgres(t *testing.T) {
	url := storetest.CreatePostgresDatabase(t)
	testWatcherRestart(t, func(t *testing.T) (*sqldb.Store, sitrep.FeedService) {
		db, err := postgres.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db.Store, db.FeedService()
	})
}

// testWatcherRestart polls two feeds that share a story under one URL and
// another under two URLs with the same text, restarts, and polls again:
// each story is one document with both feeds as sources, and the second
// run fetches no page and ingests nothing.
func testWatcherRestart(t *testing.T, open backend) {
	var pageHits atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/rss.xml":
			w.Write(fixture(t, "rss2.xml", srv.URL))
		case "/aggregator.xml":
			w.Write([]byte(`<rss version="2.0"><channel><title>Gulf Aggregator</title>
<item><guid>agg-1</guid><title>Four killed as shells hit Taiz market</title>
<link>` + srv.URL + `/2022/03/16/taiz-market-shelling?utm_campaign=agg</link></item>
<item><guid>agg-2</guid><title>Drone strike near Marib dam</title>
<link>` + srv.URL + `/partner/marib-copy</link></item></channel></rss>`))
		case "/2022/03/16/taiz-market-shelling":
			pageHits.Add(1)
			w.Write(fixture(t, "article-taiz-boilerplate.html", srv.URL))
		case "/2022/03/15/marib-drone", "/partner/marib-copy": // the same story syndicated
			pageHits.Add(1)
			w.Write(fixture(t, "article-marib-jsonld.html", srv.URL))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	srcs := []feed.Source{{URL: srv.URL + "/rss.xml"}, {URL: srv.URL + "/aggregator.xml"}}
	poll := func(store *sqldb.Store, feeds sitrep.FeedService) []feed.Result {
		w := &feed.Watcher{Client: feed.NewClient(0), Feeds: feeds, Documents: store, Parallel: 1}
		return w.Round(context.Background(), srcs, true)
	}

	store, feeds := open(t)
	first := poll(store, feeds)
	if first[0].Ingested != 2 || first[1].Duplicates != 2 {
		t.Fatalf("first run: %+v", first)
	}
	n, _ := store.CountDocuments(context.Background())
	if n != 2 {
		t.Errorf("%d documents after the first run, want 2", n)
	}
	taiz := feed.DocumentID(srv.URL + "/2022/03/16/taiz-market-shelling")
	sources, err := feeds.FindFeedItemsByDocument(context.Background(), taiz)
	if err != nil || len(sources) != 2 {
		t.Errorf("Taiz story sources = %+v, %v; want one item from each feed", sources, err)
	}
	marib := feed.DocumentID(srv.URL + "/2022/03/15/marib-drone")
	if sources, _ := feeds.FindFeedItemsByDocument(context.Background(), marib); len(sources) != 2 || sources[1].URL != srv.URL+"/partner/marib-copy" {
		t.Errorf("syndicated Marib story sources = %+v; want the original and the partner copy, as one document", sources)
	}
	hits := pageHits.Load()

	store, feeds = open(t) // restart
	second := poll(store, feeds)
	for _, r := range second {
		if r.Err != nil || r.New != 0 || r.Ingested != 0 {
			t.Errorf("after restart %s: %+v, want nothing new", r.URL, r)
		}
	}
	if pageHits.Load() != hits {
		t.Errorf("pages fetched again after restart: %d hits, was %d", pageHits.Load(), hits)
	}
	d, err := store.FindDocumentByID(context.Background(), taiz)
	if err != nil || d.Source != "Frontline Wire" || !strings.HasPrefix(d.Text, "Shelling kills four in Taiz market") {
		t.Errorf("Taiz document = %+v, %v", d, err)
	}
}

func fixture(t *testing.T, name, base string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.ReplaceAll(string(b), "{{base}}", base))
}
