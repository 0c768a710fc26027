package incidentsql

import (
	"context"
	"database/sql"
)

// linkTx is a linking transaction with the statements it has prepared.
// One linking runs the same few queries dozens of times (an insert per
// link and member, a delete per stale incident); preparing each once per
// transaction saves SQLite re-parsing them, which was a third of linking's
// CPU.
type linkTx struct {
	*sql.Tx
	ctx   context.Context
	s     *Service
	stmts map[string]*sql.Stmt
}

func (t *linkTx) stmt(query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	if shared, ok := t.s.shared.Load(query); ok {
		// Prepared on the pool's one connection, which is the
		// transaction's: no preparing again.
		st := t.Tx.StmtContext(t.ctx, shared.(*sql.Stmt))
		t.stmts[query] = st
		return st, nil
	}
	st, err := t.Tx.PrepareContext(t.ctx, t.s.q(query))
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

// exec runs query (with ? placeholders) as a prepared statement.
func (t *linkTx) exec(query string, args ...any) error {
	st, err := t.stmt(query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(t.ctx, args...)
	return err
}

// execN runs query (with ? placeholders) as a prepared statement and
// returns the number of rows it changed.
func (t *linkTx) execN(query string, args ...any) (int64, error) {
	st, err := t.stmt(query)
	if err != nil {
		return 0, err
	}
	res, err := st.ExecContext(t.ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// query runs query (with ? placeholders) as a prepared statement.
func (t *linkTx) query(query string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(t.ctx, args...)
}

func (t *linkTx) close() {
	for _, st := range t.stmts {
		st.Close()
	}
}

// maxShared bounds the statements a Service keeps prepared (queries with
// IN lists of every length would otherwise pile up).
const maxShared = 64

// share keeps the statements the finished transaction t prepared, prepared
// on the writer pool for the next transactions, when the pool has a single
// connection (SQLite): preparing them afresh in each transaction was a
// tenth of linking's CPU. A pool of several connections (PostgreSQL) would
// prepare them again on each, and its driver caches statements itself.
// Called after the transaction ended, when the connection is free.
func (s *Service) share(ctx context.Context, t *linkTx) {
	if s.W.Stats().MaxOpenConnections != 1 {
		return
	}
	s.sharedMu.Lock()
	defer s.sharedMu.Unlock()
	for query := range t.stmts {
		if s.sharedN >= maxShared {
			return
		}
		if _, ok := s.shared.Load(query); ok {
			continue
		}
		st, err := s.W.PrepareContext(ctx, s.q(query))
		if err != nil {
			return // prepared per transaction instead
		}
		s.shared.Store(query, st)
		s.sharedN++
	}
}
