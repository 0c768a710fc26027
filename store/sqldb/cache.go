package sqldb

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"

	"golang.org/x/sync/singleflight"
)

// maxCached bounds the cache; when full it is emptied, which is cheap and
// good enough for a dashboard that asks the same few questions repeatedly.
const maxCached = 2048

// readCache memoises query results until the database changes. Version
// reports a number that changes whenever any connection, in this process or
// another, commits a write; SQLite's PRAGMA data_version does exactly that.
// Without a Version function nothing is cached.
type readCache struct {
	group   singleflight.Group // one load per key at a time: no stampede on a cold key
	mu      sync.Mutex
	version int64
	entries map[string]any
}

// cached returns the memoised result for key, or calls load and memoises
// its result. Results are shared between callers and must not be modified.
func cached[T any](ctx context.Context, s *Store, kind string, key any, load func() (T, error)) (T, error) {
	if s.Version == nil {
		return load()
	}
	b, err := json.Marshal(key)
	if err != nil {
		return load()
	}
	k := kind + string(b)
	v, err := s.Version(ctx)
	if err != nil {
		return load()
	}
	c := &s.cache
	c.mu.Lock()
	if c.version != v || c.entries == nil || len(c.entries) >= maxCached {
		c.version, c.entries = v, map[string]any{}
	}
	if hit, ok := c.entries[k]; ok {
		c.mu.Unlock()
		return hit.(T), nil
	}
	c.mu.Unlock()

	r, err, _ := c.group.Do(strconv.FormatInt(v, 10)+k, func() (any, error) {
		res, err := load()
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		if c.version == v { // not invalidated while loading
			c.entries[k] = res
		}
		c.mu.Unlock()
		return res, nil
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return r.(T), nil
}
