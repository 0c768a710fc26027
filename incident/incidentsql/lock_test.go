package incidentsql_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/incident/incidentsql"
	"github.com/sitrep/sitrep/store/storetest"
)

// On PostgreSQL a linker holds the lock of its documents' countries only:
// linking in another country goes ahead, linking in the same one waits.
func TestPostgresLinkersOfOtherCountriesDoNotWait(t *testing.T) {
	db := storetest.OpenPostgres(t)
	db.Store.Extractor = crowded{}
	svc := db.IncidentService()
	ctx := context.Background()
	for _, d := range []sitrep.Document{
		{ID: "c0", Source: "Outlet 1", Published: "2024-04-20", Title: "0 2 1 0 0", Text: "A strike on a market, officials said."},
		{ID: "c1", Source: "Outlet 2", Published: "2024-04-20", Title: "1 2 1 0 0", Text: "A strike on a convoy, officials said."},
	} {
		if _, err := db.Store.IngestDocument(ctx, &d); err != nil {
			t.Fatal(err)
		}
	}
	// Another process is linking in Country 0.
	tx, err := svc.W.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7387121, $1)", incidentsql.CountryHash("Country 0")); err != nil {
		t.Fatal(err)
	}

	other, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := svc.LinkDocument(other, "c1"); err != nil {
		t.Errorf("linking in Country 1 while Country 0 is locked: %v, want it done", err)
	}
	same, cancel2 := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel2()
	if err := svc.LinkDocument(same, "c0"); !errors.Is(err, context.DeadlineExceeded) && !errors.Is(same.Err(), context.DeadlineExceeded) {
		t.Errorf("linking in Country 0 while it is locked: %v, want it to wait", err)
	} else if err == nil {
		t.Errorf("linking in Country 0 finished while the country was locked")
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := svc.LinkDocument(ctx, "c0"); err != nil {
		t.Errorf("linking in Country 0 after the lock was released: %v", err)
	}
	for _, id := range []string{"c0", "c1"} {
		var n int
		if err := svc.R.QueryRowContext(ctx, "SELECT count(*) FROM incident_members WHERE doc_id = $1", id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("document %s is in %d incidents, want 1", id, n)
		}
	}
}
