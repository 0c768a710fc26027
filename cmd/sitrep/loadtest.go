package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep/sitrep"
)

func init() {
	register("loadtest", "measure API latency, export and ingest throughput on loopback",
		func(stdin io.Reader, stdout, stderr io.Writer) Command {
			return &LoadtestCommand{stdout: stdout, stderr: stderr}
		})
}

// LoadtestCommand runs `sitrep loadtest`: it seeds a database with
// synthetic events, serves it on loopback and drives the API at a fixed
// request rate, then measures exports and ingest with real extraction.
// Every phase is bounded by a count or a duration.
type LoadtestCommand struct {
	stdout, stderr io.Writer
}

// LatencyReport is the outcome of one load phase.
type LatencyReport struct {
	Name      string  `json:"name"`
	Requests  int     `json:"requests"`
	Errors    int     `json:"errors"`
	PerSecond float64 `json:"per_second"`
	P50ms     float64 `json:"p50_ms"`
	P99ms     float64 `json:"p99_ms"`
	MaxMs     float64 `json:"max_ms"`
	Rows      int64   `json:"rows,omitempty"`
	// CPUms is the CPU time the whole process (server and load generator)
	// spent per request: 1000/CPUms is the request rate one dedicated core
	// sustains, however busy the machine was during the run.
	CPUms float64 `json:"cpu_ms_per_request"`
}

// LoadtestReport is what `sitrep loadtest -json` prints.
type LoadtestReport struct {
	Backend       string          `json:"backend"`
	Events        int             `json:"events"`
	SeedSeconds   float64         `json:"seed_seconds"`
	Phases        []LatencyReport `json:"phases"`
	IngestDocs    int             `json:"ingest_docs"`
	IngestPerSec  float64         `json:"ingest_docs_per_second"`
	IngestEvents  int             `json:"ingest_events"`
	IngestCPUms   float64         `json:"ingest_cpu_ms_per_doc"`
	IngestFailed  int             `json:"ingest_failed"`
	GOMAXPROCS    int             `json:"gomaxprocs"`
	TargetRate    int             `json:"target_rate"`
	QuerySeconds  float64         `json:"query_seconds"`
	ExportsPerRun int             `json:"exports"`
}

// Run executes the phases and prints the report.
func (c *LoadtestCommand) Run(ctx context.Context, args []string) error {
	m := NewApp(io.Discard, c.stderr)
	fs := newFlagSet("loadtest", "loadtest [--events N] [--rate R] [--duration D] [--exports N] [--ingest N] [--db postgres://…] [-json]", c.stderr)
	m.DataDir = ""
	fs.StringVar(&m.DBURL, "db", "", "database to seed: postgres://… (a fresh database!) or a SQLite file; default a temporary SQLite file")
	fs.StringVar(&m.DataDir, "data", "", "keep the SQLite database in `DIR`; a database already seeded there is reused")
	events := fs.Int("events", 100000, "synthetic events to seed")
	rate := fs.Int("rate", 500, "query requests per second (open loop)")
	duration := fs.Duration("duration", 10*time.Second, "how long to drive queries")
	exports := fs.Int("exports", 20, "filtered CSV exports to time (plus one full GeoJSON export)")
	ingestN := fs.Int("ingest", 2000, "documents to ingest with real extraction")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the ingest phase to `FILE`")
	nolink := fs.Bool("nolink", false, "ingest without incident linking, to see its cost")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *events < 1 || *rate < 1 || *duration <= 0 || *exports < 0 || *ingestN < 0 {
		return &UsageError{Msg: "-events, -rate and -duration must be positive"}
	}
	if m.DBURL == "" && m.DataDir == "" {
		dir, err := os.MkdirTemp("", "sitrep-loadtest-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		m.DataDir = dir
	}
	m.NoDemo, m.Addr, m.Token = true, "127.0.0.1:0", "loadtest"
	m.Extractor = &synthExtractor{}
	if err := m.Run(ctx); err != nil {
		m.Close()
		return err
	}
	defer m.Close()
	rep := &LoadtestReport{Backend: "sqlite", GOMAXPROCS: runtime.GOMAXPROCS(0), TargetRate: *rate, ExportsPerRun: *exports}
	if m.Postgres != nil {
		rep.Backend = "postgres"
	}

	st, err := m.Store.EventStats(ctx, sitrep.EventFilter{})
	if err != nil {
		return err
	}
	rep.Events = st.Total
	if st.Total == 0 {
		fmt.Fprintf(c.stderr, "seeding %d synthetic events…\n", *events)
		start := time.Now()
		n, err := seedEvents(ctx, m, *events)
		if err != nil {
			return err
		}
		rep.Events, rep.SeedSeconds = n, time.Since(start).Seconds()
	}

	base := m.Server.URL()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 512, MaxConnsPerHost: 512}}
	warm := min(*duration, 5*time.Second)
	fmt.Fprintf(c.stderr, "driving queries at %d req/s: %v with a cold cache, then %v…\n", *rate, warm, *duration)
	rep.Phases = append(rep.Phases, measured("queries, cold cache", func() LatencyReport {
		return driveQueries(ctx, client, base, *rate, warm, rep.Events, 1)
	}))
	rep.Phases = append(rep.Phases, measured("queries", func() LatencyReport {
		return driveQueries(ctx, client, base, *rate, *duration, rep.Events, 2)
	}))
	rep.QuerySeconds = duration.Seconds()

	fmt.Fprintf(c.stderr, "timing %d exports…\n", *exports)
	for _, p := range timeExports(ctx, client, base, *exports) {
		rep.Phases = append(rep.Phases, p)
	}

	if *ingestN > 0 {
		fmt.Fprintf(c.stderr, "ingesting %d documents with the extraction engine…\n", *ingestN)
		x, err := newEngine()
		if err != nil {
			return err
		}
		m.Store.Extractor = x
		docs := newsDocs(fmt.Sprintf("ingest-%d", time.Now().UnixNano()), *ingestN)
		docsSvc := m.Documents
		if *nolink {
			// The bare store, and no linking in its commits either (Open
			// installs that for SQLite). No write is in flight here, and
			// the next one reaches the commit loop through a channel,
			// which orders it after this.
			docsSvc = m.Store
			m.Store.SetAfterBatch(nil)
		}
		if *cpuprofile != "" {
			f, err := os.Create(*cpuprofile)
			if err != nil {
				return err
			}
			defer f.Close()
			if err := pprof.StartCPUProfile(f); err != nil {
				return err
			}
		}
		start, cpu := time.Now(), processCPU()
		var evs, failed atomic.Int64
		var wg sync.WaitGroup
		next := atomic.Int64{}
		for range 4 * runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := next.Add(1) - 1; i < int64(len(docs)); i = next.Add(1) - 1 {
					res, err := docsSvc.IngestDocument(ctx, &docs[i])
					if err != nil {
						failed.Add(1)
						fmt.Fprintf(c.stderr, "ingest %s: %v\n", docs[i].ID, err)
					} else if !res.Duplicate {
						evs.Add(int64(res.Events))
					}
				}
			}()
		}
		wg.Wait()
		rep.IngestDocs = len(docs)
		rep.IngestPerSec = float64(len(docs)) / time.Since(start).Seconds()
		if *cpuprofile != "" {
			pprof.StopCPUProfile()
		}
		rep.IngestEvents, rep.IngestFailed = int(evs.Load()), int(failed.Load())
		rep.IngestCPUms = float64((processCPU() - cpu).Microseconds()) / 1000 / float64(len(docs))
	}

	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(c.stdout, "%s, %d events (seeded in %.1fs), GOMAXPROCS=%d\n", rep.Backend, rep.Events, rep.SeedSeconds, rep.GOMAXPROCS)
	fmt.Fprintf(c.stdout, "%-22s %8s %7s %9s %8s %8s %8s %10s\n", "phase", "requests", "errors", "req/s", "p50 ms", "p99 ms", "max ms", "CPU ms/req")
	for _, p := range rep.Phases {
		fmt.Fprintf(c.stdout, "%-22s %8d %7d %9.1f %8.2f %8.2f %8.2f %10.3f\n", p.Name, p.Requests, p.Errors, p.PerSecond, p.P50ms, p.P99ms, p.MaxMs, p.CPUms)
	}
	if rep.IngestDocs > 0 {
		fmt.Fprintf(c.stdout, "ingest with extraction: %d documents (%d failed), %d events, %.0f docs/s, %.3f CPU ms/doc\n",
			rep.IngestDocs, rep.IngestFailed, rep.IngestEvents, rep.IngestPerSec, rep.IngestCPUms)
	}
	return nil
}

var (
	loadCountries = []struct {
		name           string
		lat, lon, span float64
	}{
		{"Syria", 35.0, 38.5, 2}, {"Iraq", 33.3, 44.0, 3}, {"Yemen", 15.5, 47.5, 2.5}, {"Ukraine", 48.5, 33.0, 4},
		{"Somalia", 4.0, 45.5, 3}, {"Nigeria", 9.5, 8.0, 4}, {"Mali", 15.5, -2.0, 4}, {"Myanmar", 20.0, 96.0, 3},
		{"Sudan", 14.0, 30.0, 4}, {"Democratic Republic of Congo", -2.0, 25.0, 5}, {"Afghanistan", 34.0, 66.0, 3},
	}
	loadTypes = []string{sitrep.Battles, sitrep.ExplosionsRemote, sitrep.ViolenceAgainstCivs, sitrep.Protests, sitrep.Riots, sitrep.StrategicDevelopment}
)

// synthExtractor makes eventsPerDoc plausible events per synthetic
// document, each with its own evidence sentence in the text.
type synthExtractor struct{}

const eventsPerDoc = 10

func (synthExtractor) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	var seed uint64
	for _, b := range []byte(doc.ID) {
		seed = seed*31 + uint64(b)
	}
	r := rand.New(rand.NewPCG(seed, 7))
	var out []sitrep.Event
	start := 0
	for _, sentence := range strings.SplitAfter(doc.Text, ". ") {
		if strings.TrimSpace(sentence) == "" {
			continue
		}
		end := start + len(strings.TrimRight(sentence, " "))
		c := loadCountries[r.IntN(len(loadCountries))]
		t := loadTypes[r.IntN(len(loadTypes))]
		subs := sitrep.SubEventTypes[t]
		lat, lon := c.lat+(r.Float64()-0.5)*c.span, c.lon+(r.Float64()-0.5)*c.span
		fat := r.IntN(30)
		mod := sitrep.ModalityOccurred
		if r.IntN(8) == 0 {
			mod = sitrep.ModalityReported
		}
		out = append(out, sitrep.Event{
			EventType: t, SubEventType: subs[r.IntN(len(subs))], Modality: mod,
			EventDate: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(330)).Format("2006-01-02"), TimePrecision: 1,
			Actor1: "Military Forces of " + c.name, Inter1: 1, Actor2: "Civilians (" + c.name + ")", Inter2: 7,
			Country: c.name, Admin1: fmt.Sprintf("Province %d", r.IntN(12)), Location: fmt.Sprintf("Town %d", r.IntN(500)),
			Latitude: &lat, Longitude: &lon, GeoPrecision: 1, Fatalities: &fat,
			Evidence: sitrep.Evidence{Text: doc.Text[start:end], Start: start, End: end},
		})
		start += len(sentence)
	}
	return out, nil
}

var loadWords = strings.Fields("shelling clashes airstrike convoy checkpoint market village militants soldiers protesters police drone bomb explosion abducted arrested killed wounded fighters raid")

// seedEvents stores about n synthetic events, eventsPerDoc per document,
// ingesting in parallel so the single writer stays busy.
func seedEvents(ctx context.Context, m *App, n int) (int, error) {
	docs := (n + eventsPerDoc - 1) / eventsPerDoc
	var next, stored atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) * 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1) - 1; i < int64(docs); i = next.Add(1) - 1 {
				var b strings.Builder
				for s := 0; s < eventsPerDoc; s++ {
					fmt.Fprintf(&b, "Report %d item %d mentions %s and %s near town %d. ", i, s,
						loadWords[(int(i)+s)%len(loadWords)], loadWords[(int(i)*7+s*3)%len(loadWords)], (int(i)+s)%500)
				}
				doc := sitrep.Document{ID: fmt.Sprintf("load-%07d", i), Source: "Synthetic Wire", Text: b.String()}
				res, err := m.Store.IngestDocument(ctx, &doc)
				if err != nil {
					once.Do(func() { firstErr = err })
					return
				}
				stored.Add(int64(res.Events))
			}
		}()
	}
	wg.Wait()
	return int(stored.Load()), firstErr
}

// queryPaths returns a request mix like the dashboard's: filtered pages,
// stats, single events, free text and a second page by cursor.
func queryPath(r *rand.Rand, events int) string {
	c := loadCountries[r.IntN(len(loadCountries))].name
	t := loadTypes[r.IntN(len(loadTypes))]
	month := 1 + r.IntN(10)
	switch r.IntN(10) {
	case 0, 1:
		return "/api/events?limit=100"
	case 2, 3:
		return "/api/events?limit=100&country=" + url.QueryEscape(c) + "&event_type=" + url.QueryEscape(t)
	case 4:
		return fmt.Sprintf("/api/events?limit=100&from=2026-%02d-01&to=2026-%02d-28&sort=-fatalities", month, month)
	case 5:
		return fmt.Sprintf("/api/events/%d", 1+r.IntN(events))
	case 6:
		return "/api/events?limit=50&q=" + loadWords[r.IntN(len(loadWords))] + "+" + loadWords[r.IntN(len(loadWords))]
	case 7:
		return fmt.Sprintf("/api/events?limit=100&bbox=%d,%d,%d,%d", 30+r.IntN(10), 10+r.IntN(10), 45, 40)
	case 8:
		return fmt.Sprintf("/api/stats?country=%s&from=2026-%02d-01", url.QueryEscape(c), month)
	}
	return "/api/stats?event_type=" + url.QueryEscape(t)
}

// driveQueries sends requests at a fixed rate regardless of how fast they
// return (open loop), so slow responses show up as latency instead of
// silently lowering the load.
func driveQueries(ctx context.Context, client *http.Client, base string, rate int, d time.Duration, events int, seed uint64) LatencyReport {
	var mu sync.Mutex
	var lat []time.Duration
	var errs atomic.Int64
	r := rand.New(rand.NewPCG(seed, 2))
	interval := time.Second / time.Duration(rate)
	total := int(d / interval)
	sem := make(chan struct{}, 512)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < total && ctx.Err() == nil; i++ {
		if wait := time.Until(start.Add(time.Duration(i) * interval)); wait > 0 {
			time.Sleep(wait)
		}
		path := queryPath(r, events)
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			t0 := time.Now()
			resp, err := client.Get(base + path)
			if err == nil {
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					err = fmt.Errorf("status %d", resp.StatusCode)
				}
			}
			el := time.Since(t0)
			if err != nil {
				errs.Add(1)
			}
			mu.Lock()
			lat = append(lat, el)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return summarize("queries", lat, int(errs.Load()), time.Since(start), 0)
}

// measured runs a phase and records the CPU it cost per request.
func measured(name string, phase func() LatencyReport) LatencyReport {
	cpu := processCPU()
	rep := phase()
	rep.Name = name
	if rep.Requests > 0 {
		rep.CPUms = float64((processCPU() - cpu).Microseconds()) / 1000 / float64(rep.Requests)
	}
	return rep
}

// timeExports downloads n per-country CSV exports one after another, then
// one GeoJSON export of everything.
func timeExports(ctx context.Context, client *http.Client, base string, n int) []LatencyReport {
	run := func(name string, paths []string) LatencyReport {
		var lat []time.Duration
		var rows int64
		errs := 0
		start := time.Now()
		for _, p := range paths {
			if ctx.Err() != nil {
				break
			}
			t0 := time.Now()
			resp, err := client.Get(base + p)
			if err != nil {
				errs++
				continue
			}
			nl, err := countNewlines(resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != 200 {
				errs++
			}
			rows += nl
			lat = append(lat, time.Since(t0))
		}
		return summarize(name, lat, errs, time.Since(start), rows)
	}
	var csvPaths []string
	for i := 0; i < n; i++ {
		csvPaths = append(csvPaths, "/api/export.csv?country="+url.QueryEscape(loadCountries[i%len(loadCountries)].name))
	}
	return []LatencyReport{
		measured("export.csv by country", func() LatencyReport { return run("", csvPaths) }),
		measured("export.geojson all", func() LatencyReport { return run("", []string{"/api/export.geojson"}) }),
	}
}

func countNewlines(r io.Reader) (int64, error) {
	buf := make([]byte, 64<<10)
	var n int64
	for {
		k, err := r.Read(buf)
		for _, b := range buf[:k] {
			if b == '\n' {
				n++
			}
		}
		if err == io.EOF {
			return n, nil
		} else if err != nil {
			return n, err
		}
	}
}

func summarize(name string, lat []time.Duration, errs int, elapsed time.Duration, rows int64) LatencyReport {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	rep := LatencyReport{Name: name, Requests: len(lat), Errors: errs, P50ms: pct(0.50), P99ms: pct(0.99), Rows: rows}
	if len(lat) > 0 {
		rep.MaxMs = float64(lat[len(lat)-1].Microseconds()) / 1000
	}
	if elapsed > 0 {
		rep.PerSecond = float64(len(lat)) / elapsed.Seconds()
	}
	return rep
}

// newsDocs returns n distinct news-style reports from eleven conflicts,
// two sentences each, for load and crash tests that need real extraction
// work.
func newsDocs(prefix string, n int) []sitrep.Document {
	places := []string{"Aleppo, Syria", "Mosul, Iraq", "Taiz, Yemen", "Kharkiv, Ukraine", "Baidoa, Somalia",
		"Maiduguri, Nigeria", "Gao, Mali", "Lashio, Myanmar", "Nyala, Sudan", "Beni, Democratic Republic of Congo", "Kunduz, Afghanistan"}
	leads := []string{"An air strike hit a fuel depot near %s on Monday, killing %d people, officials said.",
		"Gunmen attacked a checkpoint outside %s on Tuesday and killed %d police officers, a security source said.",
		"A roadside bomb exploded beside a minibus near %s on Wednesday, killing %d passengers, witnesses said.",
		"Security forces arrested %[2]d protesters who had gathered in central %[1]s on Thursday, activists said."}
	docs := make([]sitrep.Document, n)
	for i := range docs {
		p := places[i%len(places)]
		docs[i] = sitrep.Document{
			ID:        fmt.Sprintf("%s-%05d", prefix, i),
			URL:       fmt.Sprintf("https://wire.example.com/%s/%d", prefix, i),
			Source:    "Example Wire",
			Published: fmt.Sprintf("2026-10-%02d", 1+i%28),
			Text: fmt.Sprintf(leads[i%len(leads)], p, 2+i%37) +
				fmt.Sprintf(" Report %s-%d described damage to %d houses and said residents had fled.", prefix, i, 3+i%11),
		}
	}
	return docs
}
