package incidentsql_test

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/sitrep/sitrep/incident/incidentsql"
	"github.com/sitrep/sitrep/store/storetest"
)

// Linking inside the ingest group commit must give the incidents a rebuild
// gives, with parallel ingests sharing commits, and must really link there
// on SQLite (on PostgreSQL LinkInCommit leaves linking to its own
// per-country transactions).
func TestLinkInCommitEqualsRebuild(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			b := open(t)
			b.store.Extractor = crowded{}
			store := &incidentsql.LinkingStore{DocumentStore: b.store, Incidents: b.inc}
			store.LinkInCommit(b.store)
			docs := crowdedDocs(150)
			ingestConcurrently(t, docs, store)
			if name == "sqlite" {
				if got := store.LinkedInCommit(); got == 0 {
					t.Errorf("no ingest of %d was linked in its commit", len(docs))
				}
			}
			assertRebuildAgrees(t, b.inc, "linking in the commit")
		})
	}
}

// Re-extractions write in the group commit too; those whose events moved
// to another country must leave the incidents a rebuild gives, whether
// they were linked in the commit or after it.
func TestLinkInCommitReextractionEqualsRebuild(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			b := open(t)
			b.store.Extractor = crowded{}
			store := &incidentsql.LinkingStore{DocumentStore: b.store, Incidents: b.inc}
			store.LinkInCommit(b.store)
			ctx := context.Background()
			docs := crowdedDocs(100)
			for i := range docs {
				if _, err := store.IngestDocument(ctx, &docs[i]); err != nil {
					t.Fatal(err)
				}
			}
			b.store.Extractor = moved{}
			for i := 0; i < len(docs); i += 3 {
				if _, err := store.ReextractDocument(ctx, docs[i].ID); err != nil {
					t.Fatal(err)
				}
			}
			assertRebuildAgrees(t, b.inc, "re-extracting with linking in the commit")
		})
	}
}

// When linking in the commit fails after writing, the batch is rolled back
// and replayed without it: every document is still stored, and linked
// afterwards, to the incidents a rebuild gives.
func TestLinkInCommitFailureFallsBack(t *testing.T) {
	db := storetest.OpenSQLite(t)
	st, svc := db.Store, db.IncidentService()
	st.Extractor = crowded{}
	store := &incidentsql.LinkingStore{DocumentStore: st, Incidents: svc}
	store.LinkInCommit(st)
	var calls atomic.Int64
	st.SetAfterBatch(func(ctx context.Context, tx *sql.Tx, ids []string) (func(bool), error) {
		done, err := store.LinkBatchTx(ctx, tx, ids)
		if err == nil && calls.Add(1)%2 == 1 {
			// Linked, then failed: what it wrote must go.
			return nil, errors.New("disk full")
		}
		return done, err
	})
	ctx := context.Background()
	docs := crowdedDocs(60)
	var wg sync.WaitGroup
	errs := make(chan error, len(docs))
	for i := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := store.IngestDocument(ctx, &docs[i]); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n, err := st.CountDocuments(ctx); err != nil || n != len(docs) {
		t.Fatalf("stored %d documents (%v), want %d", n, err, len(docs))
	}
	if got := store.LinkedInCommit(); got >= int64(len(docs)) {
		t.Errorf("%d of %d ingests linked in the commit, though every other hook failed", got, len(docs))
	}
	incremental, incMembers := snapshot(t, svc), memberRows(t, svc)
	if err := svc.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if rebuilt := snapshot(t, svc); !reflect.DeepEqual(incremental, rebuilt) {
		t.Errorf("after failed in-commit linking: %d incidents, a rebuild %d, and they differ", len(incremental), len(rebuilt))
	}
	if !reflect.DeepEqual(incMembers, memberRows(t, svc)) {
		t.Errorf("incident_members differ between fallback linking and a rebuild")
	}
}
