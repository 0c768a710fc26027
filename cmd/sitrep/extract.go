package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/feed"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/lexicon"
)

func init() {
	register("extract", "extract conflict events from text, HTML or JSONL files as JSONL", func(stdin io.Reader, stdout, stderr io.Writer) Command {
		return &ExtractCommand{stdin: stdin, stdout: stdout, stderr: stderr}
	})
}

// ExtractCommand runs the extraction engine over files and prints one
// event per line.
type ExtractCommand struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

const extractSynopsis = "extract [--published YYYY-MM-DD] [--lexicon DIR] [FILE ... | -]"

// Run implements Command.
func (c *ExtractCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("extract", extractSynopsis, c.stderr)
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for documents that do not give one; resolves \"on Friday\", \"June 1\"")
	lexDir := fs.String("lexicon", "", "directory of dictionary files added on top of the embedded ones")
	noGeo := fs.Bool("no-gazetteer", false, "do not geocode places (faster; country from names in the text)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *published != "" {
		if _, _, err := sitrep.ParseDate(*published); err != nil {
			return &UsageError{Msg: fmt.Sprintf("--published: %s", sitrep.ErrorMessage(err))}
		}
	}
	ex, err := buildEngine(*lexDir, !*noGeo)
	if err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	failed := 0
	for _, f := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		err := readDocuments(f, c.stdin, *published, func(doc *sitrep.Document, where string) {
			evs, err := safeExtract(ex, doc)
			if err != nil {
				failed++
				fmt.Fprintf(c.stderr, "sitrep: %s: %s\n", where, sitrep.ErrorMessage(err))
				return
			}
			for i := range evs {
				_ = enc.Encode(&evs[i])
			}
		}, func(err error) {
			failed++
			fmt.Fprintf(c.stderr, "sitrep: %v\n", err)
		})
		if err != nil {
			failed++
			fmt.Fprintf(c.stderr, "sitrep: %v\n", err)
		}
	}
	if failed > 0 {
		out.Flush()
		return fmt.Errorf("%d input(s) could not be read; the others were processed", failed)
	}
	return nil
}

// buildEngine compiles the engine with the user's dictionaries on top of
// the embedded ones and, when geo is set, the embedded gazetteer.
func buildEngine(lexDir string, geo bool) (*extract.Engine, error) {
	lex, err := lexicon.Load(lexDir)
	if err != nil {
		return nil, err
	}
	opts := extract.Options{Lexicon: lex}
	if geo {
		g, err := gazetteer.Default()
		if err != nil {
			return nil, fmt.Errorf("load gazetteer: %w", err)
		}
		opts.Geoparser = g
		// opts.CountryCode (a GeoHint from the countries the text names) is
		// left unset: on the dev set it lowered location accuracy from 0.760
		// to 0.745, since a named country is often an actor's, not the place.
	}
	return extract.New(opts)
}

// jsonDoc is one line of a JSONL input.
type jsonDoc struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Source    string `json:"source"`
}

// readDocuments reads the documents of one input and calls fn for each.
// name "-" is stdin (JSONL when it starts with "{", else one text). A bad
// JSONL line is reported through bad and the next lines are still read;
// the returned error is for an input that could not be read at all.
func readDocuments(name string, stdin io.Reader, published string, fn func(doc *sitrep.Document, where string), bad func(error)) error {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReaderSize(r, 1<<16)
	ext := strings.ToLower(filepath.Ext(name))
	if name == "-" {
		if b, _ := br.Peek(1); len(b) == 1 && b[0] == '{' {
			ext = ".jsonl"
		}
	}
	id := filepath.Base(name)
	if name == "-" {
		id = "stdin"
	}
	switch ext {
	case ".jsonl", ".ndjson":
		return readJSONL(name, br, published, fn, bad)
	case ".html", ".htm":
		body, err := io.ReadAll(br)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		doc, err := htmlDocument(body, name, published)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		doc.ID = id
		fn(doc, name)
	default:
		b, err := io.ReadAll(br)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fn(&sitrep.Document{ID: id, Text: string(b), Published: published}, name)
	}
	return nil
}

// readJSONL reads one document per line. Lines may be long (a whole
// article), so the scanner's buffer grows up to 64 MiB.
func readJSONL(name string, r io.Reader, published string, fn func(*sitrep.Document, string), bad func(error)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, line)
		doc, err := parseJSONDoc(b, published)
		if err != nil {
			bad(fmt.Errorf("%s: %v", where, err))
			continue
		}
		if doc.ID == "" {
			doc.ID = fmt.Sprintf("%s:%d", filepath.Base(name), line)
		}
		fn(doc, where)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return nil
}

// parseJSONDoc decodes one JSONL line into a valid document.
func parseJSONDoc(b []byte, published string) (*sitrep.Document, error) {
	var j jsonDoc
	if err := json.Unmarshal(b, &j); err != nil {
		return nil, fmt.Errorf("malformed JSON: %v", err)
	}
	doc := &sitrep.Document{ID: j.ID, Text: j.Text, Published: j.Published, Title: j.Title, URL: j.URL, Source: j.Source}
	if doc.Published == "" {
		doc.Published = published
	}
	if doc.Title != "" && !strings.HasPrefix(doc.Text, doc.Title) {
		doc.Text = doc.Title + "\n\n" + doc.Text
	}
	if err := doc.Validate(); err != nil {
		return nil, fmt.Errorf("%s", sitrep.ErrorMessage(err))
	}
	return doc, nil
}

// htmlDocument reads a saved web page: the feed package's article reader
// keeps the story and drops menus and adverts, and gives the title and
// publication date; a page it finds no article in falls back to all its
// visible text. published, when set, overrides the page's date.
func htmlDocument(body []byte, name, published string) (*sitrep.Document, error) {
	pageURL := "file:///" + filepath.ToSlash(strings.TrimPrefix(name, "/"))
	if art, err := feed.ParseArticle(body, "", pageURL); err == nil {
		doc := &sitrep.Document{Title: art.Title, Text: art.Text, Published: art.Published, Source: art.SiteName}
		if art.Title != "" && !strings.HasPrefix(art.Text, art.Title) {
			doc.Text = art.Title + "\n\n" + art.Text
		}
		if published != "" || doc.Published != "" && doc.Validate() != nil {
			doc.Published = published
		}
		return doc, nil
	}
	txt, err := htmlText(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return &sitrep.Document{Text: txt, Published: published}, nil
}

// htmlText returns the visible text of an HTML page, one block element per
// paragraph, without scripts and styles.
func htmlText(r io.Reader) (string, error) {
	root, err := html.Parse(r)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "head", "nav", "footer":
				if n.Data != "head" {
					return
				}
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(strings.Join(strings.Fields(n.Data), " "))
			if strings.TrimSpace(n.Data) != "" {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "p", "div", "h1", "h2", "h3", "h4", "li", "br", "title", "article", "section", "blockquote", "tr":
				b.WriteString("\n\n")
			}
		}
	}
	walk(root)
	lines := strings.Split(b.String(), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	txt := strings.Join(lines, "\n")
	for strings.Contains(txt, "\n\n\n") {
		txt = strings.ReplaceAll(txt, "\n\n\n", "\n\n")
	}
	return strings.TrimSpace(txt), nil
}

// safeExtract turns a panic inside the engine or the gazetteer into an
// error for that one document, so the other documents are still processed.
func safeExtract(ex sitrep.Extractor, doc *sitrep.Document) (evs []sitrep.Event, err error) {
	defer func() {
		if r := recover(); r != nil {
			evs, err = nil, sitrep.Errorf(sitrep.EINTERNAL, "internal error extracting %q: %v", doc.ID, r)
		}
	}()
	return ex.Extract(doc)
}
