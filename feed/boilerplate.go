package feed

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// boilerplateTokens are class or id words that mark page furniture around
// an article. readability scores blocks by text density and can still pull
// in an advert or a cookie banner that sits next to the story; removing
// these first keeps them out of the text events are extracted from.
var boilerplateTokens = map[string]bool{
	"ad": true, "ads": true, "advert": true, "advertisement": true, "adslot": true,
	"sponsored": true, "sponsor": true, "promo": true, "outbrain": true, "taboola": true,
	"cookie": true, "cookies": true, "consent": true, "gdpr": true,
	"newsletter": true, "signup": true, "paywall": true, "subscribe": true,
	"share": true, "sharing": true, "social": true,
	"related": true, "recommended": true, "most-read": true, "mostread": true,
	"comment": true, "comments": true, "disqus": true,
	"sidebar": true, "byline": true, "widget": true, "masthead": true,
	"meta": true, "footer": true, "tags": true, "breadcrumb": true, "breadcrumbs": true,
	"menu": true, "nav": true, "navigation": true,
}

// stripBoilerplate removes elements whose class or id names them as page
// furniture. An element that holds the story itself — <article>, <main>,
// <body>, or anything containing an <h1> or <article> — is kept whatever
// its class says: "post has-comments" wraps the article it names.
func stripBoilerplate(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && isBoilerplate(c) {
			n.RemoveChild(c)
		} else {
			stripBoilerplate(c)
		}
		c = next
	}
}

func isBoilerplate(n *html.Node) bool {
	if n.DataAtom == atom.Time {
		// A <time> alone in its block is a date stamp, not a sentence;
		// its date is in the metadata (TimeElement). Inside a sentence
		// ("… on <time>Monday</time>") it stays.
		return n.Parent != nil && (textOf(n.Parent) == textOf(n) || standsAlone(n))
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Head, atom.Article, atom.Main, atom.H1:
		return false
	}
	if !hasBoilerplateToken(attr(n, "class")) && !hasBoilerplateToken(attr(n, "id")) {
		return false
	}
	return !containsStory(n)
}

func hasBoilerplateToken(s string) bool {
	if s == "" {
		return false
	}
	s = strings.ToLower(s)
	for _, f := range strings.Fields(s) {
		if boilerplateTokens[f] {
			return true
		}
		for _, part := range strings.FieldsFunc(f, func(r rune) bool { return r == '-' || r == '_' }) {
			if boilerplateTokens[part] {
				return true
			}
		}
	}
	return false
}

func containsStory(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.H1 || c.DataAtom == atom.Article || c.DataAtom == atom.Main) {
			return true
		}
		if containsStory(c) {
			return true
		}
	}
	return false
}

// standsAlone reports whether n sits between blocks rather than inside a
// run of text: its nearest non-blank siblings are block elements or none.
func standsAlone(n *html.Node) bool {
	isBreak := func(c *html.Node) bool {
		for ; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" || c.Type == html.CommentNode {
				continue
			}
			return c.Type == html.ElementNode && blockAtoms[c.DataAtom]
		}
		return true
	}
	isBreakBack := func(c *html.Node) bool {
		for ; c != nil; c = c.PrevSibling {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" || c.Type == html.CommentNode {
				continue
			}
			return c.Type == html.ElementNode && blockAtoms[c.DataAtom]
		}
		return true
	}
	return isBreak(n.NextSibling) && isBreakBack(n.PrevSibling)
}
