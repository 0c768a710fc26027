package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/gazetteer"
	sitrephttp "github.com/sitrep/sitrep/http"
	"github.com/sitrep/sitrep/incident/incidentsql"
	"github.com/sitrep/sitrep/store/postgres"
	"github.com/sitrep/sitrep/store/sqldb"
	"github.com/sitrep/sitrep/store/sqlite"
)

func init() {
	register("serve", "serve the API and dashboard (ingests a demo corpus on first start)",
		func(stdin io.Reader, stdout, stderr io.Writer) Command {
			return &ServeCommand{stdout: stdout, stderr: stderr}
		})
}

// runWatcher polls the feeds listed in feedsFile and ingests new articles
// into m until ctx ends. The feed package sets it; nil means this build has
// no feed support.
var runWatcher func(ctx context.Context, m *App, feedsFile string) error

// ServeCommand runs `sitrep serve`.
type ServeCommand struct {
	stdout, stderr io.Writer
}

// Run starts the server and blocks until ctx is cancelled (SIGINT or
// SIGTERM), then shuts down gracefully.
func (c *ServeCommand) Run(ctx context.Context, args []string) error {
	m := NewApp(c.stdout, c.stderr)
	if err := m.ParseFlags(args); err != nil {
		return err
	}
	if err := m.Run(ctx); err != nil {
		m.Close()
		return err
	}
	<-ctx.Done()
	fmt.Fprintln(c.stderr, "sitrep: shutting down, finishing requests in flight…")
	return m.Close()
}

// App is the running sitrep server: the opened database, the extraction
// engine and the HTTP server, wired together (wtf's cmd/wtfd Main). Tests
// and other subcommands reuse it; files added by other features reach the
// database and services through it.
type App struct {
	// Configuration, set by ParseFlags or directly by tests.
	DataDir   string // holds sitrep.db (SQLite) and the API token
	DBURL     string // postgres://… selects PostgreSQL; another value is a SQLite file path
	Addr      string
	NoDemo    bool
	FeedsFile string
	Token     string // "" reads SITREP_TOKEN, then DataDir/token, else generates one

	Stdout, Stderr io.Writer
	Logger         *slog.Logger

	// Set by Open.
	Store     *sqldb.Store // document, event and stats services of either backend
	SQLite    *sqlite.DB   // non-nil with the SQLite backend
	Postgres  *postgres.DB // non-nil with the PostgreSQL backend
	Extractor sitrep.Extractor
	// Incidents links events into incidents; Documents is Store wrapped so
	// that every ingest and re-extraction also updates the incidents: what
	// the server, the demo loader and `sitrep ingest` write through.
	Incidents *incidentsql.Service
	Documents sitrep.DocumentStore

	// Set by Run.
	Server *sitrephttp.Server

	closeOnce sync.Once
	cancel    context.CancelFunc
	bg        sync.WaitGroup
}

// NewApp returns an App with the defaults of `sitrep serve`.
func NewApp(stdout, stderr io.Writer) *App {
	return &App{
		DataDir: "sitrep-data",
		Addr:    "127.0.0.1:8080",
		Stdout:  stdout,
		Stderr:  stderr,
		Logger:  slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
}

// ParseFlags reads serve's flags.
func (m *App) ParseFlags(args []string) error {
	fs := newFlagSet("serve", "serve [--data DIR | --db postgres://…] [--addr HOST:PORT] [--feeds FILE] [--no-demo]", m.Stderr)
	m.storeFlags(fs)
	fs.StringVar(&m.Addr, "addr", m.Addr, "address to listen on")
	fs.StringVar(&m.FeedsFile, "feeds", "", "poll the feeds listed in `FILE` and ingest new articles")
	fs.BoolVar(&m.NoDemo, "no-demo", false, "do not ingest the demo corpus into an empty database")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &UsageError{Msg: "serve takes no arguments, got " + strings.Join(fs.Args(), " ")}
	}
	return nil
}

// storeFlags adds the flags that choose the database; ingest and export
// share them.
func (m *App) storeFlags(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&m.DataDir, "data", m.DataDir, "data directory `DIR` for the SQLite database and the API token")
	fs.StringVar(&m.DBURL, "db", "", "database: postgres://… for PostgreSQL, or a SQLite file path (default DIR/sitrep.db)")
}

// Open opens (creating and migrating if needed) the database and builds
// the extraction engine.
func (m *App) Open(ctx context.Context) error {
	if m.Logger == nil {
		m.Logger = slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	switch {
	case strings.HasPrefix(m.DBURL, "postgres://"), strings.HasPrefix(m.DBURL, "postgresql://"):
		db, err := postgres.Open(ctx, m.DBURL)
		if err != nil {
			return err
		}
		m.Postgres, m.Store = db, db.Store
	default:
		path := m.DBURL
		if path == "" {
			if err := os.MkdirAll(m.DataDir, 0o755); err != nil {
				return fmt.Errorf("create data directory: %w", err)
			}
			path = filepath.Join(m.DataDir, "sitrep.db")
		}
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			return err
		}
		m.SQLite, m.Store = db, db.Store
	}
	if m.Extractor == nil {
		x, err := newEngine()
		if err != nil {
			return err
		}
		m.Extractor = x
	}
	m.Store.Extractor, m.Store.ExtractorVersion = m.Extractor, extractorVersion()
	if m.SQLite != nil {
		m.Incidents = m.SQLite.IncidentService()
	} else {
		m.Incidents = m.Postgres.IncidentService()
	}
	ls := &incidentsql.LinkingStore{DocumentStore: m.Store, Incidents: m.Incidents}
	ls.LinkInCommit(m.Store) // SQLite: link in the ingest commit
	m.Documents = ls
	return nil
}

// serveHooks run in Run after the HTTP server is configured and before it
// listens, so features can add services to m.Server (the job queue sets
// JobService) without editing this file.
var serveHooks []func(ctx context.Context, m *App) error

// noExtraction stands in for the engine in commands that only read the
// database, so they start without loading dictionaries and gazetteer.
type noExtraction struct{}

func (noExtraction) Extract(*sitrep.Document) ([]sitrep.Event, error) {
	return nil, errors.New("this command does not extract")
}

// newEngine builds the extraction engine with the embedded gazetteer.
func newEngine() (sitrep.Extractor, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	x, err := extract.New(extract.Options{Geoparser: g})
	if err != nil {
		return nil, fmt.Errorf("build extraction engine: %w", err)
	}
	return x, nil
}

var (
	versionOnce sync.Once
	version     string
)

// extractorVersion identifies the build that extracts, stored with each
// document: the engine and its dictionaries are compiled into the binary,
// so a new binary may extract differently and `ingest --reextract` finds
// the documents an older one produced.
func extractorVersion() string {
	versionOnce.Do(func() {
		version = "unknown"
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			version = "build-" + hex.EncodeToString(h.Sum(nil))[:12]
		}
	})
	return version
}

// Run opens the database, loads the demo corpus into an empty one, starts
// the HTTP server and, with --feeds, the feed watcher. It returns once the
// server is listening.
func (m *App) Run(ctx context.Context) error {
	if err := m.Open(ctx); err != nil {
		return err
	}
	token, generated, err := m.loadToken()
	if err != nil {
		return err
	}
	if !m.NoDemo {
		if err := m.loadDemo(ctx); err != nil {
			return err
		}
	}
	s := sitrephttp.NewServer()
	s.Addr, s.Token, s.Logger, s.Version = m.Addr, token, m.Logger, extractorVersion()
	s.DocumentService, s.EventService, s.StatsService = m.Documents, m.Store, m.Store
	s.IncidentService, s.FeedService = m.Incidents, m.FeedService()
	s.Ping = m.Store.R.PingContext
	m.Server = s
	for _, hook := range serveHooks {
		if err := hook(ctx, m); err != nil {
			return err
		}
	}
	if err := s.Open(); err != nil {
		return fmt.Errorf("listen on %s: %w", m.Addr, err)
	}
	fmt.Fprintf(m.Stdout, "sitrep is serving the dashboard at %s/\n", s.URL())
	switch {
	case generated:
		fmt.Fprintf(m.Stdout, "API token (generated, saved in %s): %s\n", filepath.Join(m.DataDir, "token"), token)
	case os.Getenv("SITREP_TOKEN") == "" && m.Token == "":
		fmt.Fprintf(m.Stdout, "API token: in %s\n", filepath.Join(m.DataDir, "token"))
	}
	if m.FeedsFile != "" {
		if runWatcher == nil {
			return errors.New("--feeds: this build of sitrep has no feed support")
		}
		wctx, cancel := context.WithCancel(context.Background())
		m.cancel = cancel
		m.bg.Add(1)
		go func() {
			defer m.bg.Done()
			if err := runWatcher(wctx, m, m.FeedsFile); err != nil && !errors.Is(err, context.Canceled) {
				m.Logger.Error("feed watcher stopped", "err", err)
			}
		}()
	}
	return nil
}

// loadToken returns the API token: --token or SITREP_TOKEN, else the one
// saved in the data directory, else a new random one saved there (0600).
func (m *App) loadToken() (token string, generated bool, err error) {
	if m.Token != "" {
		return m.Token, false, nil
	}
	if t := strings.TrimSpace(os.Getenv("SITREP_TOKEN")); t != "" {
		return t, false, nil
	}
	path := filepath.Join(m.DataDir, "token")
	if b, err := os.ReadFile(path); err == nil && strings.TrimSpace(string(b)) != "" {
		return strings.TrimSpace(string(b)), false, nil
	}
	var raw [24]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", false, err
	}
	token = hex.EncodeToString(raw[:])
	if err := os.MkdirAll(m.DataDir, 0o755); err != nil {
		return "", false, fmt.Errorf("create data directory: %w", err)
	}
	if err := os.WriteFile(path, []byte(token+"\n"), 0o600); err != nil {
		return "", false, fmt.Errorf("save token: %w", err)
	}
	return token, true, nil
}

// loadDemo ingests the demo corpus when the database holds no document, so
// a newcomer's first `sitrep serve` shows a populated dashboard.
func (m *App) loadDemo(ctx context.Context) error {
	n, err := m.Store.CountDocuments(ctx)
	if err != nil || n > 0 {
		return err
	}
	docs, err := demo.Documents()
	if err != nil {
		return err
	}
	start, events := time.Now(), 0
	for i := range docs {
		res, err := m.Documents.IngestDocument(ctx, &docs[i])
		if err != nil {
			return fmt.Errorf("demo corpus %s: %w", docs[i].ID, err)
		}
		events += res.Events
	}
	fmt.Fprintf(m.Stdout, "Loaded the demo corpus: %d articles, %d events (%v).\n", len(docs), events, time.Since(start).Round(time.Millisecond))
	return nil
}

// Close stops the watcher, lets requests in flight finish (up to 30 s)
// and closes the database.
func (m *App) Close() error {
	var err error
	m.closeOnce.Do(func() {
		if m.cancel != nil {
			m.cancel()
			m.bg.Wait()
		}
		if m.Server != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			err = m.Server.Close(ctx)
			cancel()
		}
		var cerr error
		switch {
		case m.SQLite != nil:
			cerr = m.SQLite.Close()
		case m.Postgres != nil:
			cerr = m.Postgres.Close()
		}
		if err == nil {
			err = cerr
		}
	})
	return err
}
