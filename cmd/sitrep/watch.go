package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/feed"
)

func init() {
	register("watch", "poll RSS, Atom and JSON feeds and ingest new articles",
		func(stdin io.Reader, stdout, stderr io.Writer) Command {
			return &WatchCommand{stdout: stdout, stderr: stderr}
		})
	runWatcher = func(ctx context.Context, m *App, feedsFile string) error {
		srcs, err := readFeedList(feedsFile, m.Stderr)
		if err != nil {
			return err
		}
		return newWatcher(m, fetchDelay, feed.DefaultInterval, m.Logger).Run(ctx, srcs)
	}
}

// scheduleFeeds queues the feeds' polls for `sitrep worker` instead of
// polling in this process (watch --queue); worker.go sets it.
var scheduleFeeds func(ctx context.Context, m *App, srcs []feed.Source, interval time.Duration, once bool) error

// WatchCommand runs `sitrep watch`.
type WatchCommand struct {
	stdout, stderr io.Writer
}

// Run polls the listed feeds until interrupted, or once with --once.
func (c *WatchCommand) Run(ctx context.Context, args []string) error {
	m := NewApp(c.stdout, c.stderr)
	fs := newFlagSet("watch", "watch --feeds FILE [--once] [--interval 15m] [--delay 1s] [--data DIR | --db postgres://…] [-json] [-v]", c.stderr)
	m.storeFlags(fs)
	feedsFile := fs.String("feeds", "", "`FILE` listing the feeds: OPML, or one URL per line with # comments (required)")
	once := fs.Bool("once", false, "poll every feed once, print the results and exit (exit 1 if every feed failed)")
	interval := fs.Duration("interval", feed.DefaultInterval, "time between two polls of a healthy feed")
	delay := fs.Duration("delay", fetchDelay, "pause between two requests to the same host")
	jsonOut := fs.Bool("json", false, "with --once, print one JSON object per feed")
	verbose := fs.Bool("v", false, "log every poll, not only failures")
	queue := fs.Bool("queue", false, "with --db postgres://…: queue the polls as jobs for sitrep worker instead of polling here (each feed once per interval, however many watchers)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return &UsageError{Msg: "watch takes no arguments, got " + strings.Join(fs.Args(), " ")}
	case *feedsFile == "":
		return &UsageError{Msg: "watch needs --feeds FILE"}
	case *interval < 10*time.Second:
		return &UsageError{Msg: fmt.Sprintf("--interval %v is too short: polling a feed more than every 10s is impolite", *interval)}
	case *delay < 0:
		return &UsageError{Msg: "--delay must not be negative"}
	}
	srcs, err := readFeedList(*feedsFile, c.stderr)
	if err != nil {
		return err
	}
	level := slog.LevelWarn
	switch {
	case *verbose:
		level = slog.LevelInfo
	case *once:
		level = slog.LevelError // the results table says what failed
	}
	m.Logger = slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: level}))
	if err := m.Open(ctx); err != nil {
		return err
	}
	defer m.Close()
	if *queue && scheduleFeeds != nil {
		return scheduleFeeds(ctx, m, srcs, *interval, *once)
	}
	w := newWatcher(m, *delay, *interval, m.Logger)

	if !*once {
		fmt.Fprintf(c.stderr, "sitrep: watching %d feed(s), each every %v; Ctrl-C stops\n", len(srcs), *interval)
		if err := w.Run(ctx, srcs); err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
		return nil
	}
	results := w.Round(ctx, srcs, true)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if *jsonOut {
		enc := json.NewEncoder(c.stdout)
		for _, r := range results {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
	} else {
		printResults(c.stdout, results)
	}
	failed := 0
	for _, r := range results {
		if r.Err != nil {
			failed++
		}
	}
	if failed == len(results) {
		return fmt.Errorf("all %d feed(s) failed", failed)
	}
	return nil
}

// readFeedList reads the feeds file. Bad lines are reported on stderr and
// skipped; only a list with no usable feed at all is an error.
func readFeedList(path string, stderr io.Writer) ([]feed.Source, error) {
	srcs, err := feed.ReadList(path)
	if len(srcs) == 0 {
		if err == nil {
			err = fmt.Errorf("%s lists no feeds", path)
		}
		return nil, err
	}
	if err != nil {
		fmt.Fprintf(stderr, "sitrep: skipping bad entries:\n%v\n", err)
	}
	return srcs, nil
}

// newWatcher wires a feed.Watcher to the app's database. Articles go
// through the API server's DocumentService when one is running, so feeds
// and POST /api/documents ingest the same way.
func newWatcher(m *App, delay, interval time.Duration, logger *slog.Logger) *feed.Watcher {
	var docs sitrep.DocumentService = m.Store
	if m.Server != nil && m.Server.DocumentService != nil {
		docs = m.Server.DocumentService
	}
	return &feed.Watcher{
		Client:    feed.NewClient(delay),
		Feeds:     m.FeedService(),
		Documents: docs,
		Interval:  interval,
		Logger:    logger,
	}
}

// FeedService returns the feed state service of the open database.
func (m *App) FeedService() sitrep.FeedService {
	switch {
	case m.SQLite != nil:
		return m.SQLite.FeedService()
	case m.Postgres != nil:
		return m.Postgres.FeedService()
	}
	return nil
}

func printResults(w io.Writer, results []feed.Result) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FEED\tSTATUS\tITEMS\tNEW\tINGESTED\tDUPLICATE\tSKIPPED\tRETRY\tERROR")
	var ingested, dup int
	for _, r := range results {
		status := "-"
		if r.Status != 0 {
			status = fmt.Sprint(r.Status)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", r.URL, status, r.Items, r.New, r.Ingested, r.Duplicates, r.Skipped, r.Retry, r.Error)
		ingested += r.Ingested
		dup += r.Duplicates
	}
	tw.Flush()
	fmt.Fprintf(w, "%d feed(s) polled, %d new document(s), %d duplicate(s)\n", len(results), ingested, dup)
}
