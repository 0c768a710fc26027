package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
)

// Source is one feed to poll, as listed in a feeds file.
type Source struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"` // from OPML; "" for plain lists
	Line  int    `json:"line,omitempty"`  // where it was listed, for error messages
}

// ReadList reads a feeds file: OPML, or plain text with one URL per line.
// Bad entries are reported in the returned error together with their line,
// and every good entry is still returned.
func ReadList(path string) ([]Source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Op: "read list", Path: path, Err: err}
	}
	return ParseList(path, data)
}

// ParseList parses a feeds list. name is used in error messages only. An
// OPML document is recognised by its leading '<'; anything else is read as
// one URL per line, with blank lines and '#' comments ignored. Duplicate URLs
// are listed once.
func ParseList(name string, data []byte) ([]Source, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '<' {
		return parseOPML(name, data)
	}
	return parseTextList(name, data)
}

func parseTextList(name string, data []byte) ([]Source, error) {
	var (
		out  []Source
		errs []error
		seen = map[string]bool{}
	)
	for i, line := range strings.Split(string(data), "\n") {
		if j := strings.Index(line, "#"); j >= 0 && (j == 0 || line[j-1] == ' ' || line[j-1] == '\t') {
			line = line[:j] // a '#' inside a URL is a fragment, not a comment
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		u, err := checkFeedURL(line)
		if err != nil {
			errs = append(errs, &Error{Op: "read list", Path: name, Line: i + 1, Err: err, Hint: "one http(s) URL per line; '#' starts a comment"})
			continue
		}
		if !seen[u] {
			seen[u] = true
			out = append(out, Source{URL: u, Line: i + 1})
		}
	}
	return out, errors.Join(errs...)
}

// opmlOutline is an OPML <outline>; feeds carry xmlUrl, folders nest.
type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr"`
	XMLURL   string        `xml:"xmlUrl,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Body    []opmlOutline `xml:"body>outline"`
}

func parseOPML(name string, data []byte) ([]Source, error) {
	var doc opmlDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charsetReader
	if err := dec.Decode(&doc); err != nil {
		line := 0
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			line = se.Line
		}
		return nil, &Error{Op: "read OPML", Path: name, Line: line, Err: err}
	}
	var (
		out  []Source
		errs []error
		seen = map[string]bool{}
	)
	var walk func([]opmlOutline)
	walk = func(os []opmlOutline) {
		for _, o := range os {
			if o.XMLURL != "" {
				u, err := checkFeedURL(o.XMLURL)
				if err != nil {
					errs = append(errs, &Error{Op: "read OPML", Path: name, Err: fmt.Errorf("outline %q: %w", o.Text, err)})
				} else if !seen[u] {
					seen[u] = true
					title := o.Title
					if title == "" {
						title = o.Text
					}
					out = append(out, Source{URL: u, Title: title})
				}
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body)
	if len(out) == 0 && len(errs) == 0 {
		errs = append(errs, &Error{Op: "read OPML", Path: name, Err: errors.New("no <outline xmlUrl=…> entries")})
	}
	return out, errors.Join(errs...)
}

// checkFeedURL returns u if it is an absolute http(s) URL.
func checkFeedURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("invalid URL %q", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("not an http(s) URL: %q", s)
	}
	return u.String(), nil
}
