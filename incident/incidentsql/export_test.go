package incidentsql

import (
	"context"
	"database/sql"
)

// CountryHash exposes the lock key of a country to the tests.
var CountryHash = countryHash

// LinkedInCommit counts the ingests s linked in their own commit.
func (s *LinkingStore) LinkedInCommit() int64 { return s.linkedInCommit.Load() }

// LinkBatchTx exposes the in-commit linking hook, so tests can wrap it.
func (s *LinkingStore) LinkBatchTx(ctx context.Context, tx *sql.Tx, docIDs []string) (func(bool), error) {
	return s.linkBatchTx(ctx, tx, docIDs)
}
