// Package sitrep holds the domain of sitrep: documents read from the news,
// the conflict events extracted from them, the places and incidents they refer
// to, and the interfaces of the services that extract, store and serve them.
//
// The package has no dependencies beyond the standard library. Implementations
// live in sibling packages named after what they depend on (text, gazetteer,
// when, extract, incident, store/sqlite, store/postgres, http, feed, eval), and
// cmd/sitrep wires them together.
package sitrep

import (
	"errors"
	"fmt"
)

// Error codes shared by every service. The http package maps each code to
// one HTTP status in a single table; the CLI maps them to exit codes.
const (
	ECONFLICT       = "conflict"
	EINTERNAL       = "internal"
	EINVALID        = "invalid"
	ENOTFOUND       = "not_found"
	EUNAUTHORIZED   = "unauthorized"
	ENOTIMPLEMENTED = "not_implemented"
)

// Error is an application error with a machine-readable code and a message
// fit to show to the user. Internal details stay in wrapped errors and logs.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("sitrep error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code string, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic message for internal errors so their details never reach a client.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}
