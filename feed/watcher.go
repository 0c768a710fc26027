package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"sync"
	"time"

	"github.com/sitrep/sitrep"
)

// DefaultInterval is how often a healthy feed is polled.
const DefaultInterval = 15 * time.Minute

// minItemText is how much text a feed item must carry to stand in for its
// page when the page cannot be fetched: a full story, not a teaser.
const minItemText = 400

// Watcher polls feeds and ingests the articles they list through the same
// DocumentService as POST /api/documents. Feed state and the items already
// seen live in Feeds, so a restarted watcher neither re-fetches nor
// re-ingests what it already has.
type Watcher struct {
	Client    *Client
	Feeds     sitrep.FeedService
	Documents sitrep.DocumentService

	Interval time.Duration // between polls of a healthy feed; DefaultInterval if 0
	Parallel int           // feeds polled at once; 4 if 0 (the host limit still applies)
	Tick     time.Duration // how often Run looks for due feeds; 30s if 0
	Logger   *slog.Logger  // nil: no logging
	Now      func() time.Time
	Rand     func() float64 // jitter source in [0,1)
}

// Result is the outcome of polling one feed.
type Result struct {
	URL        string `json:"url"`
	Status     int    `json:"status,omitempty"` // HTTP status, 0 when no response
	Items      int    `json:"items"`            // items in the feed document
	New        int    `json:"new"`              // items not seen before
	Ingested   int    `json:"ingested"`         // new documents stored
	Duplicates int    `json:"duplicates"`       // items that were already-stored documents
	Skipped    int    `json:"skipped"`          // items recorded as unusable
	Retry      int    `json:"retry"`            // items that failed and will be tried again
	Err        error  `json:"-"`                // the feed itself failed
	Error      string `json:"error,omitempty"`
}

func (w *Watcher) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

func (w *Watcher) rand() float64 {
	if w.Rand != nil {
		return w.Rand()
	}
	return rand.Float64()
}

func (w *Watcher) interval() time.Duration {
	if w.Interval > 0 {
		return w.Interval
	}
	return DefaultInterval
}

func (w *Watcher) log() *slog.Logger {
	if w.Logger != nil {
		return w.Logger
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// Run polls srcs on their schedules until ctx is cancelled.
func (w *Watcher) Run(ctx context.Context, srcs []Source) error {
	tick := w.Tick
	if tick <= 0 {
		tick = 30 * time.Second
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		w.Round(ctx, srcs, false)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Round polls the feeds in srcs that are due (all of them when force is
// set) and returns one Result per feed polled, in the order of srcs. A
// feed's failure is recorded on it and never stops the others.
func (w *Watcher) Round(ctx context.Context, srcs []Source, force bool) []Result {
	par := w.Parallel
	if par <= 0 {
		par = 4
	}
	var (
		results = make([]*Result, len(srcs))
		wg      sync.WaitGroup
		sem     = make(chan struct{}, par)
	)
	for i, src := range srcs {
		if ctx.Err() != nil {
			break
		}
		if !force && !w.due(ctx, src.URL) {
			continue
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			r := w.Poll(ctx, src)
			results[i] = &r // each goroutine writes its own slot
		}()
	}
	wg.Wait()
	var out []Result
	for _, r := range results {
		if r != nil {
			out = append(out, *r)
		}
	}
	return out
}

// due reports whether the feed's next fetch time has come.
func (w *Watcher) due(ctx context.Context, u string) bool {
	f, err := w.Feeds.FindFeedByURL(ctx, u)
	if err != nil {
		return true // unknown feed, or state unreadable: Poll reports it
	}
	return !w.now().Before(f.NextFetch)
}

// Poll fetches one feed now, ingests its new items and records the feed's
// health: status, error, and when to fetch it next (the interval after a
// success, exponential backoff after a failure).
func (w *Watcher) Poll(ctx context.Context, src Source) Result {
	res := Result{URL: src.URL}
	state, err := w.Feeds.FindFeedByURL(ctx, src.URL)
	if sitrep.ErrorCode(err) == sitrep.ENOTFOUND {
		state, err = &sitrep.Feed{URL: src.URL, Title: src.Title}, nil
	}
	if err != nil {
		res.Err = fmt.Errorf("read feed state: %w", err)
		res.Error = res.Err.Error()
		return res
	}
	start := w.now()
	resp, err := w.Client.Get(ctx, src.URL, Conditional{ETag: state.ETag, LastModified: state.LastModified})
	if ctx.Err() != nil {
		res.Err = ctx.Err()
		return res
	}
	state.LastFetch = start
	state.LastStatus = 0
	if resp != nil {
		state.LastStatus = resp.StatusCode
		res.Status = resp.StatusCode
	}
	if err != nil {
		return w.fail(ctx, state, res, err)
	}
	if resp.Body == nil { // 304 Not Modified
		return w.succeed(ctx, state, res, resp)
	}
	parsed, err := ParseFeed(resp.Body, resp.URL)
	if err != nil {
		return w.fail(ctx, state, res, err)
	}
	if parsed.Title != "" {
		state.Title = parsed.Title
	}
	res.Items = len(parsed.Items)
	for i := range parsed.Items {
		if ctx.Err() != nil {
			// Interrupted: keep the counts of the items done, and drop the
			// validators so the next start reads the whole feed again.
			state.ETag, state.LastModified = "", ""
			_ = w.Feeds.UpsertFeed(context.WithoutCancel(ctx), state)
			res.Err = ctx.Err()
			return res
		}
		w.item(ctx, state, &parsed.Items[i], &res)
	}
	if res.Retry > 0 {
		// Forget the validators so the next fetch returns the full feed
		// again instead of a 304 that would hide the items still to do.
		resp.ETag, resp.LastModified = "", ""
	}
	return w.succeed(ctx, state, res, resp)
}

func (w *Watcher) succeed(ctx context.Context, state *sitrep.Feed, res Result, resp *Response) Result {
	state.LastSuccess = state.LastFetch
	state.Errors = 0
	state.LastError = ""
	if res.Retry > 0 {
		state.LastError = fmt.Sprintf("%d item(s) could not be fetched and will be retried", res.Retry)
	}
	switch {
	case resp.Body != nil: // a full response: its validators, or none
		state.ETag, state.LastModified = resp.ETag, resp.LastModified
	default: // 304: a server may send fresh validators, or none
		if resp.ETag != "" {
			state.ETag = resp.ETag
		}
		if resp.LastModified != "" {
			state.LastModified = resp.LastModified
		}
	}
	state.NextFetch = w.now().Add(w.interval())
	if err := w.Feeds.UpsertFeed(ctx, state); err != nil {
		res.Err = fmt.Errorf("save feed state: %w", err)
		res.Error = res.Err.Error()
	}
	w.log().Info("feed polled", "url", state.URL, "status", res.Status, "items", res.Items, "new", res.New,
		"ingested", res.Ingested, "duplicates", res.Duplicates, "skipped", res.Skipped, "retry", res.Retry)
	return res
}

func (w *Watcher) fail(ctx context.Context, state *sitrep.Feed, res Result, err error) Result {
	state.Errors++
	state.LastError = describe(err, state.URL)
	wait := Backoff(state.Errors, w.rand())
	var se *StatusError
	if errors.As(err, &se) && se.RetryAfter > wait {
		wait = se.RetryAfter // the server said when to come back (429, 503)
	}
	if settled(err) && wait < w.interval() {
		wait = w.interval() // a 404 or a home page will not mend in a minute
	}
	state.NextFetch = w.now().Add(wait)
	res.Err, res.Error = err, state.LastError
	if serr := w.Feeds.UpsertFeed(ctx, state); serr != nil {
		res.Err = errors.Join(err, fmt.Errorf("save feed state: %w", serr))
		res.Error = res.Err.Error()
	}
	w.log().Warn("feed failed", "url", state.URL, "status", res.Status, "errors", state.Errors,
		"next_fetch", state.NextFetch.Format(time.RFC3339), "err", err)
	return res
}

// maxItemAttempts is how many polls an item whose page keeps failing
// (5xx, timeouts) is tried in before it is given up: a dead link must not
// cost a request every poll for ever.
const maxItemAttempts = 5

// item ingests one feed item unless the feed has already recorded it as
// done. An item that failed temporarily is recorded for retry and tried
// again on later polls, up to maxItemAttempts.
func (w *Watcher) item(ctx context.Context, state *sitrep.Feed, it *Item, res *Result) {
	lg := w.log().With("feed", state.URL, "item", it.Key)
	prev, err := w.Feeds.FindFeedItem(ctx, state.URL, it.Key)
	switch {
	case err == nil && prev.Status != sitrep.FeedItemRetry:
		return // done on an earlier poll
	case err != nil && sitrep.ErrorCode(err) != sitrep.ENOTFOUND:
		res.Retry++
		lg.Warn("read item state", "err", err)
		return
	}
	isNew := prev == nil
	if isNew {
		res.New++
	}
	rec := &sitrep.FeedItem{FeedURL: state.URL, Key: it.Key, URL: it.Link, Seen: w.now()}
	if prev != nil {
		rec.Attempts = prev.Attempts
	}

	doc, err := w.itemDocument(ctx, state, it)
	if ctx.Err() != nil {
		return // shutting down: not the page's fault, so not an attempt
	}
	retry := err != nil && Temporary(err)
	if err == nil && doc.Text != "" {
		ir, ierr := w.Documents.IngestDocument(ctx, doc)
		switch {
		case ierr == nil && ir.Duplicate:
			rec.Status, rec.DocumentID = sitrep.FeedItemDuplicate, ir.DocumentID
		case ierr == nil:
			rec.Status, rec.DocumentID = sitrep.FeedItemIngested, ir.DocumentID
		case sitrep.ErrorCode(ierr) == sitrep.EINVALID:
			rec.Status, rec.Error = sitrep.FeedItemSkipped, sitrep.ErrorMessage(ierr)
		default:
			err, retry = ierr, true // the store failed: worth another try
		}
	}
	switch {
	case rec.Status != "":
	case err == nil: // already stored under this URL
		rec.Status, rec.DocumentID = sitrep.FeedItemDuplicate, doc.ID
	case !retry:
		rec.Status, rec.Error = sitrep.FeedItemSkipped, describe(err, it.Link)
	default:
		rec.Attempts++
		rec.Status, rec.Error = sitrep.FeedItemRetry, describe(err, it.Link)
		if rec.Attempts >= maxItemAttempts {
			rec.Status, rec.Error = sitrep.FeedItemSkipped, fmt.Sprintf("gave up after %d attempts: %v", rec.Attempts, err)
		}
	}
	if err := w.Feeds.CreateFeedItem(ctx, rec); err != nil {
		res.Retry++
		lg.Warn("record item", "err", err)
		return
	}
	if isNew {
		state.ItemsSeen++
	}
	switch rec.Status {
	case sitrep.FeedItemIngested:
		res.Ingested++
		state.Documents++
	case sitrep.FeedItemDuplicate:
		res.Duplicates++
	case sitrep.FeedItemRetry:
		res.Retry++
		lg.Warn("item failed, will retry", "attempt", rec.Attempts, "err", err)
	default:
		res.Skipped++
		lg.Info("item skipped", "reason", rec.Error)
	}
}

// itemDocument builds the document for an item: its page when it can be
// fetched, else the item's own text when that is a full story. A document
// with only an ID means the page is already stored and was not fetched.
func (w *Watcher) itemDocument(ctx context.Context, state *sitrep.Feed, it *Item) (*sitrep.Document, error) {
	if it.Link != "" {
		id := DocumentID(it.Link)
		if _, err := w.Documents.FindDocumentByID(ctx, id); err == nil {
			return &sitrep.Document{ID: id}, nil // another feed brought it already
		}
		art, err := w.Client.FetchArticle(ctx, it.Link)
		if err == nil {
			doc := art.Document(it, state.Title, w.now())
			if len(it.Text) >= minItemText && len(it.Text) > 2*len(doc.Text) {
				// A paywalled page shows a teaser; a feed for subscribers
				// may carry the whole story. Keep the page's metadata.
				doc.Text = withHeadline(doc.Title, it.Text)
			}
			return doc, nil
		}
		if Temporary(err) || len(it.Text) < minItemText {
			return nil, err
		}
	} else if len(it.Text) < minItemText {
		return nil, &Error{Op: "read item", URL: state.URL, Err: errors.New("item has no link and too little text")}
	}
	return itemDocument(it, state.Title, w.now()), nil
}

// settled reports whether a feed error is a deliberate answer that a quick
// retry would only repeat: a 4xx status, a robots.txt disallow, a redirect
// loop, or a page that is not a feed. A malformed feed is not settled: a
// truncated download is the usual cause.
func settled(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return !se.Temporary()
	}
	return errors.Is(err, ErrDisallowed) || errors.Is(err, ErrRedirect) || errors.Is(err, ErrNotFeed)
}

// describe writes err for a record that already names u: without u.
func describe(err error, u string) string {
	var fe *Error
	if errors.As(err, &fe) && fe.URL == u && fe == err {
		c := *fe
		c.URL = ""
		return c.Error()
	}
	return err.Error()
}

// Temporary reports whether err may go away if the same request is made
// later: server errors, rate limits, timeouts, network failures and an
// unreadable robots.txt. A 404, a robots.txt disallow, a redirect loop, an
// oversized body or a page without an article are permanent.
func Temporary(err error) bool {
	var se *StatusError
	var ne net.Error
	switch {
	case err == nil:
		return false
	case errors.As(err, &se):
		return se.Temporary()
	case errors.Is(err, ErrDisallowed), errors.Is(err, ErrTooLarge), errors.Is(err, ErrNoArticle),
		errors.Is(err, ErrRedirect), errors.Is(err, ErrNotFeed):
		return false
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne):
		return true
	case errors.Is(err, ErrRobotsUnreadable):
		return true
	}
	return false
}
