package sqlite_test

import (
	"testing"

	"github.com/sitrep/sitrep/store/sqldb"
	"github.com/sitrep/sitrep/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) *sqldb.Store { return storetest.OpenSQLite(tb).Store })
}
