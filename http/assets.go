package http

import (
	"embed"
	"io/fs"
	"net/http"
)

// assets holds the dashboard: HTML, JS, CSS and vendored libraries, built
// ahead of time so the binary never needs the internet at run time.
//
//go:embed all:assets
var assets embed.FS

// assetHandler serves the embedded dashboard files.
func assetHandler() http.Handler {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory exists
	}
	return http.FileServer(http.FS(sub))
}
