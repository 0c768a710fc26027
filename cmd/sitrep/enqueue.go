package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/sitrep/sitrep/worker"
)

func init() {
	register("enqueue", "store documents and queue their extraction for `sitrep worker` (PostgreSQL)",
		func(stdin io.Reader, stdout, stderr io.Writer) Command {
			return &EnqueueCommand{stdout: stdout, stderr: stderr}
		})
}

// EnqueueCommand runs `sitrep enqueue`: the ingest of a deployment with
// workers. Files are stored at once, without extraction, and one
// extract_document job is queued per new document; URLs become fetch_page
// jobs; --reextract queues the bulk re-extraction of every document an
// older build extracted.
type EnqueueCommand struct {
	stdout, stderr io.Writer
}

// EnqueueSummary is what `sitrep enqueue -json` prints.
type EnqueueSummary struct {
	Documents  int           `json:"documents"` // documents read from files
	Queued     int           `json:"queued"`    // stored and queued for extraction
	Duplicates int           `json:"duplicates"`
	Pages      int           `json:"pages"` // URLs queued for fetching
	Reextract  bool          `json:"reextract"`
	Failed     int           `json:"failed"`
	Seconds    float64       `json:"seconds"`
	Errors     []IngestError `json:"errors"`
}

// Run stores and queues every argument; a bad input is reported and the
// others are still queued.
func (c *EnqueueCommand) Run(ctx context.Context, args []string) error {
	m := NewApp(c.stdout, c.stderr)
	fs := newFlagSet("enqueue", "enqueue --db postgres://… [--reextract] [-json] FILE|DIR|URL…", c.stderr)
	m.storeFlags(fs)
	reextract := fs.Bool("reextract", false, "queue the re-extraction of every document not extracted by this build")
	asJSON := fs.Bool("json", false, "print a JSON summary on stdout")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case !isPostgresURL(m.DBURL):
		return &UsageError{Msg: "enqueue needs --db postgres://…; with SQLite use sitrep ingest"}
	case fs.NArg() == 0 && !*reextract:
		fs.Usage()
		return &UsageError{Msg: "enqueue needs --reextract or at least one FILE, DIR or URL"}
	}
	inputs, err := expandIngestArgs(fs.Args())
	if err != nil {
		return err
	}
	m.Extractor = noExtraction{} // workers extract; this process only stores
	if err := m.Open(ctx); err != nil {
		return err
	}
	defer m.Close()
	q, err := openQueue(ctx, m)
	if err != nil {
		return err
	}
	sum := &EnqueueSummary{Errors: []IngestError{}}
	start := time.Now()
	fail := func(where string, err error) {
		sum.Failed++
		sum.Errors = append(sum.Errors, IngestError{Where: where, Error: ingestErrorText(err)})
	}
	if *reextract {
		if _, err := q.EnqueueReextract(ctx); err != nil {
			return err
		}
		sum.Reextract = true
	}
	ing := worker.NewIngester(m.Store, q)
	for _, in := range inputs {
		if in.kind == "url" {
			if err := q.EnqueueFetchPage(ctx, in.path); err != nil {
				fail(in.path, err)
				continue
			}
			sum.Pages++
			continue
		}
		items := make(chan ingestItem)
		go func() {
			defer close(items)
			readIngestInput(ctx, in, items)
		}()
		for it := range items {
			if it.err != nil {
				fail(it.where, it.err)
				continue
			}
			sum.Documents++
			res, err := ing.IngestDocument(ctx, it.doc)
			switch {
			case err != nil:
				fail(it.where, err)
			case res.Duplicate:
				sum.Duplicates++
			default:
				sum.Queued++
			}
		}
	}
	sum.Seconds = time.Since(start).Seconds()
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
		fmt.Fprintf(c.stdout, "%d documents: %d queued for extraction, %d duplicates, %d failed; %d page(s) queued for fetching",
			sum.Documents, sum.Queued, sum.Duplicates, sum.Failed, sum.Pages)
		if sum.Reextract {
			fmt.Fprint(c.stdout, "; re-extraction queued")
		}
		fmt.Fprintf(c.stdout, " (%.1fs)\n", sum.Seconds)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d input(s) failed", sum.Failed)
	}
	return nil
}
