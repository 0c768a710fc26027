package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// Group commit. Every commit costs SQLite a write of each page it dirtied
// (and PostgreSQL a WAL flush); documents arriving together from parallel
// ingest workers or an NDJSON batch touch the same index pages. So writes
// of ingest and re-extraction queue here and one goroutine commits what has
// queued in one transaction. No caller hears "stored" before the commit
// that stored it, and a write that fails does not fail the others.

// maxBatch bounds how many writes share a transaction.
const maxBatch = 128

// errClosed is returned for writes submitted after Close.
var errClosed = errors.New("store is closed")

type writeReq struct {
	ctx  context.Context
	fn   func(tx *batchTx) error
	done chan error
}

type batcher struct {
	once sync.Once
	reqs chan *writeReq
	quit chan struct{}
	wg   sync.WaitGroup
	mu   sync.Mutex
	shut bool
	// after, if set, runs in each group transaction before it commits
	// (see SetAfterBatch).
	after AfterBatch
}

// AfterBatch runs inside a group transaction after its writes, before the
// commit, with the ids of the documents whose events the batch inserted
// (ingests and re-extractions that found events). It lets a dependent
// write, such as incident linking, commit atomically with the documents
// and share their commit instead of paying one of its own. If it fails
// the batch is rolled back and replayed without it. Otherwise done is
// called once the transaction has ended, with whether it committed.
type AfterBatch func(ctx context.Context, tx *sql.Tx, docIDs []string) (done func(committed bool), err error)

// SetAfterBatch installs fn to run in every group transaction. Call it
// before the first write.
func (s *Store) SetAfterBatch(fn AfterBatch) { s.batch.after = fn }

// batchTx is the transaction a batched write runs in, with prepared
// statements shared by the writes of the batch.
type batchTx struct {
	*sql.Tx
	store *Store
	ctx   context.Context
	stmts map[string]*sql.Stmt
}

func (t *batchTx) prepare(query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	// Prepared on the transaction, once per batch: the writer pool's one
	// connection is the transaction's, so preparing on the pool would wait
	// for it forever.
	st, err := t.Tx.PrepareContext(t.ctx, t.store.q(query))
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

// write runs fn in the next group transaction and returns once that
// transaction has committed (nil), or with fn's error. fn must return
// noWrite{err} when it fails before writing anything, and may be run twice.
func (s *Store) write(ctx context.Context, fn func(tx *batchTx) error) error {
	b := &s.batch
	b.once.Do(func() {
		b.reqs = make(chan *writeReq)
		b.quit = make(chan struct{})
		b.wg.Add(1)
		go s.commitLoop()
	})
	b.mu.Lock()
	shut := b.shut
	b.mu.Unlock()
	if shut {
		return errClosed
	}
	req := &writeReq{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case b.reqs <- req:
	case <-b.quit:
		return errClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	return <-req.done
}

func (s *Store) commitLoop() {
	b := &s.batch
	defer b.wg.Done()
	for {
		var first *writeReq
		select {
		case first = <-b.reqs:
		case <-b.quit:
			return
		}
		batch := []*writeReq{first}
	drain:
		for len(batch) < maxBatch {
			select {
			case r := <-b.reqs:
				batch = append(batch, r)
			default:
				break drain
			}
		}
		s.commitBatch(batch)
	}
}

func (s *Store) commitBatch(batch []*writeReq) {
	errs := make([]error, len(batch))
	ctx := context.Background() // a batch outlives any one caller's context
	tx, err := s.W.BeginTx(ctx, nil)
	if err != nil {
		for _, r := range batch {
			r.done <- fmt.Errorf("begin: %w", err)
		}
		return
	}
	bt := &batchTx{Tx: tx, store: s, ctx: ctx, stmts: map[string]*sql.Stmt{}}
	lastID, err := s.lastEventID(ctx, tx)
	if err != nil {
		_ = tx.Rollback()
		for _, r := range batch {
			r.done <- err
		}
		return
	}
	for i, r := range batch {
		if err := r.ctx.Err(); err != nil {
			errs[i] = err
			continue
		}
		if err := r.fn(bt); err != nil {
			var nw noWrite
			if errors.As(err, &nw) {
				errs[i] = nw.err
				continue
			}
			// A write failed part-way. Savepoints would isolate it but
			// cost a statement journal and an FTS flush per document, so
			// instead the whole batch is rolled back and replayed one
			// transaction per write, rare as this is.
			closeStmts(bt)
			_ = tx.Rollback()
			s.commitEach(batch)
			return
		}
	}
	closeStmts(bt)
	done, err := s.afterBatch(ctx, tx, lastID)
	if err != nil {
		// Documents are never lost to a failing hook: store them
		// without it; their callers see it did not run.
		_ = tx.Rollback()
		s.commitEach(batch)
		return
	}
	err = s.syncText(ctx, tx, lastID)
	if err == nil {
		err = tx.Commit()
	} else {
		_ = tx.Rollback()
	}
	if done != nil {
		done(err == nil)
	}
	if err != nil {
		for i := range errs {
			if errs[i] == nil {
				errs[i] = fmt.Errorf("commit: %w", err)
			}
		}
	}
	for i, r := range batch {
		r.done <- errs[i]
	}
}

// commitEach runs every write of a failed batch in its own transaction.
func (s *Store) commitEach(batch []*writeReq) {
	for _, r := range batch {
		if err := r.ctx.Err(); err != nil {
			r.done <- err
			continue
		}
		r.done <- s.WithTx(context.Background(), func(tx *sql.Tx) error {
			ctx := context.Background()
			bt := &batchTx{Tx: tx, store: s, ctx: ctx, stmts: map[string]*sql.Stmt{}}
			defer closeStmts(bt)
			lastID, err := s.lastEventID(ctx, tx)
			if err != nil {
				return err
			}
			err = r.fn(bt)
			var nw noWrite
			if errors.As(err, &nw) {
				return nw.err
			} else if err != nil {
				return err
			}
			return s.syncText(ctx, tx, lastID)
		})
	}
}

// lastEventID is the highest event id before a batch: the events the
// batch inserts have higher ones (AUTOINCREMENT never reuses ids, and the
// write lock is held from BEGIN).
func (s *Store) lastEventID(ctx context.Context, tx *sql.Tx) (int64, error) {
	if s.Dialect.SyncText == "" && s.batch.after == nil {
		return 0, nil
	}
	var id int64
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM events").Scan(&id); err != nil {
		return 0, fmt.Errorf("last event id: %w", err)
	}
	return id, nil
}

// afterBatch runs the AfterBatch hook, if any, on the documents of the
// events inserted after lastID.
func (s *Store) afterBatch(ctx context.Context, tx *sql.Tx, lastID int64) (func(bool), error) {
	if s.batch.after == nil {
		return nil, nil
	}
	// A range of the primary key, deduplicated here: with DISTINCT,
	// SQLite walks the doc_id index over every event instead.
	rows, err := tx.QueryContext(ctx, s.q("SELECT doc_id FROM events WHERE id > ? ORDER BY id"), lastID)
	if err != nil {
		return nil, fmt.Errorf("documents of the batch: %w", err)
	}
	var ids []string
	seen := make(map[string]bool)
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return s.batch.after(ctx, tx, ids)
}

// syncText indexes the batch's new events for full-text search.
func (s *Store) syncText(ctx context.Context, tx *sql.Tx, lastID int64) error {
	if s.Dialect.SyncText == "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, s.q(s.Dialect.SyncText), lastID); err != nil {
		return fmt.Errorf("index evidence text: %w", err)
	}
	return nil
}

func closeStmts(bt *batchTx) {
	for _, st := range bt.stmts {
		st.Close()
	}
}

// noWrite wraps the error of a write that failed before changing anything,
// so the rest of its batch can still commit.
type noWrite struct{ err error }

func (e noWrite) Error() string { return e.err.Error() }
func (e noWrite) Unwrap() error { return e.err }

// Close stops the group-commit goroutine after the batch in progress.
// Writes submitted afterwards fail.
func (s *Store) Close() {
	b := &s.batch
	b.mu.Lock()
	if b.shut {
		b.mu.Unlock()
		return
	}
	b.shut = true
	b.mu.Unlock()
	if b.quit != nil {
		close(b.quit)
		b.wg.Wait()
	}
	s.closeStatements()
}
