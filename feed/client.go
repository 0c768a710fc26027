package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Version goes into the User-Agent; cmd/sitrep sets it at start-up.
var Version = "dev"

// UserAgent names sitrep and where to read about it, so a site operator who
// sees it in a log knows who is fetching and why.
func UserAgent() string {
	return "sitrep/" + Version + " (+https://github.com/sitrep/sitrep)"
}

// Defaults for Client. A news page is rarely above 2 MB; 10 MB leaves room
// for inline images in data URLs while keeping a hostile or broken server
// from exhausting memory.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBodyBytes = 10 << 20
	MaxRedirects        = 5
)

// ErrRedirect is returned for a redirect loop or too many redirects.
var ErrRedirect = errors.New("bad redirect")

// ErrTooLarge is returned when a response body is larger than the limit.
var ErrTooLarge = errors.New("response body too large")

// Client fetches URLs politely: a clear User-Agent, a timeout, at most
// MaxRedirects redirects with loops detected, a cap on the body size, one
// request at a time per host with a delay between them, and robots.txt
// obeyed. The zero value is not usable; call NewClient.
type Client struct {
	HTTP         *http.Client
	UserAgent    string
	MaxBodyBytes int64
	Hosts        *HostLimiter
	Robots       *Robots // nil: robots.txt is not consulted
}

// NewClient returns a Client with the defaults above and delay between two
// requests to the same host.
func NewClient(delay time.Duration) *Client {
	c := &Client{
		UserAgent:    UserAgent(),
		MaxBodyBytes: DefaultMaxBodyBytes,
		Hosts:        NewHostLimiter(delay),
	}
	c.HTTP = &http.Client{
		Timeout: DefaultTimeout,
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: 20 * time.Second,
			IdleConnTimeout:       90 * time.Second,
			MaxIdleConnsPerHost:   2,
			// DisableCompression stays false: the transport asks for gzip
			// and decodes it itself, and only when it asked. Setting our own
			// Accept-Encoding would turn that off and hand us raw gzip.
		},
		CheckRedirect: c.checkRedirect,
	}
	c.Robots = NewRobots(c)
	return c
}

// checkRedirect allows MaxRedirects hops, stops at the first URL seen
// twice, and does not follow a redirect to a path robots.txt forbids.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if err := checkRedirect(req, via); err != nil {
		return err
	}
	if c.Robots == nil {
		return nil
	}
	ok, err := c.Robots.Allowed(req.Context(), req.URL)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("redirect to %s: %w", req.URL, ErrDisallowed)
	}
	return nil
}

// checkRedirect allows MaxRedirects hops and stops at the first URL seen twice.
func checkRedirect(req *http.Request, via []*http.Request) error {
	for _, prev := range via {
		if prev.URL.String() == req.URL.String() {
			return fmt.Errorf("%w: loop back to %s", ErrRedirect, req.URL)
		}
	}
	if len(via) > MaxRedirects {
		return fmt.Errorf("%w: more than %d redirects", ErrRedirect, MaxRedirects)
	}
	return nil
}

// Response is a fetched body with what the caller needs from the headers.
type Response struct {
	URL          string // final URL after redirects
	StatusCode   int
	ContentType  string
	ETag         string
	LastModified string
	Body         []byte // nil for 304 Not Modified
}

// Conditional carries the validators of a previous fetch for a conditional
// GET; a server that has nothing new answers 304 without a body.
type Conditional struct {
	ETag         string
	LastModified string
}

// Get fetches rawURL. A 304 is returned as a Response with no body; any
// other non-2xx status is a *StatusError. robots.txt is consulted first
// unless the URL is robots.txt itself.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, &Error{Op: "fetch", URL: rawURL, Err: err}
	}
	if c.Robots != nil {
		ok, err := c.Robots.Allowed(ctx, req.URL)
		if err != nil {
			return nil, &Error{Op: "fetch", URL: rawURL, Err: err}
		}
		if !ok {
			return nil, &Error{Op: "fetch", URL: rawURL, Err: ErrDisallowed, Hint: "the site's robots.txt forbids fetching this path"}
		}
	}
	return c.get(ctx, req, cond)
}

// get performs req under the per-host limit, without consulting robots.txt.
func (c *Client) get(ctx context.Context, req *http.Request, cond Conditional) (*Response, error) {
	rawURL := req.URL.String()
	req.Header.Set("User-Agent", c.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	if c.Hosts != nil {
		release, err := c.Hosts.Acquire(ctx, req.URL.Host)
		if err != nil {
			return nil, &Error{Op: "fetch", URL: rawURL, Err: err}
		}
		defer release()
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, &Error{Op: "fetch", URL: rawURL, Err: err}
	}
	defer resp.Body.Close()
	out := &Response{
		URL:          resp.Request.URL.String(),
		StatusCode:   resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
		return out, &Error{Op: "fetch", URL: rawURL, Err: &StatusError{StatusCode: resp.StatusCode, Status: resp.Status,
			RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())}}
	}
	max := c.MaxBodyBytes
	if max <= 0 {
		max = DefaultMaxBodyBytes
	}
	if resp.ContentLength > max {
		return out, &Error{Op: "fetch", URL: rawURL, Err: fmt.Errorf("%w: Content-Length %d bytes exceeds the %d-byte limit", ErrTooLarge, resp.ContentLength, max)}
	}
	body, err := readLimited(resp.Body, max, resp.ContentLength)
	if err != nil {
		return out, &Error{Op: "fetch", URL: rawURL, Err: err}
	}
	out.Body = body
	return out, nil
}

// readChunk is the unit readLimited reads in.
const readChunk = 256 << 10

// readLimited reads r to the end, failing with ErrTooLarge as soon as it
// has read more than max bytes, so no more than max bytes (plus a chunk)
// are ever held, however long the body. It reads into fixed-size chunks and
// joins them once at the end, rather than growing one slice by doubling,
// which would allocate about twice the limit before noticing. A known
// Content-Length (size ≥ 0) is read into one exact allocation.
func readLimited(r io.Reader, max, size int64) ([]byte, error) {
	if size >= 0 && size <= max {
		buf := make([]byte, size)
		n, err := io.ReadFull(r, buf)
		if err != nil {
			return nil, err
		}
		// A server that sends more than it declared is cut to its word.
		return buf[:n], nil
	}
	var (
		chunks [][]byte
		total  int64
	)
	for {
		c := make([]byte, readChunk)
		n, err := io.ReadFull(r, c)
		total += int64(n)
		if total > max {
			return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
		}
		chunks = append(chunks, c[:n])
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		} else if err != nil {
			return nil, err
		}
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}
