package http

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/sitrep/sitrep"
)

// requireToken wraps a write handler: the request must carry
// "Authorization: Bearer <Server.Token>".
func (s *Server) requireToken(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := s.checkToken(r); err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
			s.Error(w, r, err)
			return
		}
		h(w, r)
	}
}

func (s *Server) checkToken(r *http.Request) error {
	if s.Token == "" {
		return sitrep.Errorf(sitrep.EUNAUTHORIZED, "this server has no API token configured; set SITREP_TOKEN")
	}
	auth := r.Header.Get("Authorization")
	got, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || got == "" {
		return sitrep.Errorf(sitrep.EUNAUTHORIZED, "missing bearer token: send Authorization: Bearer $SITREP_TOKEN")
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.Token)) != 1 {
		return sitrep.Errorf(sitrep.EUNAUTHORIZED, "invalid token")
	}
	return nil
}

// RequireToken exposes the token check to route hooks in other files.
func (s *Server) RequireToken(h http.HandlerFunc) http.HandlerFunc { return s.requireToken(h) }
