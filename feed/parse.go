package feed

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Item is one entry of a feed, reduced to what ingest needs.
type Item struct {
	Key       string // identity within the feed: GUID, else link
	Link      string // absolute article URL
	Title     string
	Author    string
	Published string // YYYY-MM-DD or RFC 3339, "" when the feed does not say
	Text      string // the item's own content or summary as plain text
}

// Parsed is a feed as read from one fetch.
type Parsed struct {
	Title string
	Type  string // "rss", "atom" or "json"
	Items []Item
}

// ErrNotFeed is returned for a body that is not RSS, Atom or JSON Feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// ParseFeed parses an RSS 0.9x/1.0/2.0, Atom or JSON Feed document fetched
// from feedURL (used to resolve relative links). Items without a link or an
// ID are dropped: there is nothing to fetch or remember them by.
func ParseFeed(data []byte, feedURL string) (*Parsed, error) {
	base, err := url.Parse(feedURL)
	if err != nil {
		return nil, &Error{Op: "parse feed", URL: feedURL, Err: err}
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		hint := "check that the URL points at the feed itself, not the site's home page"
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			err = ErrNotFeed
			if alt := FeedLinks(data, base); len(alt) > 0 {
				hint = "this is a web page; it names its feed: " + strings.Join(alt, " ")
			}
		}
		return nil, &Error{Op: "parse feed", URL: feedURL, Err: err, Hint: hint}
	}
	out := &Parsed{Title: strings.TrimSpace(f.Title), Type: f.FeedType}
	seen := map[string]bool{}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		link := itemLink(it, base)
		key := strings.TrimSpace(it.GUID)
		if key == "" {
			key = link
		}
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		out.Items = append(out.Items, Item{
			Key:       key,
			Link:      link,
			Title:     htmlText(it.Title),
			Author:    itemAuthor(it),
			Published: itemDate(it),
			Text:      htmlText(firstNonEmpty(it.Content, it.Description)),
		})
	}
	return out, nil
}

// itemLink returns the item's absolute http(s) link. RSS items often carry
// the link only as a permalink GUID.
func itemLink(it *gofeed.Item, base *url.URL) string {
	cands := append([]string{it.Link}, it.Links...)
	if strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://") {
		cands = append(cands, it.GUID)
	}
	for _, c := range cands {
		if u := resolve(base, c); u != "" {
			return u
		}
	}
	return ""
}

func itemAuthor(it *gofeed.Item) string {
	var names []string
	for _, a := range it.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			names = append(names, strings.TrimSpace(a.Name))
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = it.DublinCoreExt.Creator
	}
	return strings.Join(names, ", ")
}

func itemDate(it *gofeed.Item) string {
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if t != nil && !t.IsZero() && t.Year() >= 1900 && t.Year() <= 2200 {
			return t.Format(time.RFC3339)
		}
	}
	return firstNonEmpty(NormalizeDate(it.Published), NormalizeDate(it.Updated))
}

// FeedLinks returns the feeds an HTML page advertises with
// <link rel="alternate" type="application/rss+xml" href=…> (or Atom, or
// JSON Feed), resolved against base: what to put in the feeds list when
// someone listed the site's home page.
func FeedLinks(page []byte, base *url.URL) []string {
	if len(page) > metaScanBytes {
		page = page[:metaScanBytes]
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Link && hasToken(attr(n, "rel"), "alternate") {
			switch strings.ToLower(strings.TrimSpace(attr(n, "type"))) {
			case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json":
				if u := resolve(base, attr(n, "href")); u != "" {
					out = append(out, u)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}
