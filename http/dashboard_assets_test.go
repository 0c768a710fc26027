package http

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAssetHandler(t *testing.T) {
	h := assetHandler()
	get := func(path string, hdr map[string]string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodGet, path, nil)
		for k, v := range hdr {
			r.Header.Set(k, v)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}

	t.Run("the root serves the dashboard page, with a shared query string", func(t *testing.T) {
		w := get("/?country=Syria&from=2022-01-01", nil)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `<script type="module" src="js/app.js">`) {
			t.Fatalf("GET / = %d, body starts %.80q", w.Code, w.Body.String())
		}
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
			t.Errorf("Content-Type = %q, want text/html", ct)
		}
	})

	t.Run("modules are served as JavaScript, which browsers require", func(t *testing.T) {
		w := get("/js/app.js", nil)
		if ct := w.Header().Get("Content-Type"); w.Code != http.StatusOK || !strings.Contains(ct, "javascript") {
			t.Errorf("GET /js/app.js = %d %q", w.Code, ct)
		}
	})

	t.Run("a revalidation with the ETag gets 304 and no body", func(t *testing.T) {
		first := get("/vendor/world-atlas/countries-50m.json", nil)
		etag := first.Header().Get("ETag")
		if first.Code != http.StatusOK || etag == "" || first.Body.Len() < 100000 {
			t.Fatalf("first GET = %d, ETag %q, %d bytes", first.Code, etag, first.Body.Len())
		}
		again := get("/vendor/world-atlas/countries-50m.json", map[string]string{"If-None-Match": etag})
		if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
			t.Errorf("revalidation = %d with %d bytes, want 304 and none", again.Code, again.Body.Len())
		}
		if other := get("/js/app.js", nil).Header().Get("ETag"); other == etag {
			t.Errorf("two different files share the ETag %s", etag)
		}
	})

	t.Run("unknown files, directories and escapes are not found", func(t *testing.T) {
		for _, p := range []string{"/nope.js", "/js/", "/../assets.go", "/vendor"} {
			if w := get(p, nil); w.Code != http.StatusNotFound {
				t.Errorf("GET %s = %d, want 404", p, w.Code)
			}
		}
	})

	t.Run("writes are refused", func(t *testing.T) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/", nil))
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("POST / = %d, want 405", w.Code)
		}
	})
}

// TestVendoredLibrariesMatchLockfile catches a package.json bump that was
// not followed by `npm ci && npm run vendor` in web/: the embedded copies
// must be the versions the lockfile pins.
func TestVendoredLibrariesMatchLockfile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "web", "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(b, &lock); err != nil {
		t.Fatalf("web/package-lock.json: %v", err)
	}
	versions, err := assets.ReadFile("assets/vendor/VERSIONS.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"leaflet", "topojson-client", "world-atlas"} {
		p, ok := lock.Packages["node_modules/"+name]
		if !ok {
			t.Errorf("web/package-lock.json does not pin %s", name)
			continue
		}
		if want := name + "@" + p.Version + " "; !strings.Contains(string(versions), want) {
			t.Errorf("http/assets/vendor/VERSIONS.txt lacks %q; run `npm ci && npm run vendor` in web/", strings.TrimSpace(want))
		}
	}
}
