package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/feed"
)

// newsServer serves the feed package's fixtures: an RSS feed whose items
// link to article pages, and a feed URL that always fails.
func newsServer(t *testing.T) *httptest.Server {
	t.Helper()
	read := func(name, base string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "feed", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return bytes.ReplaceAll(b, []byte("{{base}}"), []byte(base))
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss.xml":
			w.Write(read("rss2.xml", srv.URL))
		case "/2022/03/16/taiz-market-shelling":
			w.Write(read("article-taiz-boilerplate.html", srv.URL))
		case "/2022/03/15/marib-drone":
			w.Write(read("article-marib-jsonld.html", srv.URL))
		case "/down.xml":
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func runSitrep(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestWatchOnceThenRestart(t *testing.T) {
	srv := newsServer(t)
	dir := t.TempDir()
	list := filepath.Join(dir, "feeds.txt")
	os.WriteFile(list, []byte("# desk feeds\n"+srv.URL+"/rss.xml\n"+srv.URL+"/down.xml\nnot-a-url\n"), 0o644)
	watch := func() []feed.Result {
		t.Helper()
		code, out, errs := runSitrep(t, "watch", "--feeds", list, "--once", "--delay", "0s", "--data", dir, "-json")
		if code != ExitOK {
			t.Fatalf("exit %d, stderr:\n%s", code, errs)
		}
		if !strings.Contains(errs, "feeds.txt:4") {
			t.Errorf("bad line not reported with its location; stderr:\n%s", errs)
		}
		var rs []feed.Result
		sc := bufio.NewScanner(strings.NewReader(out))
		for sc.Scan() {
			var r feed.Result
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("%v in %q", err, sc.Text())
			}
			rs = append(rs, r)
		}
		return rs
	}
	byURL := func(rs []feed.Result, u string) feed.Result {
		for _, r := range rs {
			if r.URL == u {
				return r
			}
		}
		t.Fatalf("no result for %s in %+v", u, rs)
		return feed.Result{}
	}

	first := watch()
	if r := byURL(first, srv.URL+"/rss.xml"); r.Items != 3 || r.Ingested != 2 || r.Skipped != 1 {
		t.Errorf("first run, rss: %+v, want 3 items, 2 ingested, 1 skipped (404 page)", r)
	}
	if r := byURL(first, srv.URL+"/down.xml"); r.Status != 503 || !strings.Contains(r.Error, "503") {
		t.Errorf("first run, down feed: %+v, want the 503 reported", r)
	}

	second := watch()
	if r := byURL(second, srv.URL+"/rss.xml"); r.Items != 3 || r.New != 0 || r.Ingested != 0 {
		t.Errorf("after restart, rss: %+v, want nothing new", r)
	}

	t.Run("feeds shows the health of both", func(t *testing.T) {
		code, out, errs := runSitrep(t, "feeds", "--data", dir, "-json")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var got struct {
			Feeds []struct {
				URL       string `json:"url"`
				Health    string `json:"health"`
				ItemsSeen int    `json:"items_seen"`
				Documents int    `json:"documents"`
				Errors    int    `json:"errors"`
			} `json:"feeds"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		health := map[string]string{}
		for _, f := range got.Feeds {
			health[f.URL] = f.Health
			if f.URL == srv.URL+"/rss.xml" && (f.ItemsSeen != 3 || f.Documents != 2) {
				t.Errorf("rss feed: %+v", f)
			}
			if f.URL == srv.URL+"/down.xml" && f.Errors != 2 {
				t.Errorf("down feed: %+v, want 2 consecutive errors", f)
			}
		}
		if health[srv.URL+"/rss.xml"] != "ok" || health[srv.URL+"/down.xml"] != "failing" {
			t.Errorf("health = %v", health)
		}
		code, out, _ = runSitrep(t, "feeds", "--data", dir)
		if code != ExitOK || !strings.Contains(out, "failing") || !strings.Contains(out, "HTTP 503") {
			t.Errorf("table output:\n%s", out)
		}
	})
}

func TestWatchOnceEveryFeedFailedExitsOne(t *testing.T) {
	srv := newsServer(t)
	dir := t.TempDir()
	list := filepath.Join(dir, "feeds.txt")
	os.WriteFile(list, []byte(srv.URL+"/down.xml\n"+srv.URL+"/missing.xml\n"), 0o644)
	code, out, errs := runSitrep(t, "watch", "--feeds", list, "--once", "--delay", "0s", "--data", dir)
	if code != ExitFailure || !strings.Contains(errs, "all 2 feed(s) failed") {
		t.Errorf("exit %d, stderr %q, want 1 and a summary", code, errs)
	}
	if !strings.Contains(out, "HTTP 404") || !strings.Contains(out, "HTTP 503") {
		t.Errorf("table lacks the errors:\n%s", out)
	}
}

func TestWatchUsage(t *testing.T) {
	for _, args := range [][]string{
		{"watch"},
		{"watch", "--feeds", "x.txt", "extra"},
		{"watch", "--feeds", "x.txt", "--interval", "1s"},
	} {
		if code, _, _ := runSitrep(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

func TestIngestURLFetchesTheArticle(t *testing.T) {
	srv := newsServer(t)
	doc, err := fetchDocument(context.Background(), srv.URL+"/2022/03/16/taiz-market-shelling?utm_source=x")
	if err != nil {
		t.Fatal(err)
	}
	if doc.URL != srv.URL+"/2022/03/16/taiz-market-shelling" || doc.ID != feed.DocumentID(doc.URL) ||
		doc.Published != "2022-03-16T09:40:00Z" || doc.Source != "Frontline Wire" ||
		!strings.Contains(doc.Text, "killing four civilians") || strings.Contains(doc.Text, "SunFly") {
		t.Errorf("document = %+v", doc)
	}
}

func TestServeWithFeedsRunsTheWatcher(t *testing.T) {
	srv := newsServer(t)
	dir := t.TempDir()
	list := filepath.Join(dir, "feeds.txt")
	os.WriteFile(list, []byte(srv.URL+"/rss.xml\n"), 0o644)

	m := NewApp(io.Discard, io.Discard)
	m.DataDir, m.Addr, m.NoDemo, m.FeedsFile = dir, "127.0.0.1:0", true, list
	if err := m.Run(context.Background()); err != nil {
		m.Close()
		t.Fatal(err)
	}
	defer m.Close()

	deadline := time.Now().Add(20 * time.Second)
	for {
		f, err := m.FeedService().FindFeedByURL(context.Background(), srv.URL+"/rss.xml")
		if err == nil && !f.LastFetch.IsZero() {
			if f.Health() != sitrep.FeedOK || f.ItemsSeen != 3 || f.Documents != 2 {
				t.Errorf("feed after the first poll: %+v", f)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the watcher never polled the feed (last state %+v, %v)", f, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	n, err := m.Store.CountDocuments(context.Background())
	if err != nil || n != 2 {
		t.Errorf("%d documents stored, %v; want the 2 articles", n, err)
	}
}
