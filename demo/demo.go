// Package demo ships the sample corpus `sitrep serve` loads into an empty
// database: the seed article plus original news-style reports from a dozen
// conflicts, several of them the same incident told by different outlets
// with different tolls, so a newcomer's dashboard shows incidents, disputed
// casualty figures and every event type on first start.
//
// Each file in articles/ is a small header of "key: value" lines (id, title,
// source, url, published), a blank line, then the article text.
package demo

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/sitrep/sitrep"
)

//go:embed articles/*.txt
var articles embed.FS

// Documents returns the demo corpus, ordered by file name.
func Documents() ([]sitrep.Document, error) {
	names, err := fs.Glob(articles, "articles/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	docs := make([]sitrep.Document, 0, len(names))
	for _, name := range names {
		b, err := articles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		d, err := Parse(path.Base(name), string(b))
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Parse reads one article file: header lines up to the first blank line,
// then the text. The id defaults to the file name without extension.
func Parse(name, s string) (sitrep.Document, error) {
	d := sitrep.Document{ID: strings.TrimSuffix(name, ".txt")}
	head, body, ok := strings.Cut(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n")
	if !ok {
		return d, fmt.Errorf("%s: no blank line between header and text", name)
	}
	sc := bufio.NewScanner(strings.NewReader(head))
	for line := 1; sc.Scan(); line++ {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			return d, fmt.Errorf("%s:%d: want \"key: value\", got %q", name, line, sc.Text())
		}
		v = strings.TrimSpace(v)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "id":
			d.ID = v
		case "title":
			d.Title = v
		case "source":
			d.Source = v
		case "url":
			d.URL = v
		case "published":
			d.Published = v
		default:
			return d, fmt.Errorf("%s:%d: unknown header %q", name, line, k)
		}
	}
	d.Text = strings.TrimSpace(body) + "\n"
	if err := d.Validate(); err != nil {
		return d, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}
