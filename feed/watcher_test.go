package feed

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
)

// newsSite serves the fixtures as one news site would: feeds with ETags,
// article pages, a robots.txt, a feed that fails before recovering, and
// 404s for everything else. It counts requests per path.
type newsSite struct {
	*httptest.Server
	mu        sync.Mutex
	hits      map[string]int
	flakyLeft atomic.Int32 // 500s the flaky feed still gives
}

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	s := &newsSite{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve(t)))
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) serve(t *testing.T) func(w http.ResponseWriter, r *http.Request) {
	feeds := map[string]string{
		"/rss.xml": "rss2.xml", "/atom.xml": "atom.xml", "/feed.json": "feed.json",
		"/malformed.xml": "malformed.xml", "/flaky.xml": "rss2.xml",
	}
	pages := map[string]string{
		"/2022/03/16/taiz-market-shelling": "article-taiz-boilerplate.html",
		"/2022/03/15/marib-drone":          "article-marib-jsonld.html",
		"/reports/djibo-convoy":            "article-djibo.html",
		"/stories/rutshuru-clashes":        "article-rutshuru.html",
		"/syria/bab-al-hawa-closed":        "article-paywall-teaser.html",
	}
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		switch {
		case r.URL.Path == "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
		case r.URL.Path == "/mirror.xml":
			w.Write([]byte(mirrorFeed(s.URL)))
		case r.URL.Path == "/ledger.xml":
			w.Write([]byte(ledgerFeed(s.URL)))
		case r.URL.Path == "/flaky.xml" && s.flakyLeft.Load() > 0:
			s.flakyLeft.Add(-1)
			http.Error(w, "upstream timeout", http.StatusInternalServerError)
		case feeds[r.URL.Path] != "":
			const etag = `"feed-v1"`
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/xml")
			w.Write(fixture(t, feeds[r.URL.Path], s.URL))
		case pages[r.URL.Path] != "":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(fixture(t, pages[r.URL.Path], s.URL))
		default:
			http.NotFound(w, r)
		}
	}
}

func (s *newsSite) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// mirrorFeed is a second outlet's feed that carries the Taiz story under
// its own GUID and tracking parameters, and two items whose pages
// robots.txt forbids: one whose feed entry holds the full story and one
// with a teaser only.
func mirrorFeed(base string) string {
	full := strings.Repeat("Residents of Hodeidah said fishing boats had stayed in port for a third day after naval patrols fired warning shots near the harbour entrance. ", 4)
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>Gulf Aggregator</title>
<item><title>Four killed as shells hit Taiz market</title><guid>agg-1</guid>
<link>` + base + `/2022/03/16/taiz-market-shelling?utm_campaign=agg</link></item>
<item><title>Fishing boats stay in port in Hodeidah</title><guid>agg-2</guid>
<link>` + base + `/private/hodeidah-boats</link><pubDate>Thu, 17 Mar 2022 07:00:00 +0000</pubDate>
<description>` + full + `</description></item>
<item><title>Members-only briefing</title><guid>agg-3</guid>
<link>` + base + `/private/briefing</link><description>Read more inside.</description></item>
</channel></rss>`
}

// ledgerFeed is a subscriber feed that carries the full story in
// content:encoded while the public page shows only a teaser.
func ledgerFeed(base string) string {
	return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Levant Ledger</title>
<item><title>Border crossing at Bab al-Hawa closed after shelling</title><guid>ledger-5512</guid>
<link>` + base + `/syria/bab-al-hawa-closed</link>
<content:encoded><![CDATA[<p>Turkish authorities closed the Bab al-Hawa border crossing on Thursday after shells landed near the customs buildings on the Syrian side, a crossing official said.</p>
<p>Two aid workers were lightly wounded by shrapnel, according to a relief group that runs a warehouse near the crossing. Dozens of trucks carrying food and medicine were turned back.</p>
<p>The crossing is the main route for United Nations aid into north-west Syria, where more than four million people live, many of them in tents.</p>
<p>It was not clear who fired the shells. Government forces and armed opposition groups have exchanged artillery fire along the nearby front line for several weeks.</p>]]></content:encoded>
</item></channel></rss>`
}

// testWatcher returns a watcher over feeds and docs with a fresh client, as
// a newly started process would have.
func testWatcher(feeds *memFeeds, docs *memDocs, now *time.Time) *Watcher {
	return &Watcher{
		Client:    newTestClient(),
		Feeds:     feeds,
		Documents: docs,
		Interval:  15 * time.Minute,
		Now:       func() time.Time { return *now },
		Rand:      func() float64 { return 0.5 },
	}
}

func resultFor(t *testing.T, rs []Result, u string) Result {
	t.Helper()
	for _, r := range rs {
		if r.URL == u {
			return r
		}
	}
	t.Fatalf("no result for %s in %+v", u, rs)
	return Result{}
}

func TestWatcherRoundIngestsEveryFeedKindAndRecordsBrokenFeed(t *testing.T) {
	site := newNewsSite(t)
	feeds, docs := newMemFeeds(), newMemDocs()
	now := time.Date(2022, 3, 17, 12, 0, 0, 0, time.UTC)
	w := testWatcher(feeds, docs, &now)
	srcs := []Source{
		{URL: site.URL + "/malformed.xml"}, // first: its failure must not stop the rest
		{URL: site.URL + "/rss.xml"},
		{URL: site.URL + "/atom.xml"},
		{URL: site.URL + "/feed.json"},
	}
	rs := w.Round(context.Background(), srcs, false)
	if len(rs) != 4 {
		t.Fatalf("got %d results, want 4", len(rs))
	}

	t.Run("malformed feed: error recorded on the feed, backoff scheduled", func(t *testing.T) {
		r := resultFor(t, rs, site.URL+"/malformed.xml")
		if r.Err == nil {
			t.Fatal("no error")
		}
		f, err := feeds.FindFeedByURL(context.Background(), site.URL+"/malformed.xml")
		if err != nil {
			t.Fatal(err)
		}
		if f.Errors != 1 || f.LastStatus != 200 || !strings.Contains(f.LastError, "parse feed") {
			t.Errorf("feed state = %+v, want 1 error, status 200, a parse error", f)
		}
		if got, want := f.NextFetch.Sub(now), Backoff(1, 0.5); got != want {
			t.Errorf("next fetch in %v, want %v", got, want)
		}
	})

	t.Run("each good feed's items are counted", func(t *testing.T) {
		for _, c := range []struct {
			path                     string
			items, ingested, skipped int
		}{
			{"/rss.xml", 3, 2, 1},   // Aden page is a 404 and the feed text is a teaser
			{"/atom.xml", 2, 1, 1},  // Ménaka page missing
			{"/feed.json", 2, 1, 1}, // Goma page missing
		} {
			r := resultFor(t, rs, site.URL+c.path)
			if r.Err != nil || r.Items != c.items || r.New != c.items || r.Ingested != c.ingested || r.Skipped != c.skipped || r.Retry != 0 {
				t.Errorf("%s: %+v, want items=new=%d ingested=%d skipped=%d", c.path, r, c.items, c.ingested, c.skipped)
			}
			f, _ := feeds.FindFeedByURL(context.Background(), site.URL+c.path)
			if f.Errors != 0 || f.LastError != "" || f.ItemsSeen != c.items || f.Documents != c.ingested || f.ETag == "" {
				t.Errorf("%s: feed state %+v", c.path, f)
			}
		}
	})

	t.Run("documents carry page metadata, falling back to the feed", func(t *testing.T) {
		tests := []struct {
			suffix, title, source, published string
		}{
			{"/2022/03/16/taiz-market-shelling", "Shelling kills four in Taiz market, officials say", "Frontline Wire", "2022-03-16T09:40:00Z"},
			{"/2022/03/15/marib-drone", "Drone strike reported near Marib dam", "Frontline Wire – Middle East", "2022-03-15T21:12:00+03:00"},
			{"/reports/djibo-convoy", "Gunmen attack convoy near Djibo and burn two trucks", "Sahel Monitor", "2022-02-07T18:20:00Z"},
			{"/stories/rutshuru-clashes", "Clashes displace villagers in Rutshuru territory", "Kivu Dispatch", "2022-02-11T05:45:00Z"},
		}
		for _, tt := range tests {
			d := docs.byURLSuffix(tt.suffix)
			if d == nil {
				t.Errorf("no document for %s", tt.suffix)
				continue
			}
			if d.ID != DocumentID(d.URL) || d.Title != tt.title || d.Source != tt.source || normUTC(d.Published, tt.published) != tt.published {
				t.Errorf("%s: id=%s title=%q source=%q published=%q, want title=%q source=%q published=%q",
					tt.suffix, d.ID, d.Title, d.Source, d.Published, tt.title, tt.source, tt.published)
			}
		}
		if d := docs.byURLSuffix("/2022/03/16/taiz-market-shelling"); d != nil && strings.Contains(d.Text, "QuickInvest") {
			t.Errorf("advert reached the document text")
		}
	})
}

func TestWatcherRestartDoesNotReingest(t *testing.T) {
	site := newNewsSite(t)
	feeds, docs := newMemFeeds(), newMemDocs()
	now := time.Date(2022, 3, 17, 12, 0, 0, 0, time.UTC)
	srcs := []Source{{URL: site.URL + "/rss.xml"}, {URL: site.URL + "/feed.json"}}

	testWatcher(feeds, docs, &now).Round(context.Background(), srcs, false)
	ingests, pageHits := docs.ingests, site.hitsOf("/2022/03/16/taiz-market-shelling")
	if ingests == 0 || pageHits != 1 {
		t.Fatalf("first run: %d ingests, %d page hits", ingests, pageHits)
	}

	t.Run("304: nothing fetched or ingested", func(t *testing.T) {
		now = now.Add(time.Hour)
		rs := testWatcher(feeds, docs, &now).Round(context.Background(), srcs, false)
		for _, r := range rs {
			if r.Status != http.StatusNotModified || r.New != 0 {
				t.Errorf("%s: %+v, want a 304 with nothing new", r.URL, r)
			}
		}
		if docs.ingests != ingests || site.hitsOf("/2022/03/16/taiz-market-shelling") != 1 {
			t.Errorf("restart re-ingested: %d ingests (was %d)", docs.ingests, ingests)
		}
	})

	t.Run("full feed again: seen items are not fetched again", func(t *testing.T) {
		for _, s := range srcs { // as if the server had lost its ETag
			f, _ := feeds.FindFeedByURL(context.Background(), s.URL)
			f.ETag, f.LastModified = "", ""
			feeds.UpsertFeed(context.Background(), f)
		}
		now = now.Add(time.Hour)
		rs := testWatcher(feeds, docs, &now).Round(context.Background(), srcs, true)
		for _, r := range rs {
			if r.Status != http.StatusOK || r.Items == 0 || r.New != 0 {
				t.Errorf("%s: %+v, want the full feed with nothing new", r.URL, r)
			}
		}
		if docs.ingests != ingests || site.hitsOf("/2022/03/16/taiz-market-shelling") != 1 || site.hitsOf("/2022/03/14/aden-fuel-protest") != 1 {
			t.Errorf("restart re-fetched: %d ingests (was %d), taiz hits %d, aden hits %d", docs.ingests, ingests,
				site.hitsOf("/2022/03/16/taiz-market-shelling"), site.hitsOf("/2022/03/14/aden-fuel-protest"))
		}
	})
}

func TestWatcherServerErrorThenRecovery(t *testing.T) {
	site := newNewsSite(t)
	site.flakyLeft.Store(2)
	feeds, docs := newMemFeeds(), newMemDocs()
	now := time.Date(2022, 3, 17, 12, 0, 0, 0, time.UTC)
	w := testWatcher(feeds, docs, &now)
	srcs := []Source{{URL: site.URL + "/flaky.xml"}}
	state := func() *sitrep.Feed {
		f, err := feeds.FindFeedByURL(context.Background(), srcs[0].URL)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}

	w.Round(context.Background(), srcs, false)
	if f := state(); f.Errors != 1 || f.LastStatus != 500 || !strings.Contains(f.LastError, "500") || f.NextFetch.Sub(now) != Backoff(1, 0.5) {
		t.Fatalf("after a 500: %+v", f)
	}
	if rs := w.Round(context.Background(), srcs, false); len(rs) != 0 {
		t.Errorf("polled during backoff: %+v", rs)
	}
	now = state().NextFetch
	w.Round(context.Background(), srcs, false)
	if f := state(); f.Errors != 2 || f.NextFetch.Sub(now) != Backoff(2, 0.5) {
		t.Fatalf("after a second 500: errors=%d next in %v, want 2 and %v", f.Errors, f.NextFetch.Sub(now), Backoff(2, 0.5))
	}
	now = state().NextFetch
	rs := w.Round(context.Background(), srcs, false)
	f := state()
	if len(rs) != 1 || rs[0].Err != nil || f.Errors != 0 || f.LastError != "" || f.LastStatus != 200 || f.Documents != 2 {
		t.Errorf("after recovery: result %+v, state %+v", rs, f)
	}
	if got, want := f.NextFetch.Sub(now), 15*time.Minute; got != want {
		t.Errorf("next fetch in %v after recovery, want the interval %v", got, want)
	}
}

func TestWatcherSameStoryFromTwoFeedsIsOneDocumentWithTwoSources(t *testing.T) {
	site := newNewsSite(t)
	feeds, docs := newMemFeeds(), newMemDocs()
	now := time.Date(2022, 3, 17, 12, 0, 0, 0, time.UTC)
	w := testWatcher(feeds, docs, &now)
	w.Parallel = 1 // the rss feed first, so the mirror finds the story stored
	rs := w.Round(context.Background(), []Source{{URL: site.URL + "/rss.xml"}, {URL: site.URL + "/mirror.xml"}}, false)

	mirror := resultFor(t, rs, site.URL+"/mirror.xml")
	if mirror.Duplicates != 1 || mirror.Ingested != 1 || mirror.Skipped != 1 {
		t.Errorf("mirror: %+v, want 1 duplicate, 1 ingested from feed text, 1 skipped", mirror)
	}
	taiz := docs.byURLSuffix("/2022/03/16/taiz-market-shelling")
	if taiz == nil {
		t.Fatal("no Taiz document")
	}
	if n := site.hitsOf("/2022/03/16/taiz-market-shelling"); n != 1 {
		t.Errorf("Taiz page fetched %d times, want once", n)
	}
	sources, _ := feeds.FindFeedItemsByDocument(context.Background(), taiz.ID)
	if len(sources) != 2 || sources[0].FeedURL == sources[1].FeedURL {
		t.Errorf("Taiz document has sources %+v, want one item in each feed", sources)
	}

	t.Run("robots.txt: forbidden pages are not fetched", func(t *testing.T) {
		if n := site.hitsOf("/private/hodeidah-boats") + site.hitsOf("/private/briefing"); n != 0 {
			t.Errorf("fetched a disallowed page %d times", n)
		}
		d := docs.byURLSuffix("/private/hodeidah-boats")
		if d == nil || !strings.Contains(d.Text, "naval patrols fired warning shots") || d.Published != "2022-03-17T07:00:00Z" {
			t.Errorf("full-text item not ingested from the feed: %+v", d)
		}
		it, err := feeds.FindFeedItem(context.Background(), site.URL+"/mirror.xml", "agg-3")
		if err != nil || it.Status != sitrep.FeedItemSkipped || !strings.Contains(it.Error, "robots.txt") {
			t.Errorf("teaser item: %+v, %v; want skipped for robots.txt", it, err)
		}
	})
}

func TestWatcherPrefersFullFeedTextOverPaywallTeaser(t *testing.T) {
	site := newNewsSite(t)
	feeds, docs := newMemFeeds(), newMemDocs()
	now := time.Date(2022, 3, 18, 12, 0, 0, 0, time.UTC)
	testWatcher(feeds, docs, &now).Round(context.Background(), []Source{{URL: site.URL + "/ledger.xml"}}, false)
	d := docs.byURLSuffix("/syria/bab-al-hawa-closed")
	if d == nil {
		t.Fatal("no document")
	}
	for _, want := range []string{"Turkish authorities closed the Bab al-Hawa border crossing", "Two aid workers were lightly wounded by shrapnel"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
	if strings.Contains(d.Text, "Subscribe") {
		t.Errorf("paywall prompt in the text:\n%s", d.Text)
	}
	if d.Published != "2022-03-18T06:30:00Z" || d.Source != "The Levant Ledger" {
		t.Errorf("page metadata lost: published %q source %q", d.Published, d.Source)
	}
}

func TestWatcherHonoursRetryAfter(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Retry-After", "7200")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	}))
	defer srv.Close()
	feeds := newMemFeeds()
	now := time.Date(2022, 3, 17, 12, 0, 0, 0, time.UTC)
	rs := testWatcher(feeds, newMemDocs(), &now).Round(context.Background(), []Source{{URL: srv.URL + "/rss"}}, false)
	f, err := feeds.FindFeedByURL(context.Background(), srv.URL+"/rss")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || f.LastStatus != 429 || f.Errors != 1 || f.NextFetch.Sub(now) != 2*time.Hour {
		t.Errorf("after a 429 with Retry-After 7200: status %d errors %d next in %v, want 429, 1, 2h0m0s",
			f.LastStatus, f.Errors, f.NextFetch.Sub(now))
	}
}

func TestWatcherRetriesFailingPagesThenGivesUp(t *testing.T) {
	var flakyLeft atomic.Int32
	flakyLeft.Store(1)
	page := fixture(t, "article-djibo.html", "")
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/rss":
			w.Write([]byte(`<rss version="2.0"><channel><title>Sahel Monitor</title>
<item><guid>flaky</guid><title>Convoy attacked near Djibo</title><link>` + srv.URL + `/flaky-page</link></item>
<item><guid>dead</guid><title>Markets reopen in Dori</title><link>` + srv.URL + `/dead-page</link></item>
</channel></rss>`))
		case "/flaky-page":
			if flakyLeft.Add(-1) >= 0 {
				http.Error(w, "busy", http.StatusBadGateway)
				return
			}
			w.Write(page)
		default:
			http.Error(w, "down", http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	feeds, docs := newMemFeeds(), newMemDocs()
	now := time.Date(2022, 2, 8, 9, 0, 0, 0, time.UTC)
	srcs := []Source{{URL: srv.URL + "/rss"}}
	item := func(key string) *sitrep.FeedItem {
		it, err := feeds.FindFeedItem(context.Background(), srcs[0].URL, key)
		if err != nil {
			t.Fatal(err)
		}
		return it
	}

	r := testWatcher(feeds, docs, &now).Round(context.Background(), srcs, true)[0]
	if r.New != 2 || r.Retry != 2 || r.Ingested != 0 {
		t.Fatalf("first poll: %+v, want 2 new items both to retry", r)
	}
	if it := item("flaky"); it.Status != sitrep.FeedItemRetry || it.Attempts != 1 || !strings.Contains(it.Error, "502") {
		t.Errorf("flaky item after a 502: %+v", it)
	}
	if f, _ := feeds.FindFeedByURL(context.Background(), srcs[0].URL); f.Health() != sitrep.FeedDegraded || f.ETag != "" {
		t.Errorf("feed with items to retry: health %s, etag %q; want degraded and no validators", f.Health(), f.ETag)
	}

	r = testWatcher(feeds, docs, &now).Round(context.Background(), srcs, true)[0]
	if r.New != 0 || r.Ingested != 1 || r.Retry != 1 {
		t.Errorf("second poll: %+v, want the flaky page ingested, the dead one still to retry", r)
	}
	for i := 3; i <= maxItemAttempts; i++ {
		testWatcher(feeds, docs, &now).Round(context.Background(), srcs, true)
	}
	if it := item("dead"); it.Status != sitrep.FeedItemSkipped || !strings.Contains(it.Error, "gave up after 5 attempts") {
		t.Errorf("dead item after %d polls: %+v", maxItemAttempts, it)
	}
	f, _ := feeds.FindFeedByURL(context.Background(), srcs[0].URL)
	if f.ItemsSeen != 2 || f.Documents != 1 || f.Health() != sitrep.FeedOK {
		t.Errorf("feed: items %d documents %d health %s, want 2, 1, ok", f.ItemsSeen, f.Documents, f.Health())
	}
}

func TestWatcherMissingFeedWaitsAFullInterval(t *testing.T) {
	site := newNewsSite(t)
	feeds := newMemFeeds()
	now := time.Date(2022, 3, 17, 12, 0, 0, 0, time.UTC)
	testWatcher(feeds, newMemDocs(), &now).Round(context.Background(), []Source{{URL: site.URL + "/gone.xml"}}, false)
	f, err := feeds.FindFeedByURL(context.Background(), site.URL+"/gone.xml")
	if err != nil {
		t.Fatal(err)
	}
	if f.LastStatus != 404 || f.NextFetch.Sub(now) != 15*time.Minute {
		t.Errorf("404 feed: status %d, next in %v; want 404 and the 15m interval, not a 1-minute retry", f.LastStatus, f.NextFetch.Sub(now))
	}
	if want := "fetch: HTTP 404 Not Found"; f.LastError != want {
		t.Errorf("LastError = %q, want %q (the feed's URL is already on the record)", f.LastError, want)
	}
}
