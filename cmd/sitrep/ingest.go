package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/feed"
)

func init() {
	register("ingest", "extract and store documents from files, directories or URLs",
		func(stdin io.Reader, stdout, stderr io.Writer) Command {
			return &IngestCommand{stdout: stdout, stderr: stderr}
		})
}

// fetchURL downloads one article. The feed package sets it; nil means this
// build cannot ingest URLs.
var fetchURL func(ctx context.Context, url string) (*sitrep.Document, error)

// IngestCommand runs `sitrep ingest`.
type IngestCommand struct {
	stdout, stderr io.Writer
}

// IngestError is one input that could not be stored, with where it came
// from (file, file:line or URL).
type IngestError struct {
	Where string `json:"where"`
	Error string `json:"error"`
}

// IngestSummary is what `sitrep ingest -json` prints.
type IngestSummary struct {
	Documents     int           `json:"documents"` // inputs read
	Ingested      int           `json:"ingested"`
	Duplicates    int           `json:"duplicates"`
	Reextracted   int           `json:"reextracted"`
	Failed        int           `json:"failed"`
	Events        int           `json:"events"`
	Linking       string        `json:"linking"` // "each" or "rebuild"
	Seconds       float64       `json:"seconds"` // including incident linking
	DocsPerSecond float64       `json:"docs_per_second"`
	Errors        []IngestError `json:"errors"`
}

// Run ingests every argument. A bad input is reported and the others are
// still stored; the command fails if any input did.
func (c *IngestCommand) Run(ctx context.Context, args []string) error {
	m := NewApp(c.stdout, c.stderr)
	fs := newFlagSet("ingest", "ingest [--data DIR | --db postgres://…] [--reextract] [-json] FILE|DIR|URL…", c.stderr)
	m.storeFlags(fs)
	reextract := fs.Bool("reextract", false, "re-run extraction on documents already stored (with no arguments: every document extracted by another build)")
	asJSON := fs.Bool("json", false, "print a JSON summary on stdout")
	quiet := fs.Bool("quiet", false, "no progress bar")
	workers := fs.Int("workers", 4*runtime.GOMAXPROCS(0), "documents ingested in parallel (extraction uses the CPUs while others wait on commits)")
	link := fs.String("link", "auto", "incident linking: each (after every document), rebuild (once, over the whole database, at the end) or auto (rebuild when the input is at least as large as the database)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && !*reextract {
		fs.Usage()
		return &UsageError{Msg: "ingest needs at least one FILE, DIR or URL"}
	}
	if *workers < 1 {
		return &UsageError{Msg: "-workers must be at least 1"}
	}
	if *link != "auto" && *link != "each" && *link != "rebuild" {
		return &UsageError{Msg: fmt.Sprintf("-link %q: want auto, each or rebuild", *link)}
	}
	inputs, err := expandIngestArgs(fs.Args())
	if err != nil {
		return err
	}
	if err := m.Open(ctx); err != nil {
		return err
	}
	defer m.Close()

	ing := &ingester{app: m, reextract: *reextract, workers: *workers}
	var total int
	if len(inputs) == 0 { // --reextract alone: every stale document
		ids, err := m.Store.StaleDocumentIDs(ctx)
		if err != nil {
			return err
		}
		ing.staleIDs, total = ids, len(ids)
	} else {
		total = countIngestDocuments(inputs)
	}
	// Linking each document relinks its neighbourhood, which grows with
	// every report of the same area; for a bulk load, linking everything
	// once at the end is far cheaper and gives the same incidents.
	if *link == "auto" {
		*link = "each"
		if n, err := m.Store.CountDocuments(ctx); err == nil && total >= max(n, 50) {
			*link = "rebuild"
		}
	}
	ing.linkEach = *link == "each"
	if !*quiet {
		ing.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(c.stderr),
			progressbar.OptionSetDescription("ingest"), progressbar.OptionShowCount(), progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"), progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
	}
	start := time.Now()
	sum := ing.run(ctx, inputs)
	if ing.bar != nil {
		_ = ing.bar.Finish()
	}
	sum.Linking = *link
	if !ing.linkEach && sum.Ingested+sum.Reextracted > 0 && ctx.Err() == nil {
		if !*asJSON {
			fmt.Fprintln(c.stderr, "linking incidents…")
		}
		if err := m.Incidents.Rebuild(ctx); err != nil {
			return fmt.Errorf("documents stored, but linking incidents failed (rerun with -link rebuild): %w", err)
		}
	}
	sum.Seconds = time.Since(start).Seconds()
	if sum.Seconds > 0 {
		sum.DocsPerSecond = float64(sum.Documents) / sum.Seconds
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			return err
		}
	} else {
		for _, e := range sum.Errors {
			fmt.Fprintf(c.stderr, "%s: %s\n", e.Where, e.Error)
		}
		fmt.Fprintf(c.stdout, "%d documents: %d ingested, %d duplicates, %d re-extracted, %d failed; %d events in %.1fs (%.0f docs/s, incidents linked: %s)\n",
			sum.Documents, sum.Ingested, sum.Duplicates, sum.Reextracted, sum.Failed, sum.Events, sum.Seconds, sum.DocsPerSecond, sum.Linking)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d of %d documents failed", sum.Failed, sum.Documents)
	}
	return nil
}

// ingestInput is one file or URL to read.
type ingestInput struct {
	path string // file path or URL
	kind string // "url", "txt", "html", "jsonl"
}

// expandIngestArgs resolves arguments to files, walking directories
// recursively and keeping files with a known extension. An argument that
// does not exist or has an unknown extension is a usage error, found before
// anything is stored.
func expandIngestArgs(args []string) ([]ingestInput, error) {
	var out []ingestInput
	for _, a := range args {
		if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
			out = append(out, ingestInput{path: a, kind: "url"})
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, &UsageError{Msg: fmt.Sprintf("%s: no such file or directory", a)}
		}
		if !st.IsDir() {
			k := ingestKind(a)
			if k == "" {
				return nil, &UsageError{Msg: fmt.Sprintf("%s: unknown file type: want .txt, .html or .jsonl", a)}
			}
			out = append(out, ingestInput{path: a, kind: k})
			continue
		}
		err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != a && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if k := ingestKind(path); !d.IsDir() && k != "" {
				out = append(out, ingestInput{path: path, kind: k})
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", a, err)
		}
	}
	return out, nil
}

func ingestKind(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return "txt"
	case ".html", ".htm":
		return "html"
	case ".jsonl", ".ndjson":
		return "jsonl"
	}
	return ""
}

// countIngestDocuments counts the documents the inputs hold, for the progress
// bar: one per file, one per non-empty line of JSONL.
func countIngestDocuments(inputs []ingestInput) int {
	n := 0
	for _, in := range inputs {
		if in.kind != "jsonl" {
			n++
			continue
		}
		f, err := os.Open(in.path)
		if err != nil {
			n++
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), maxIngestLine)
		for sc.Scan() {
			if len(bytes.TrimSpace(sc.Bytes())) > 0 {
				n++
			}
		}
		f.Close()
	}
	return n
}

// maxIngestLine bounds one JSONL line (one document).
const maxIngestLine = 16 << 20

// ingestItem is one document to store, or the reason it could not be read.
type ingestItem struct {
	where string
	doc   *sitrep.Document
	id    string // with --reextract and no inputs: a stored document
	err   error
}

type ingester struct {
	app       *App
	reextract bool
	linkEach  bool // through app.Documents; else app.Store, linked afterwards
	workers   int
	staleIDs  []string
	bar       *progressbar.ProgressBar

	mu  sync.Mutex
	sum IngestSummary
}

func (g *ingester) run(ctx context.Context, inputs []ingestInput) *IngestSummary {
	start := time.Now()
	items := make(chan ingestItem, 2*g.workers)
	go func() {
		defer close(items)
		if len(inputs) == 0 {
			for _, id := range g.staleIDs {
				select {
				case items <- ingestItem{where: "document " + id, id: id}:
				case <-ctx.Done():
					return
				}
			}
			return
		}
		for _, in := range inputs {
			if !readIngestInput(ctx, in, items) {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range g.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				g.store(ctx, it)
			}
		}()
	}
	wg.Wait()
	g.sum.Seconds = time.Since(start).Seconds()
	if g.sum.Seconds > 0 {
		g.sum.DocsPerSecond = float64(g.sum.Documents) / g.sum.Seconds
	}
	if g.sum.Errors == nil {
		g.sum.Errors = []IngestError{}
	}
	return &g.sum
}

func (g *ingester) store(ctx context.Context, it ingestItem) {
	var res *sitrep.IngestResult
	err := it.err
	reextracted := false
	if err == nil && ctx.Err() != nil {
		return
	}
	var docs sitrep.DocumentStore = g.app.Store
	if g.linkEach {
		docs = g.app.Documents
	}
	if err == nil {
		if it.id != "" {
			res, err = docs.ReextractDocument(ctx, it.id)
			reextracted = true
		} else {
			res, err = docs.IngestDocument(ctx, it.doc)
			if err == nil && res.Duplicate && g.reextract {
				res, err = docs.ReextractDocument(ctx, res.DocumentID)
				reextracted = true
			}
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sum.Documents++
	switch {
	case err != nil:
		g.sum.Failed++
		g.sum.Errors = append(g.sum.Errors, IngestError{Where: it.where, Error: ingestErrorText(err)})
	case reextracted:
		g.sum.Reextracted++
		g.sum.Events += res.Events
	case res.Duplicate:
		g.sum.Duplicates++
	default:
		g.sum.Ingested++
		g.sum.Events += res.Events
	}
	if g.bar != nil {
		_ = g.bar.Add(1)
	}
}

// ingestErrorText is the user-facing message of err: a sitrep.Error's message,
// the full text of anything else (the CLI user owns the machine).
func ingestErrorText(err error) string {
	var e *sitrep.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// readIngestInput sends the documents of one input to items. It returns false
// when ctx ended.
func readIngestInput(ctx context.Context, in ingestInput, items chan<- ingestItem) bool {
	send := func(it ingestItem) bool {
		select {
		case items <- it:
			return true
		case <-ctx.Done():
			return false
		}
	}
	switch in.kind {
	case "url":
		if fetchURL == nil {
			return send(ingestItem{where: in.path, err: errors.New("URL ingest needs the feed package, which this build does not include")})
		}
		doc, err := fetchURL(ctx, in.path)
		return send(ingestItem{where: in.path, doc: doc, err: err})
	case "jsonl":
		f, err := os.Open(in.path)
		if err != nil {
			return send(ingestItem{where: in.path, err: err})
		}
		defer f.Close()
		return readIngestJSONL(in.path, f, send)
	}
	b, err := os.ReadFile(in.path)
	if err != nil {
		return send(ingestItem{where: in.path, err: err})
	}
	var doc *sitrep.Document
	if in.kind == "html" {
		doc, err = htmlFileDocument(in.path, b)
	} else {
		doc = textFileDocument(b)
	}
	return send(ingestItem{where: in.path, doc: doc, err: err})
}

// readIngestJSONL sends one document per non-empty line; a line that is not a
// document is reported with its line number and the rest are still read.
func readIngestJSONL(name string, r io.Reader, send func(ingestItem) bool) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxIngestLine)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		var doc sitrep.Document
		if err := json.Unmarshal(line, &doc); err != nil {
			if !send(ingestItem{where: where, err: fmt.Errorf("not a JSON document: %v", err)}) {
				return false
			}
			continue
		}
		if !send(ingestItem{where: where, doc: &doc}) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		return send(ingestItem{where: fmt.Sprintf("%s:%d", name, n+1), err: fmt.Errorf("read: %v", err)})
	}
	return true
}

// textFileDocument makes a document of a plain-text file. A short first line
// followed by more text is taken as the title, as in most saved articles.
func textFileDocument(b []byte) *sitrep.Document {
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	doc := &sitrep.Document{Text: text}
	if first, rest, ok := strings.Cut(strings.TrimSpace(text), "\n"); ok && len(first) <= 200 && strings.TrimSpace(rest) != "" {
		doc.Title = strings.TrimSpace(first)
	}
	return doc
}

// htmlFileDocument reads the main text of a saved web page.
func htmlFileDocument(path string, b []byte) (*sitrep.Document, error) {
	abs, _ := filepath.Abs(path)
	a, err := feed.ParseArticle(b, "", "file://"+filepath.ToSlash(abs))
	if err != nil {
		return nil, err
	}
	doc := &sitrep.Document{Title: a.Title, Source: a.SiteName, Published: a.Published, Text: a.Text}
	if strings.HasPrefix(a.URL, "http://") || strings.HasPrefix(a.URL, "https://") {
		doc.URL = a.URL // the page's canonical URL
	}
	if _, _, err := sitrep.ParseDate(doc.Published); err != nil {
		doc.Published = ""
	}
	return doc, nil
}
