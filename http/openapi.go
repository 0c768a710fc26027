package http

import (
	_ "embed"
	"net/http"
)

// openapi describes the API; the dashboard and external clients are built
// against it, and a test checks every route it lists is served.
//
//go:embed openapi.json
var openapi []byte

func handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openapi)
}
