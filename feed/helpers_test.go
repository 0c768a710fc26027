package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture returns testdata/name with {{base}} replaced by base, the URL of
// the test server that serves it.
func fixture(tb testing.TB, name, base string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return []byte(strings.ReplaceAll(string(data), "{{base}}", base))
}
