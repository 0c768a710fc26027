package incidentsql

import (
	"sync"

	"github.com/sitrep/sitrep/incident"
)

// maxPrepared bounds the reports a Service keeps prepared; past it the
// cache starts afresh (a neighbourhood is recent events, which come back).
const maxPrepared = 50_000

// preparedCache keeps stored reports prepared for linking by event id.
// The neighbourhood of each new report is mostly the one of the report
// before, and preparing (folding names, splitting evidence into terms) was
// a third of grouping. A stored event never changes: re-extraction
// deletes events and inserts new ones under new ids, which are never
// reused. The zero value is ready to use.
type preparedCache struct {
	mu sync.Mutex
	m  map[int64]incident.Prepared
}

func (c *preparedCache) lookup(id int64) (incident.Prepared, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.m[id]
	return p, ok
}

func (c *preparedCache) get(r incident.Report) incident.Prepared {
	c.mu.Lock()
	p, ok := c.m[r.Event.ID]
	c.mu.Unlock()
	if ok {
		return p
	}
	p = incident.Prepare(r)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxPrepared {
		c.m = make(map[int64]incident.Prepared)
	}
	c.m[r.Event.ID] = p
	c.mu.Unlock()
	return p
}

// reset forgets every prepared report, after a transaction that inserted
// events rolled back (their ids may be reused).
func (c *preparedCache) reset() {
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}
