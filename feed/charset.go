package feed

import (
	"bytes"
	"io"
	"mime"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// charsetReader decodes XML declared in a non-UTF-8 encoding
// (<?xml encoding="windows-1252"?>) for encoding/xml.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, r)
}

// metaScanBytes is how far into a page decodeHTML looks for a <meta>
// charset that the standard's 1024-byte prescan missed: pages whose head
// opens with long inline scripts declare it later.
const metaScanBytes = 64 << 10

// decodeHTML returns body as valid UTF-8 and the name of the encoding it
// was read in. The encoding comes, in the order the HTML standard gives,
// from a byte-order mark, the Content-Type charset and a <meta charset> in
// the first 1024 bytes; failing those, from a <meta> further into the head
// (legacy Arabic and Cyrillic sites often declare windows-1256 or
// windows-1251 after kilobytes of scripts); and only then is it guessed:
// valid UTF-8 stays UTF-8 and anything else is read as Windows-1252, the
// superset of ISO-8859-1 that browsers assume (so 0x93/0x94 become curly
// quotes).
func decodeHTML(body []byte, contentType string) ([]byte, string, error) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain {
		if label := lateMetaCharset(body); label != "" {
			if e, n := charset.Lookup(label); e != nil {
				enc, name = e, n
			}
		}
	}
	if name == "utf-8" {
		// Pages that say UTF-8 are not always; bad bytes become U+FFFD so
		// every later stage can rely on valid UTF-8.
		return bytes.ToValidUTF8(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), []byte("\uFFFD")), name, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, name, err
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), name, nil
}

// lateMetaCharset returns the charset of the first <meta charset> or
// <meta http-equiv="Content-Type"> within metaScanBytes, or "".
func lateMetaCharset(body []byte) string {
	if len(body) > metaScanBytes {
		body = body[:metaScanBytes]
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return "" // the declaration belongs in the head
			case atom.Meta:
				var cs, equiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch strings.ToLower(string(k)) {
					case "charset":
						cs = string(v)
					case "http-equiv":
						equiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
				}
				if cs != "" {
					return strings.TrimSpace(cs)
				}
				if equiv == "content-type" {
					if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
						return params["charset"]
					}
				}
			}
		}
	}
}
