package incidentsql_test

import (
	"context"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/sitrep/sitrep/incident/incidentsql"
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
			ctx := context.Background()
			docs := crowdedDocs(150)
			var wg sync.WaitGroup
			errs := make(chan error, len(docs))
			var next atomic.Int64
			for range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := next.Add(1) - 1; i < int64(len(docs)); i = next.Add(1) - 1 {
						if _, err := store.IngestDocument(ctx, &docs[i]); err != nil {
							errs <- err
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			if name == "sqlite" {
				if got := store.LinkedInCommit(); got == 0 {
					t.Errorf("no ingest of %d was linked in its commit", len(docs))
				}
			}
			incremental, incMembers := snapshot(t, b.inc), memberRows(t, b.inc)
			if err := b.inc.Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			batch, batchMembers := snapshot(t, b.inc), memberRows(t, b.inc)
			if !reflect.DeepEqual(incremental, batch) {
				t.Errorf("linking in the commit gives %d incidents, a rebuild %d, and they differ", len(incremental), len(batch))
			}
			if !reflect.DeepEqual(incMembers, batchMembers) {
				t.Errorf("incident_members differ between linking in the commit and a rebuild")
			}
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
			incremental, incMembers := snapshot(t, b.inc), memberRows(t, b.inc)
			if err := b.inc.Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			rebuilt, rebuiltMembers := snapshot(t, b.inc), memberRows(t, b.inc)
			if !reflect.DeepEqual(incremental, rebuilt) {
				t.Errorf("re-extracting with linking in the commit gives %d incidents, a rebuild %d, and they differ", len(incremental), len(rebuilt))
			}
			if !reflect.DeepEqual(incMembers, rebuiltMembers) {
				t.Errorf("incident_members differ between linking in the commit and a rebuild")
			}
		})
	}
}
