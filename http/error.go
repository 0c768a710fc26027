package http

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/sitrep/sitrep"
)

// codes maps sitrep error codes to HTTP statuses: the one place this
// translation happens.
var codes = map[string]int{
	sitrep.ECONFLICT:       http.StatusConflict,
	sitrep.EINVALID:        http.StatusBadRequest,
	sitrep.ENOTFOUND:       http.StatusNotFound,
	sitrep.EUNAUTHORIZED:   http.StatusUnauthorized,
	sitrep.ENOTIMPLEMENTED: http.StatusNotImplemented,
	sitrep.EINTERNAL:       http.StatusInternalServerError,
}

// ErrorStatus returns the HTTP status for a sitrep error code.
func ErrorStatus(code string) int {
	if s, ok := codes[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// Error writes err as {"error": message} with the status of its code.
// Internal errors are logged with the request and answered with a generic
// message, so no SQL or file path ever reaches a client. A body over the
// size limit answers 413.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{
			"error": "request body larger than the limit of " + byteSize(tooLarge.Limit)})
		return
	}
	code, msg := sitrep.ErrorCode(err), sitrep.ErrorMessage(err)
	if code == sitrep.EINTERNAL {
		s.Logger.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, ErrorStatus(code), map[string]string{"error": msg})
}

// NotImplemented answers 501 for an optional service this server was
// started without (feeds, incidents, jobs).
func (s *Server) NotImplemented(w http.ResponseWriter, r *http.Request, what string) {
	s.Error(w, r, sitrep.Errorf(sitrep.ENOTIMPLEMENTED, "%s is not enabled on this server", what))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// WriteJSON writes v as a 200 JSON response; for handlers in other files.
func WriteJSON(w http.ResponseWriter, v any) { writeJSON(w, http.StatusOK, v) }

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return itoa(n>>20) + " MB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return itoa(n>>10) + " KB"
	}
	return itoa(n) + " bytes"
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
