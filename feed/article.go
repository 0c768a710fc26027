package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// Article is what sitrep reads from one news web page.
type Article struct {
	URL       string // canonical URL: <link rel=canonical>, og:url, or the fetched URL
	Title     string
	Author    string
	SiteName  string
	Published string // from meta tags or JSON-LD: YYYY-MM-DD or RFC 3339, "" when absent
	// TimeElement is the first <time datetime> on the page: a weaker date
	// than Published, since it may date a comment or a related story.
	TimeElement string
	Text        string // main text, paragraphs separated by blank lines
	Charset     string // the encoding the page was decoded from
}

// maxElems bounds the work readability does on one page; real articles
// stay far below it, a generated or hostile page does not get to.
const maxElems = 100000

// minArticleText is the least text, in bytes, that counts as an article.
// readability falls back to the whole body when it finds no story, which
// on a gallery or index page leaves only menu words; the shortest news
// brief is a sentence or two, longer than this.
const minArticleText = 80

// ErrNoArticle is returned for a page with no readable main text.
var ErrNoArticle = errors.New("no article text found on the page")

// ParseArticle reads an HTML page fetched from pageURL. contentType is the
// response's Content-Type header ("" when unknown); it and the page itself
// decide the character encoding. Only the main text reaches Text:
// navigation, adverts, comments and related-link boxes are left out.
func ParseArticle(body []byte, contentType, pageURL string) (*Article, error) {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil, &Error{Op: "read article", URL: pageURL, Err: err}
	}
	utf8Body, cs, err := decodeHTML(body, contentType)
	if err != nil {
		return nil, &Error{Op: "read article", URL: pageURL, Err: fmt.Errorf("decode %s: %w", cs, err)}
	}
	doc, err := html.Parse(bytes.NewReader(utf8Body))
	if err != nil {
		return nil, &Error{Op: "read article", URL: pageURL, Err: err}
	}
	meta := readMeta(doc, base)
	stripBoilerplate(doc)

	p := readability.NewParser()
	p.MaxElemsToParse = maxElems
	art, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return nil, &Error{Op: "read article", URL: pageURL, Err: err}
	}
	a := &Article{
		URL:       meta.canonical,
		Title:     firstNonEmpty(meta.title, art.Title()),
		Author:    firstNonEmpty(meta.author, cleanByline(art.Byline()), meta.byline),
		SiteName:  firstNonEmpty(meta.siteName, art.SiteName()),
		Published: meta.published,
		Charset:   cs,
	}
	if a.URL == "" || isHomePage(a.URL) && !isHomePage(base.String()) {
		// Some sites point every article's canonical link at their home
		// page; trusting it would make all their stories one document.
		a.URL = base.String()
	}
	a.URL = CanonicalURL(a.URL)
	if art.Node != nil {
		a.Text = nodeText(art.Node)
	}
	if ld := ldText(meta.articleBody); len(ld) > 2*len(a.Text) {
		// The page builds its story with JavaScript, or readability found
		// only a fragment; the publisher's own copy for search engines
		// is the better text.
		a.Text = ld
	}
	bodyLen := len(a.Text)
	a.Text = withHeadline(a.Title, a.Text)
	if a.Published == "" {
		if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
			a.Published = formatDate(t, true)
		}
	}
	a.TimeElement = meta.timeElement
	if bodyLen < minArticleText {
		return a, &Error{Op: "read article", URL: pageURL, Err: ErrNoArticle}
	}
	return a, nil
}

// ldText renders a JSON-LD articleBody, which publishers write as plain
// text or, now and then, as HTML.
func ldText(s string) string {
	if strings.Contains(s, "</p>") || strings.Contains(s, "<br") {
		return htmlText(s)
	}
	return normalizePlain(s)
}

// withHeadline puts the headline first, as the seed article and most
// wire copy have it: headlines state the main event ("Shelling kills four
// in Taiz market") and extraction reads them with the body. Nothing is
// added when the text already starts with it.
func withHeadline(title, text string) string {
	title = strings.TrimSpace(title)
	if title == "" || text == "" || strings.HasPrefix(text, title) {
		return text
	}
	return title + "\n\n" + text
}

// firstNonEmpty returns the first of ss that is not blank, trimmed.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// cleanByline drops the "By " that bylines usually start with, and
// returns "" for what is not a name: readability takes a lone dateline
// such as "7 February 2022" for a byline, and a long one is a sentence.
func cleanByline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{"By ", "by ", "BY "} {
		s = strings.TrimPrefix(s, p)
	}
	if NormalizeDate(s) != "" || len(s) > 100 {
		return ""
	}
	return s
}

// CanonicalURL normalises u so that the same article reached by two links
// gets one ID: the fragment and utm_* tracking parameters are dropped and
// the scheme and host lower-cased.
func CanonicalURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return strings.TrimSpace(u)
	}
	p.Scheme = strings.ToLower(p.Scheme)
	p.Host = strings.ToLower(p.Host)
	p.Fragment, p.RawFragment = "", ""
	if p.RawQuery != "" {
		q := p.Query()
		for k := range q {
			if lk := strings.ToLower(k); strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" {
				q.Del(k)
			}
		}
		p.RawQuery = q.Encode()
	}
	return p.String()
}

// isHomePage reports whether u is a site's root, "https://host/".
func isHomePage(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Path == "" || p.Path == "/") && p.RawQuery == ""
}

// DocumentID is the stable ID of the document at canonical URL u: the
// first 128 bits of its SHA-256, in hex.
func DocumentID(u string) string {
	sum := sha256.Sum256([]byte(CanonicalURL(u)))
	return hex.EncodeToString(sum[:16])
}
