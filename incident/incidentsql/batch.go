package incidentsql

import (
	"context"
	"sync"
)

// maxLinkBatch bounds how many documents one linking transaction takes.
const maxLinkBatch = 64

// linkBatch links documents queued by concurrent callers together. A
// linking transaction costs a commit and the reads of a neighbourhood;
// documents ingested together share both. The first caller to find no
// linking in progress becomes the leader and links everything queued,
// batch after batch, until the queue is empty; the others wait for their
// batch. No caller returns before its document's incidents are committed.
// Where the database lets linkers of different countries run at once
// (PostgreSQL, see Locks), up to maxLinkers leaders link batches in
// parallel. The zero value is ready to use.
type linkBatch struct {
	mu      sync.Mutex
	queue   []*linkReq
	running int
}

// maxLinkers bounds the batches linked at once on a database with
// several writer connections.
const maxLinkers = 4

// linkers returns how many batches may be linked at once on svc's
// database: one on a single writer connection (SQLite), where a second
// would only wait for it.
func linkers(svc *Service) int {
	n := svc.W.Stats().MaxOpenConnections
	if n == 1 || svc.Locks.Country == "" {
		return 1
	}
	if n <= 0 {
		return maxLinkers
	}
	return min(n, maxLinkers)
}

type linkReq struct {
	ctx   context.Context
	docID string
	done  chan error
}

func (b *linkBatch) link(ctx context.Context, svc *Service, docID string) error {
	req := &linkReq{ctx: ctx, docID: docID, done: make(chan error, 1)}
	b.mu.Lock()
	b.queue = append(b.queue, req)
	if b.running >= linkers(svc) {
		b.mu.Unlock()
		return <-req.done
	}
	b.running++
	for len(b.queue) > 0 {
		n := min(len(b.queue), maxLinkBatch)
		batch := b.queue[:n:n]
		b.queue = b.queue[n:]
		b.mu.Unlock()
		linkAll(svc, batch)
		b.mu.Lock()
	}
	b.running--
	b.mu.Unlock()
	return <-req.done
}

// linkAll links a batch in one transaction; if that fails, each document
// in its own, so one bad document does not fail the others.
func linkAll(svc *Service, batch []*linkReq) {
	// A batch outlives any one caller's context; callers that gave up
	// are left out.
	ctx := context.Background()
	var live []*linkReq
	var ids []string
	for _, r := range batch {
		if err := r.ctx.Err(); err != nil {
			r.done <- err
			continue
		}
		live = append(live, r)
		ids = append(ids, r.docID)
	}
	if len(live) == 0 {
		return
	}
	err := svc.LinkDocuments(ctx, ids...)
	if err == nil || len(live) == 1 {
		for _, r := range live {
			r.done <- err
		}
		return
	}
	for _, r := range live {
		r.done <- svc.LinkDocuments(ctx, r.docID)
	}
}
