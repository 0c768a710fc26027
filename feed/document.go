package feed

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
)

// ErrUnsupported is returned for a page that is neither HTML nor text:
// a PDF, an image, a video.
var ErrUnsupported = errors.New("unsupported content type")

// FetchArticle fetches one page and reads its article. A text/plain page is
// taken as it is; anything else is read as HTML.
func (c *Client) FetchArticle(ctx context.Context, rawURL string) (*Article, error) {
	resp, err := c.Get(ctx, rawURL, Conditional{})
	if err != nil {
		return nil, err
	}
	ct := resp.ContentType
	mt, _, _ := mime.ParseMediaType(ct)
	if mt == "" || mt == "application/octet-stream" || mt == "binary/octet-stream" {
		// Misconfigured servers label pages as bytes; look at them instead.
		ct = http.DetectContentType(resp.Body)
		mt, _, _ = mime.ParseMediaType(ct)
	}
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain":
	default:
		return nil, &Error{Op: "read article", URL: rawURL, Err: fmt.Errorf("%w: %s", ErrUnsupported, mt),
			Hint: "sitrep reads HTML and plain-text pages"}
	}
	if mt == "text/plain" {
		text, cs, err := decodeHTML(resp.Body, ct)
		if err != nil {
			return nil, &Error{Op: "read article", URL: rawURL, Err: err}
		}
		a := &Article{URL: CanonicalURL(resp.URL), Text: normalizePlain(string(text)), Charset: cs}
		if strings.TrimSpace(a.Text) == "" {
			return a, &Error{Op: "read article", URL: rawURL, Err: ErrNoArticle}
		}
		return a, nil
	}
	return ParseArticle(resp.Body, ct, resp.URL)
}

// normalizePlain gives plain text the same shape nodeText gives HTML:
// paragraphs separated by one blank line, line endings normalised.
func normalizePlain(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// Document turns the article into the document sitrep ingests. item is the
// feed entry that pointed at the page (nil for a page fetched on its own):
// its date is used when the page's metadata has none, and source names the
// outlet when the page does not.
func (a *Article) Document(item *Item, source string, fetched time.Time) *sitrep.Document {
	d := &sitrep.Document{
		ID:        DocumentID(a.URL),
		URL:       a.URL,
		Title:     a.Title,
		Source:    firstNonEmpty(a.SiteName, source, hostOf(a.URL)),
		Published: a.Published,
		Fetched:   fetched.UTC(),
		Text:      a.Text,
	}
	if item != nil {
		d.Title = firstNonEmpty(d.Title, item.Title)
		if d.Published == "" {
			d.Published = item.Published
		}
	}
	if d.Published == "" {
		d.Published = a.TimeElement
	}
	return d
}

// itemDocument is the document made from a feed item's own text, for items
// whose page cannot be fetched but whose feed carries the full story.
func itemDocument(it *Item, source string, fetched time.Time) *sitrep.Document {
	u := CanonicalURL(it.Link)
	return &sitrep.Document{
		ID:        DocumentID(firstNonEmpty(u, it.Key)),
		URL:       u,
		Title:     it.Title,
		Source:    firstNonEmpty(source, hostOf(u)),
		Published: it.Published,
		Fetched:   fetched.UTC(),
		Text:      withHeadline(it.Title, it.Text),
	}
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}
