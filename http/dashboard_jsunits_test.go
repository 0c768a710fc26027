package http_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestDashboardJSUnits runs the dashboard's JavaScript unit tests
// (web/test/*.test.mjs: byte-offset conversion on multibyte text, filters in
// the URL, clustering, timeline bins) with Node's test runner, so `go test`
// runs them too. Without node it skips, unless SITREP_REQUIRE_NODE=1.
func TestDashboardJSUnits(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("SITREP_REQUIRE_NODE") == "1" {
			t.Fatal("SITREP_REQUIRE_NODE=1 but node is not installed")
		}
		t.Skip("node is not installed; the dashboard's JavaScript unit tests need it")
	}
	files, err := filepath.Glob(filepath.Join("..", "web", "test", "*.test.mjs"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no JavaScript tests found in ../web/test: %v", err)
	}
	cmd := exec.Command(node, append([]string{"--test"}, files...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test failed: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
