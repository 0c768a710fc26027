package feed

import (
	"encoding/json"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page says about itself outside its body text.
type pageMeta struct {
	canonical   string
	title       string
	author      string
	siteName    string
	published   string // from meta tags or JSON-LD, normalised
	timeElement string // from the first <time datetime>, a weaker signal
	articleBody string // JSON-LD articleBody: the story as the publisher gives it to search engines
	byline      string // text of the first element marked as the author
}

// readMeta collects metadata from <link rel=canonical>, Open Graph and
// article meta tags, JSON-LD and <time datetime>. Publishers fill these in
// for search engines, so they are more reliable than anything in the text.
func readMeta(doc *html.Node, base *url.URL) pageMeta {
	var m pageMeta
	var ogURL string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if m.byline == "" && n.DataAtom != atom.Meta && n.DataAtom != atom.Link && isAuthorElement(n) {
				m.byline = cleanByline(textOf(n))
			}
			switch n.DataAtom {
			case atom.Link:
				if hasToken(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = resolve(base, attr(n, "href"))
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				if val == "" {
					break
				}
				switch key {
				case "og:url":
					if ogURL == "" {
						ogURL = resolve(base, val)
					}
				case "og:title", "twitter:title":
					if m.title == "" {
						m.title = val
					}
				case "og:site_name":
					if m.siteName == "" {
						m.siteName = val
					}
				case "author", "article:author", "dc.creator", "byl":
					if m.author == "" && !strings.HasPrefix(val, "http") {
						m.author = cleanByline(val)
					}
				case "article:published_time", "datepublished", "date", "pubdate", "publishdate",
					"dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date":
					if m.published == "" {
						m.published = NormalizeDate(val)
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					ld := readJSONLD(n.FirstChild.Data)
					if m.published == "" {
						m.published = ld.published
					}
					if m.author == "" {
						m.author = ld.author
					}
					if m.articleBody == "" {
						m.articleBody = ld.articleBody
					}
				}
			case atom.Time:
				if m.timeElement == "" {
					m.timeElement = NormalizeDate(firstNonEmpty(attr(n, "datetime"), textOf(n)))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.canonical == "" {
		m.canonical = ogURL
	}
	return m
}

type jsonLD struct{ published, author, articleBody string }

// readJSONLD finds datePublished and the author's name in a JSON-LD block,
// which may be one object, an array, or an object with an @graph.
func readJSONLD(src string) jsonLD {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return jsonLD{}
	}
	var out jsonLD
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				visit(e, depth+1)
			}
		case map[string]any:
			if s, ok := v["datePublished"].(string); ok && out.published == "" {
				out.published = NormalizeDate(s)
			}
			if out.author == "" {
				out.author = ldName(v["author"])
			}
			if s, ok := v["articleBody"].(string); ok && out.articleBody == "" {
				out.articleBody = s
			}
			if g, ok := v["@graph"]; ok {
				visit(g, depth+1)
			}
		}
	}
	visit(v, 0)
	return out
}

// ldName returns the name of a JSON-LD author: a string, a Person or a list.
func ldName(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		s, _ := v["name"].(string)
		return strings.TrimSpace(s)
	case []any:
		var names []string
		for _, e := range v {
			if n := ldName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}

func resolve(base *url.URL, ref string) string {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || ref == "" {
		return ""
	}
	u := base.ResolveReference(r)
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// isAuthorElement reports whether n is marked up as the author's name:
// rel="author", itemprop="author" or a class such as "author" or "byline".
func isAuthorElement(n *html.Node) bool {
	if hasToken(attr(n, "rel"), "author") || hasToken(attr(n, "itemprop"), "author") {
		return true
	}
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		switch c {
		case "author", "byline", "author-name", "byline-name", "fn":
			return true
		}
	}
	return false
}
