package http

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// assets holds the dashboard: HTML, JS, CSS and vendored libraries, built
// ahead of time so the binary never needs the internet at run time.
//
//go:embed all:assets
var assets embed.FS

// assetHandler serves the embedded dashboard files. Embedded files have no
// modification time, so each response carries an ETag made from the file's
// content: a browser revalidates with If-None-Match and gets 304 instead of
// downloading the basemap and libraries again, and a new binary with
// changed files is never served from a stale cache.
func assetHandler() http.Handler {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory exists
	}
	return &assetServer{files: sub, etags: map[string]string{}}
}

type assetServer struct {
	files fs.FS
	mu    sync.Mutex
	etags map[string]string // file name → quoted ETag, computed on first request
}

func (a *assetServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	f, err := a.files.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		http.Error(w, "asset not seekable", http.StatusInternalServerError)
		return
	}
	etag, err := a.etag(name, rs)
	if err != nil {
		http.Error(w, "read asset", http.StatusInternalServerError)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "no-cache") // always revalidate; 304s are cheap
	http.ServeContent(w, r, name, time.Time{}, rs)
}

func (a *assetServer) etag(name string, rs io.ReadSeeker) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if e, ok := a.etags[name]; ok {
		return e, nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, rs); err != nil {
		return "", err
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	e := `"` + hex.EncodeToString(h.Sum(nil))[:20] + `"`
	a.etags[name] = e
	return e, nil
}
