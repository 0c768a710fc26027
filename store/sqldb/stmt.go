package sqldb

import (
	"database/sql"
	"sync"
)

// stmtCache keeps prepared statements for the queries that run once per
// document or request, so SQLite parses them once per connection instead
// of every time (parsing was an eighth of ingest's CPU).
type stmtCache struct {
	m sync.Map // stmtKey → *sql.Stmt
}

type stmtKey struct {
	db    *sql.DB
	query string
}

// prepared returns query prepared on db, preparing it on first use.
func (s *Store) prepared(db *sql.DB, query string) (*sql.Stmt, error) {
	k := stmtKey{db, s.q(query)}
	if st, ok := s.stmts.m.Load(k); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := db.Prepare(k.query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.m.LoadOrStore(k, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// closeStatements releases the cached statements; called by Close.
func (s *Store) closeStatements() {
	s.stmts.m.Range(func(k, v any) bool {
		v.(*sql.Stmt).Close()
		s.stmts.m.Delete(k)
		return true
	})
}
