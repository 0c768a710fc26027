package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// newTestClient returns a client without per-host delay, for fast tests.
func newTestClient() *Client { return NewClient(0) }

func TestClientGzipPageIsDecodedOnce(t *testing.T) {
	page := fixture(t, "article-marib-jsonld.html", "")
	var sawGzip atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("Accept-Encoding = %q, want gzip offered", r.Header.Get("Accept-Encoding"))
		}
		sawGzip.Store(true)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(page)
		zw.Close()
	}))
	defer srv.Close()

	a, err := newTestClient().FetchArticle(context.Background(), srv.URL+"/marib")
	if err != nil {
		t.Fatal(err)
	}
	if !sawGzip.Load() {
		t.Fatal("server never answered")
	}
	if want := "A drone struck a military checkpoint near the Marib dam"; !strings.Contains(a.Text, want) {
		t.Errorf("text lacks %q:\n%s", want, a.Text)
	}
}

func TestClientConditionalGet(t *testing.T) {
	const etag = `"v42"`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Wed, 16 Mar 2022 18:05:00 GMT")
		w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()
	c := newTestClient()
	c.Robots = nil

	first, err := c.Get(context.Background(), srv.URL+"/rss", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	if first.ETag != etag || first.LastModified == "" || string(first.Body) != "<rss/>" {
		t.Fatalf("first fetch = %+v", first)
	}
	second, err := c.Get(context.Background(), srv.URL+"/rss", Conditional{ETag: first.ETag, LastModified: first.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if second.StatusCode != http.StatusNotModified || second.Body != nil {
		t.Errorf("second fetch = status %d body %q, want 304 and no body", second.StatusCode, second.Body)
	}
}

func TestClientRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/a", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/private/x", http.StatusFound) })
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("User-agent: *\nDisallow: /private/\n")) })
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) { t.Errorf("followed a redirect into /private/") })
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/chain/"))
		if err != nil || n == 0 {
			w.Write([]byte("arrived"))
			return
		}
		http.Redirect(w, r, "/chain/"+strconv.Itoa(n-1), http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newTestClient()

	t.Run("a redirect into a path robots.txt forbids is not followed", func(t *testing.T) {
		_, err := c.Get(context.Background(), srv.URL+"/to-private", Conditional{})
		if !errors.Is(err, ErrDisallowed) {
			t.Errorf("err = %v, want ErrDisallowed", err)
		}
	})

	tests := []struct {
		name    string
		path    string
		wantErr string
	}{
		{"a redirect loop is detected", "/loop/a", "redirect loop"},
		{"five redirects are followed", "/chain/5", ""},
		{"a sixth redirect is refused", "/chain/6", "more than 5 redirects"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Get(context.Background(), srv.URL+tt.path, Conditional{})
			if tt.wantErr == "" {
				if err != nil || string(resp.Body) != "arrived" {
					t.Fatalf("got %v, %v", resp, err)
				}
				return
			}
			if err == nil || !errors.Is(err, ErrRedirect) || !strings.Contains(err.Error(), strings.TrimPrefix(tt.wantErr, "redirect ")) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if Temporary(err) {
				t.Errorf("a redirect error was classed temporary")
			}
		})
	}
}

func TestClientRejects50MBBodyWithoutBufferingIt(t *testing.T) {
	const size = 50 << 20
	var sent atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		// No Content-Length: the client must find out by reading.
		chunk := []byte(strings.Repeat("<p>filler paragraph text</p>\n", 1024))
		for sent.Load() < size {
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	c := newTestClient()
	c.Robots = nil

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := c.Get(context.Background(), srv.URL+"/huge", Conditional{})
	runtime.ReadMemStats(&after)

	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if !strings.Contains(err.Error(), srv.URL+"/huge") || !strings.Contains(err.Error(), "10485760") {
		t.Errorf("error %q should name the URL and the limit", err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("a 50 MB body over the 10 MB limit: %.1f MB allocated, %d MB sent before the client hung up", float64(alloc)/(1<<20), sent.Load()>>20)
	if alloc > 20<<20 {
		t.Errorf("allocated %d MB reading a body over the limit, want well under the 50 MB body", alloc>>20)
	}
}

func TestClientRejectsDeclaredOversizeBodyUpFront(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "52428800")
		w.Write([]byte("<html>"))
	}))
	defer srv.Close()
	c := newTestClient()
	c.Robots = nil
	_, err := c.Get(context.Background(), srv.URL, Conditional{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "Content-Length 52428800") {
		t.Errorf("err = %v, want ErrTooLarge naming the Content-Length", err)
	}
}

func TestClientRobotsAndUserAgent(t *testing.T) {
	var robotsHits atomic.Int32
	var uas sync.Map
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		uas.Store(r.UserAgent(), true)
		switch r.URL.Path {
		case "/robots.txt":
			robotsHits.Add(1)
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
		default:
			w.Write([]byte("ok"))
		}
	}))
	defer srv.Close()
	c := newTestClient()

	if _, err := c.Get(context.Background(), srv.URL+"/public/story", Conditional{}); err != nil {
		t.Fatalf("allowed path: %v", err)
	}
	_, err := c.Get(context.Background(), srv.URL+"/private/story", Conditional{})
	if !errors.Is(err, ErrDisallowed) {
		t.Fatalf("err = %v, want ErrDisallowed", err)
	}
	if Temporary(err) {
		t.Error("a robots.txt disallow was classed temporary")
	}
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1 (cached)", n)
	}
	uas.Range(func(k, _ any) bool {
		if ua := k.(string); !strings.HasPrefix(ua, "sitrep/") || !strings.Contains(ua, "+https://github.com/sitrep/sitrep") {
			t.Errorf("User-Agent = %q", ua)
		}
		return true
	})
}

func TestClientRobotsServerErrorBlocksTheSiteForNow(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		t.Errorf("page %s fetched although robots.txt was unreadable", r.URL.Path)
	}))
	defer srv.Close()
	_, err := newTestClient().Get(context.Background(), srv.URL+"/story", Conditional{})
	if !errors.Is(err, ErrRobotsUnreadable) || !Temporary(err) {
		t.Errorf("err = %v, want a temporary ErrRobotsUnreadable", err)
	}
}

func TestHostLimiterOneRequestAtATimeWithDelay(t *testing.T) {
	const delay = 40 * time.Millisecond
	var inFlight, maxInFlight atomic.Int32
	var starts []time.Time
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := NewClient(delay)
	c.Robots = nil

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), srv.URL+"/p"+strconv.Itoa(i), Conditional{}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if m := maxInFlight.Load(); m != 1 {
		t.Errorf("%d requests ran at once against one host, want 1", m)
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < delay {
			t.Errorf("request %d started %v after the previous, want ≥ %v", i, gap, delay)
		}
	}
}

func TestClientObeysCrawlDelay(t *testing.T) {
	var mu sync.Mutex
	var pageTimes []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: sitrep\nCrawl-delay: 0.08\n"))
			return
		}
		mu.Lock()
		pageTimes = append(pageTimes, time.Now())
		mu.Unlock()
	}))
	defer srv.Close()
	c := newTestClient() // no delay of its own
	for i := 0; i < 3; i++ {
		if _, err := c.Get(context.Background(), srv.URL+"/p"+strconv.Itoa(i), Conditional{}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i < len(pageTimes); i++ {
		if gap := pageTimes[i].Sub(pageTimes[i-1]); gap < 80*time.Millisecond {
			t.Errorf("page %d fetched %v after the previous, want ≥ the 80ms Crawl-delay", i, gap)
		}
	}
}

func TestFetchArticleRefusesNonHTML(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7 report on displacement in Marib"))
	}))
	defer srv.Close()
	_, err := newTestClient().FetchArticle(context.Background(), srv.URL+"/report.pdf")
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "application/pdf") || Temporary(err) {
		t.Errorf("err = %v, want a permanent ErrUnsupported naming the type", err)
	}
}

func TestFetchArticlePlainText(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("Curfew extended in Ménaka\r\n\r\nAuthorities in Ménaka extended a night curfew by two weeks after gunmen attacked a market.\r\n"))
	}))
	defer srv.Close()
	a, err := newTestClient().FetchArticle(context.Background(), srv.URL+"/menaka.txt")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Curfew extended in Ménaka\n\nAuthorities in Ménaka extended a night curfew by two weeks after gunmen attacked a market."; a.Text != want {
		t.Errorf("text = %q, want %q", a.Text, want)
	}
}

func TestReadLimited(t *testing.T) {
	const max = 3*readChunk + 10
	tests := []struct {
		name     string
		size     int64 // body length
		declared int64 // Content-Length, -1 unknown
		wantErr  bool
	}{
		{"empty body", 0, -1, false},
		{"short body, length unknown", 1234, -1, false},
		{"exactly one chunk", readChunk, -1, false},
		{"exactly the limit", max, -1, false},
		{"one byte over the limit", max + 1, -1, true},
		{"declared length within the limit", 5000, 5000, false},
		{"declared length but the body ends early", 4000, 5000, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := bytes.Repeat([]byte("x"), int(tt.size))
			got, err := readLimited(bytes.NewReader(body), max, tt.declared)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("read %d bytes, want an error", len(got))
				}
				return
			}
			if err != nil || !bytes.Equal(got, body) {
				t.Fatalf("got %d bytes, %v; want the %d-byte body", len(got), err, tt.size)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2022, 3, 17, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"120", 2 * time.Minute},
		{"Thu, 17 Mar 2022 12:30:00 GMT", 30 * time.Minute},
		{"Thu, 17 Mar 2022 11:00:00 GMT", 0}, // already past
		{"999999999", 24 * time.Hour},        // capped
		{"99999999999999999", 24 * time.Hour},
		{"soon", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestClientTimeoutIsTemporary(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	c := newTestClient()
	c.Robots = nil
	c.HTTP.Timeout = 100 * time.Millisecond
	start := time.Now()
	_, err := c.Get(context.Background(), srv.URL+"/slow-feed", Conditional{})
	if err == nil || !Temporary(err) || !strings.Contains(err.Error(), srv.URL+"/slow-feed") {
		t.Errorf("err = %v, want a temporary error naming the URL", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v, want about the 100ms timeout", d)
	}
}

func TestFetchArticleSniffsPagesServedAsBytes(t *testing.T) {
	page := fixture(t, "article-marib-jsonld.html", "")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(page)
	}))
	defer srv.Close()
	a, err := newTestClient().FetchArticle(context.Background(), srv.URL+"/marib")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "A drone struck a military checkpoint") {
		t.Errorf("text = %q", a.Text)
	}
}
