package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/feed"
	sitrephttp "github.com/sitrep/sitrep/http"
)

func init() {
	register("feeds", "show the health of polled feeds",
		func(stdin io.Reader, stdout, stderr io.Writer) Command {
			return &FeedsCommand{stdout: stdout, stderr: stderr}
		})
}

// FeedsCommand runs `sitrep feeds`.
type FeedsCommand struct {
	stdout, stderr io.Writer
}

// Run prints every known feed's health: last fetch, HTTP status, items
// seen, documents made, consecutive errors and the next fetch.
func (c *FeedsCommand) Run(ctx context.Context, args []string) error {
	m := NewApp(c.stdout, c.stderr)
	fs := newFlagSet("feeds", "feeds [--data DIR | --db postgres://…] [--feeds FILE] [-json]", c.stderr)
	m.storeFlags(fs)
	feedsFile := fs.String("feeds", "", "also list the feeds in `FILE` that were never polled")
	jsonOut := fs.Bool("json", false, "print JSON, as GET /api/feeds does")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &UsageError{Msg: "feeds takes no arguments, got " + strings.Join(fs.Args(), " ")}
	}
	m.Extractor = noExtraction{}
	if err := m.Open(ctx); err != nil {
		return err
	}
	defer m.Close()
	feeds, err := m.FeedService().FindFeeds(ctx)
	if err != nil {
		return err
	}
	if *feedsFile != "" {
		srcs, err := readFeedList(*feedsFile, c.stderr)
		if err != nil {
			return err
		}
		feeds = withListed(feeds, srcs)
	}
	out := sitrephttp.FeedList{Feeds: make([]sitrephttp.FeedStatus, 0, len(feeds))}
	for _, f := range feeds {
		out.Feeds = append(out.Feeds, sitrephttp.FeedStatus{Feed: f, Health: f.Health()})
	}
	if *jsonOut {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(out.Feeds) == 0 {
		fmt.Fprintln(c.stdout, "No feeds polled yet. Start one with: sitrep watch --feeds FILE")
		return nil
	}
	printFeeds(c.stdout, out.Feeds, time.Now())
	return nil
}

// withListed adds the listed feeds that have no state yet, as pending.
func withListed(feeds []*sitrep.Feed, srcs []feed.Source) []*sitrep.Feed {
	known := map[string]bool{}
	for _, f := range feeds {
		known[f.URL] = true
	}
	for _, s := range srcs {
		if !known[s.URL] {
			feeds = append(feeds, &sitrep.Feed{URL: s.URL, Title: s.Title})
		}
	}
	return feeds
}

func printFeeds(w io.Writer, feeds []sitrephttp.FeedStatus, now time.Time) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "HEALTH\tFEED\tLAST FETCH\tSTATUS\tITEMS\tDOCS\tERRORS\tNEXT\tLAST ERROR")
	for _, f := range feeds {
		status := "-"
		if f.LastStatus != 0 {
			status = fmt.Sprint(f.LastStatus)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\n", f.Health, f.URL, ago(f.LastFetch, now), status,
			f.ItemsSeen, f.Documents, f.Errors, until(f.NextFetch, now), f.LastError)
	}
	tw.Flush()
}

// ago writes t relative to now ("12m ago"), "never" for the zero time.
func ago(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return now.Sub(t).Round(time.Second).String() + " ago"
}

// until writes how long until t ("in 3m0s"), "due" once it has passed.
func until(t, now time.Time) string {
	if !t.After(now) {
		return "due"
	}
	return "in " + t.Sub(now).Round(time.Second).String()
}
