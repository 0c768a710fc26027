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
