package incidentsql

import (
	"context"
	"database/sql"
	"sync"

	"github.com/sitrep/sitrep/store/sqldb"
)

// Linking in the ingest commit. On SQLite every write queues for the one
// writer connection, so linking in a transaction of its own after the
// documents' doubled the commits and the waits of each ingest. Linked
// inside the documents' group transaction (sqldb.AfterBatch), a document
// is stored and linked atomically in one commit. Callers learn that their
// document was linked there from linkedMarks; a document without a mark
// (the hook failed, or a re-extraction that left no events) is linked the
// old way afterwards, which is always safe: linking is a function of the
// stored events only.

// maxMarks bounds the marks kept for documents nobody asks about (ingested
// through the bare store); forgetting marks only costs extra linking.
const maxMarks = 100_000

// linkedMarks remembers the documents linked in a committed ingest
// transaction until their caller asks. The zero value is ready to use.
type linkedMarks struct {
	mu sync.Mutex
	m  map[string]int
}

func (l *linkedMarks) add(ids []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.m == nil || len(l.m) >= maxMarks {
		l.m = make(map[string]int)
	}
	for _, id := range ids {
		l.m[id]++
	}
}

// take reports whether id was linked in a commit, and forgets one mark.
func (l *linkedMarks) take(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	n, ok := l.m[id]
	if !ok {
		return false
	}
	if n <= 1 {
		delete(l.m, id)
	} else {
		l.m[id] = n - 1
	}
	return true
}

// LinkInCommit makes st link the documents of each group transaction
// inside it (see sqldb.AfterBatch). Only for a single-writer database
// without country locks (SQLite): there linking runs one batch at a time
// anyway, and in the commit it saves a transaction per batch. Call it
// before the first ingest.
func (s *LinkingStore) LinkInCommit(st *sqldb.Store) {
	if s.Incidents.Locks.Country != "" || s.Incidents.Locks.Link != "" {
		return // PostgreSQL links countries in parallel outside the commit
	}
	s.inCommit = true
	st.SetAfterBatch(s.linkBatchTx)
}

// linkBatchTx links docIDs in the ingest transaction tx.
func (s *LinkingStore) linkBatchTx(ctx context.Context, tx *sql.Tx, docIDs []string) (func(bool), error) {
	svc := s.Incidents
	t := &linkTx{Tx: tx, ctx: ctx, s: svc, stmts: map[string]*sql.Stmt{}}
	err := svc.link(t, docIDs, map[int32]bool{})
	t.close()
	if err != nil {
		// The batch's events are rolled back and SQLite may give their
		// ids to other events: forget what was prepared for them.
		svc.prepared.reset()
		return nil, err
	}
	return func(committed bool) {
		if !committed {
			svc.prepared.reset()
			return
		}
		s.marks.add(docIDs)
		svc.share(ctx, t)
	}, nil
}
