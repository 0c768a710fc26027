package feed

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
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
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			err = ErrNotFeed
		}
		return nil, &Error{Op: "parse feed", URL: feedURL, Err: err, Hint: "check that the URL points at the feed itself, not the site's home page"}
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
