package lexicon

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Line is one entry of a dictionary file: its fields, trimmed, and the line
// number it came from so errors can point at it.
type Line struct {
	Num    int
	Fields []string
}

// ParseError says which file and line of a dictionary is wrong and why, so
// a user editing their own lexicon can fix it without reading Go.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Parse reads a line-oriented dictionary: one entry per line, fields
// separated by " | " (a bar with any surrounding spaces), "#" starting a
// comment that runs to the end of the line, blank lines ignored. Every
// file in this package uses this one format so users learn it once.
func Parse(r io.Reader, file string) ([]Line, error) {
	var out []Line
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		parts := strings.Split(s, "|")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		out = append(out, Line{Num: n, Fields: parts})
	}
	if err := sc.Err(); err != nil {
		return out, &ParseError{File: file, Line: n + 1, Msg: err.Error()}
	}
	return out, nil
}

// ParseBytes is Parse over an in-memory file.
func ParseBytes(b []byte, file string) ([]Line, error) { return Parse(bytes.NewReader(b), file) }

// splitList splits a "; "-separated list field, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
