package feed

import (
	"context"
	"sync"
	"time"
)

// HostLimiter lets one request at a time run against each host and spaces
// consecutive requests to the same host by a delay, so polling many feeds
// of one outlet never looks like a flood to it.
type HostLimiter struct {
	delay time.Duration

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem   chan struct{} // capacity 1: the per-host concurrency limit
	last  time.Time     // when the previous request to the host finished
	delay time.Duration // the host's own Crawl-delay, when longer than ours
}

// NewHostLimiter returns a limiter with delay between requests to a host.
func NewHostLimiter(delay time.Duration) *HostLimiter {
	return &HostLimiter{delay: delay, hosts: map[string]*hostSlot{}}
}

// Acquire waits until host is free and its delay has passed. The caller
// must call release when its request is done.
func (l *HostLimiter) Acquire(ctx context.Context, host string) (release func(), err error) {
	s := l.slot(host)
	l.mu.Lock()
	delay := max(l.delay, s.delay)
	l.mu.Unlock()

	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if wait := time.Until(s.last.Add(delay)); !s.last.IsZero() && wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-s.sem
			return nil, ctx.Err()
		}
	}
	return func() {
		s.last = time.Now() // guarded by holding sem
		<-s.sem
	}, nil
}

func (l *HostLimiter) slot(host string) *hostSlot {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, 1)}
		l.hosts[host] = s
	}
	return s
}

// maxCrawlDelay bounds a site's Crawl-delay: a robots.txt asking for more
// would starve its feed, so it gets this much and no more.
const maxCrawlDelay = time.Minute

// SetCrawlDelay makes requests to host wait d between them when d is
// longer than the limiter's own delay, as the host's robots.txt asks.
func (l *HostLimiter) SetCrawlDelay(host string, d time.Duration) {
	s := l.slot(host)
	l.mu.Lock()
	s.delay = min(d, maxCrawlDelay)
	l.mu.Unlock()
}
