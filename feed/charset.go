package feed

import (
	"bytes"
	"io"

	"golang.org/x/net/html/charset"
)

// charsetReader decodes XML declared in a non-UTF-8 encoding
// (<?xml encoding="windows-1252"?>) for encoding/xml.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, r)
}

// decodeHTML returns body as UTF-8. The encoding is taken, in the order the
// HTML standard gives, from a byte-order mark, the Content-Type charset, a
// <meta charset> in the first 1024 bytes, and otherwise guessed: valid UTF-8
// stays UTF-8 and anything else is read as Windows-1252, the encoding that
// browsers assume for legacy Western pages (it is a superset of ISO-8859-1,
// which is why 0x93/0x94 become curly quotes).
func decodeHTML(body []byte, contentType string) ([]byte, string, error) {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		// Pages that say UTF-8 are not always; bad bytes become U+FFFD so
		// every later stage can rely on valid UTF-8.
		return bytes.ToValidUTF8(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), []byte("\uFFFD")), name, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, name, err
	}
	return out, name, nil
}
