package worker_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/feed"
	"github.com/sitrep/sitrep/worker"
)

// newsSite serves worker/testdata: a feed listing two articles, the two
// articles, and 404 for anything else. It counts requests by path.
type newsSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	s := &newsSite{hits: map[string]int{}}
	files := map[string]string{
		"/feed.xml":                  "rss-two-items.xml",
		"/2022/02/djibo-market.html": "article-djibo-market.html",
		"/2022/02/gao-protest.html":  "article-gao-protest.html",
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		name, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Error(err)
			return
		}
		if strings.HasSuffix(name, ".xml") {
			w.Header().Set("Content-Type", "application/rss+xml")
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		_, _ = w.Write([]byte(strings.ReplaceAll(string(b), "{{base}}", s.URL)))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// startFeedWorker runs a worker client that polls feeds and fetches pages.
func (db *testDB) startFeedWorker(t *testing.T, feeds []feed.Source) {
	t.Helper()
	ing := worker.NewIngester(db.Store, db.queue)
	env := &worker.Env{
		Pool: db.Pool, Store: db.Store, Ingester: ing, Pages: feed.NewClient(0),
		Watcher: &feed.Watcher{Client: feed.NewClient(0), Feeds: db.FeedService(), Documents: ing, Interval: time.Hour},
	}
	c, err := worker.New(env, worker.Options{Concurrency: 2, PollInterval: 50 * time.Millisecond, Feeds: feeds, FeedInterval: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = c.StopAndCancel(ctx)
	})
}

func TestFeedPolledOncePerPeriodAcrossWorkers(t *testing.T) {
	db := openTestDB(t)
	site := newNewsSite(t)
	feeds := []feed.Source{{URL: site.URL + "/feed.xml", Title: "Sahel desk"}}
	// Two worker processes given the same feed list, as a deployment
	// would start them: the feed must be polled once, not twice.
	db.startFeedWorker(t, feeds)
	db.startFeedWorker(t, feeds)
	waitFor(t, 30*time.Second, "both articles extracted", func() bool {
		n := eventsPerDoc(t, db.Pool)
		return len(n) == 2 && idle(t, db.Pool)
	})
	time.Sleep(500 * time.Millisecond) // let a second scheduler's run-on-start show up if it could

	if got, want := site.hitsOf("/feed.xml"), 1; got != want {
		t.Errorf("feed fetched %d times, want %d", got, want)
	}
	for _, p := range []string{"/2022/02/djibo-market.html", "/2022/02/gao-protest.html"} {
		if got, want := site.hitsOf(p), 1; got != want {
			t.Errorf("%s fetched %d times, want %d", p, got, want)
		}
	}
	counts := jobCounts(t, db.Pool)
	if got, want := counts["fetch_feed/completed"], 1; got != want {
		t.Errorf("fetch_feed jobs = %d, want %d (%v)", got, want, counts)
	}
	if got, want := counts["extract_document/completed"], 2; got != want {
		t.Errorf("extract jobs = %d, want %d (%v)", got, want, counts)
	}
	for id, n := range eventsPerDoc(t, db.Pool) {
		if v := docVersion(t, db.Pool, id); v != "v1" || n == 0 {
			t.Errorf("%s: version %q, %d events; want v1 with events", id, v, n)
		}
	}
	f, err := db.FeedService().FindFeedByURL(context.Background(), feeds[0].URL)
	if err != nil {
		t.Fatal(err)
	}
	if f.LastStatus != 200 || f.Documents != 2 {
		t.Errorf("feed state: status %d, %d documents; want 200 and 2", f.LastStatus, f.Documents)
	}
}

func TestFetchPage(t *testing.T) {
	db := openTestDB(t)
	site := newNewsSite(t)
	ctx := context.Background()
	good, gone := site.URL+"/2022/02/gao-protest.html", site.URL+"/2022/02/deleted.html"
	if err := db.queue.EnqueueFetchPage(ctx, good, gone); err != nil {
		t.Fatal(err)
	}
	db.startFeedWorker(t, nil)
	waitFor(t, 30*time.Second, "an idle queue", func() bool { return idle(t, db.Pool) && len(eventsPerDoc(t, db.Pool)) == 1 })

	t.Run("the article is stored and extracted", func(t *testing.T) {
		for id, n := range eventsPerDoc(t, db.Pool) {
			d, err := db.Store.FindDocumentByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Text, "blocked the main road through Gao") || n == 0 {
				t.Errorf("document %s: %d events, text %.60q", id, n, d.Text)
			}
		}
	})
	t.Run("a page that is gone fails for good, with its error shown", func(t *testing.T) {
		if got := site.hitsOf("/2022/02/deleted.html"); got != 1 {
			t.Errorf("missing page fetched %d times, want 1 (no retries of a 404)", got)
		}
		st, err := (&worker.Jobs{Pool: db.Pool, Client: db.queue.Client}).JobStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.RecentFailures) != 1 {
			t.Fatalf("recent failures = %+v, want the 404", st.RecentFailures)
		}
		f := st.RecentFailures[0]
		if f.Kind != worker.KindFetchPage || f.State != sitrep.JobCancelled || !strings.Contains(f.Error, "404") {
			t.Errorf("failure = %+v, want a cancelled fetch_page mentioning 404", f)
		}
	})
}

func TestScheduleFeedsOncePerPeriod(t *testing.T) {
	db := openTestDB(t)
	feeds := []feed.Source{{URL: "https://a.example/rss"}, {URL: "https://b.example/atom.xml"}}
	ctx := context.Background()
	t.Run("the first scheduler queues every feed", func(t *testing.T) {
		n, err := db.queue.ScheduleFeeds(ctx, feeds, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("queued %d polls, want 2", n)
		}
	})
	t.Run("schedulers running at once queue nothing more in the period", func(t *testing.T) {
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
				defer cancel()
				if err := worker.ScheduleFeeds(sctx, db.queue, feeds, time.Hour, 50*time.Millisecond); err != context.DeadlineExceeded {
					t.Errorf("ScheduleFeeds = %v, want the deadline", err)
				}
			}()
		}
		wg.Wait()
		if got, want := jobCounts(t, db.Pool)["fetch_feed/available"], 2; got != want {
			t.Errorf("fetch_feed jobs = %d, want %d", got, want)
		}
	})
	t.Run("a new feed is queued at once", func(t *testing.T) {
		n, err := db.queue.ScheduleFeeds(ctx, append(feeds, feed.Source{URL: "https://c.example/feed.json"}), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("queued %d polls, want 1", n)
		}
	})
}

func TestFetchWaitsForExtractionBacklog(t *testing.T) {
	db := openTestDB(t)
	site := newNewsSite(t)
	ctx := context.Background()
	page := site.URL + "/2022/02/djibo-market.html"
	// The fetch is queued first, so it runs first and finds five
	// documents waiting for extraction: more than the limit of two.
	if err := db.queue.EnqueueFetchPage(ctx, page); err != nil {
		t.Fatal(err)
	}
	ing := worker.NewIngester(db.Store, db.queue)
	for i, town := range []string{"Gao", "Menaka", "Kidal", "Timbuktu", "Mopti"} {
		if _, err := ing.IngestDocument(ctx, report(fmt.Sprintf("backlog-%d", i), town)); err != nil {
			t.Fatal(err)
		}
	}
	db.x.delay = 50 * time.Millisecond
	env := &worker.Env{Pool: db.Pool, Store: db.Store, Ingester: ing, Pages: feed.NewClient(0),
		MaxBacklog: 2, BacklogWait: 200 * time.Millisecond}
	c, err := worker.New(env, worker.Options{Concurrency: 1, PollInterval: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer c.StopAndCancel(ctx) //nolint:errcheck
	waitFor(t, 30*time.Second, "the page and every report extracted", func() bool {
		return idle(t, db.Pool) && len(eventsPerDoc(t, db.Pool)) == 6
	})

	var snoozes, attempt int
	var state string
	err = db.Pool.QueryRow(ctx, `SELECT state::text, attempt, COALESCE((metadata->>'snoozes')::int, 0)
		FROM river_job WHERE kind = 'fetch_page'`).Scan(&state, &attempt, &snoozes)
	if err != nil {
		t.Fatal(err)
	}
	if state != sitrep.JobCompleted || snoozes == 0 {
		t.Errorf("fetch_page: state %s after %d snoozes, want completed after waiting at least once", state, snoozes)
	}
	if got := site.hitsOf("/2022/02/djibo-market.html"); got != 1 {
		t.Errorf("page fetched %d times, want 1: a waiting fetch must not fetch", got)
	}
}

func TestFetchFeedPollsHealthyFeedsEveryPeriod(t *testing.T) {
	tests := []struct {
		name      string
		nextFetch time.Duration // from now; the scheduling interval is an hour
		polls     int
	}{
		{"polled an interval ago, a few seconds later than the job", 30 * time.Second, 1},
		{"due for a while", -time.Minute, 1},
		{"backing off after failures", 40 * time.Minute, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTestDB(t)
			site := newNewsSite(t)
			ctx := context.Background()
			u := site.URL + "/feed.xml"
			if err := db.FeedService().UpsertFeed(ctx, &sitrep.Feed{URL: u, LastFetch: time.Now().Add(-time.Hour), NextFetch: time.Now().Add(tt.nextFetch)}); err != nil {
				t.Fatal(err)
			}
			if _, err := db.queue.Client.Insert(ctx, worker.FetchFeedArgs{URL: u}, nil); err != nil {
				t.Fatal(err)
			}
			db.startFeedWorker(t, nil)
			waitFor(t, 20*time.Second, "an idle queue", func() bool { return idle(t, db.Pool) })
			if got := site.hitsOf("/feed.xml"); got != tt.polls {
				t.Errorf("feed fetched %d times, want %d", got, tt.polls)
			}
		})
	}
}
