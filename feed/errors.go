package feed

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Error is an ingest failure that says where it happened, so a user reading
// "feeds.txt:3: …" or "https://example.org/rss: …" knows which input to fix
// and that the rest of the input was still processed.
type Error struct {
	Op   string // what was being done: "fetch", "parse feed", "read list", …
	URL  string // the feed or page URL, when there is one
	Path string // the list file, when the error is in one
	Line int    // 1-based line in Path, 0 when unknown
	Err  error
	Hint string // what the user can do about it, "" when nothing obvious
}

// Error implements the error interface.
func (e *Error) Error() string {
	var b strings.Builder
	switch {
	case e.Path != "" && e.Line > 0:
		fmt.Fprintf(&b, "%s:%d: ", e.Path, e.Line)
	case e.Path != "":
		fmt.Fprintf(&b, "%s: ", e.Path)
	}
	if e.URL != "" {
		fmt.Fprintf(&b, "%s: ", e.URL)
	}
	if e.Op != "" {
		fmt.Fprintf(&b, "%s: ", e.Op)
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	if e.Hint != "" {
		fmt.Fprintf(&b, " (try: %s)", e.Hint)
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// StatusError is an HTTP response that was not a success.
type StatusError struct {
	StatusCode int
	Status     string
	RetryAfter time.Duration // from a Retry-After header; 0 when absent
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// Temporary reports whether retrying later may succeed: server errors,
// 408 and 429 are temporary; 404, 410 and other client errors are not.
func (e *StatusError) Temporary() bool {
	return e.StatusCode >= 500 || e.StatusCode == 408 || e.StatusCode == 429
}

// maxRetryAfter bounds what a server may ask us to wait.
const maxRetryAfter = 24 * time.Hour

// parseRetryAfter reads a Retry-After header, in seconds or as an HTTP
// date, relative to now. It returns 0 for a missing or unreadable header.
func parseRetryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(h, 10, 64); err == nil {
		d = time.Duration(min(secs, int64(maxRetryAfter/time.Second))) * time.Second
	} else if t, err := http.ParseTime(h); err == nil {
		d = t.Sub(now)
	}
	return min(max(d, 0), maxRetryAfter)
}
