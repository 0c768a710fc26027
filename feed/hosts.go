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
	sem  chan struct{} // capacity 1: the per-host concurrency limit
	last time.Time     // when the previous request to the host finished
}

// NewHostLimiter returns a limiter with delay between requests to a host.
func NewHostLimiter(delay time.Duration) *HostLimiter {
	return &HostLimiter{delay: delay, hosts: map[string]*hostSlot{}}
}

// Acquire waits until host is free and its delay has passed. The caller
// must call release when its request is done.
func (l *HostLimiter) Acquire(ctx context.Context, host string) (release func(), err error) {
	l.mu.Lock()
	s := l.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, 1)}
		l.hosts[host] = s
	}
	l.mu.Unlock()

	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if wait := time.Until(s.last.Add(l.delay)); !s.last.IsZero() && wait > 0 {
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
