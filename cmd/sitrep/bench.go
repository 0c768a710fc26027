package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/text"
)

func init() {
	register("bench", "measure extraction throughput and memory against bare tokenisation", func(stdin io.Reader, stdout, stderr io.Writer) Command {
		return &BenchCommand{stdout: stdout, stderr: stderr}
	})
}

// BenchCommand times end-to-end extraction over a corpus next to a bare
// text.Tokenize pass over the same bytes, in the same run, so the ratio
// holds on any machine.
type BenchCommand struct {
	stdout, stderr io.Writer
}

const benchSynopsis = "bench [--corpus FILE.jsonl|FILE.csv|DIR] [--repeat N] [--workers N] [--json]"

// BenchResult is what bench measures.
type BenchResult struct {
	Corpus          string  `json:"corpus"`
	Docs            int     `json:"docs"`
	Bytes           int64   `json:"bytes"`
	Repeat          int     `json:"repeat"`
	Workers         int     `json:"workers"`
	Events          int     `json:"events"`
	ExtractSeconds  float64 `json:"extract_seconds"`
	ExtractMBps     float64 `json:"extract_mb_per_s"`
	ExtractMBpsCore float64 `json:"extract_mb_per_s_per_core"` // bytes per CPU-second: holds on a busy machine
	ExtractCPUSecs  float64 `json:"extract_cpu_seconds"`
	DocsPerSecond   float64 `json:"docs_per_s"`
	TokenizeMBps    float64 `json:"tokenize_mb_per_s"`     // wall clock
	TokenizeMBpsCPU float64 `json:"tokenize_mb_per_cpu_s"` // bytes per CPU-second
	Ratio           float64 `json:"ratio"`                 // CPU time of extraction / CPU time of tokenisation
	RatioMedian     float64 `json:"ratio_median"`          // the same, median over passes taken side by side
	// PassMBpsCore is the extraction rate per CPU-second of the slowest,
	// the median and the fastest pass.
	PassMBpsCore [3]float64 `json:"pass_mb_per_cpu_s"`
	PeakHeapMB   float64    `json:"peak_heap_mb"`
	MaxRSSMB     float64    `json:"max_rss_mb"`
	Gazetteer    bool       `json:"gazetteer"` // places were geocoded
}

// Run implements Command.
func (c *BenchCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("bench", benchSynopsis, c.stderr)
	corpus := fs.String("corpus", "", "JSONL, ACLED CSV or directory of .txt files (default: ../shared/eval/acled-2022q1.csv if present, else testdata/)")
	repeat := fs.Int("repeat", 3, "passes over the corpus")
	workers := fs.Int("workers", 1, "extraction goroutines")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	lexDir := fs.String("lexicon", "", "directory of dictionary files added on top of the embedded ones")
	noGeo := fs.Bool("no-gazetteer", false, "do not geocode places")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the extraction passes to `FILE` (go tool pprof reads it)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *repeat < 1 || *workers < 1 {
		return &UsageError{Msg: "bench: --repeat and --workers must be at least 1"}
	}
	if *corpus == "" {
		*corpus = defaultCorpus()
	}
	docs, err := loadCorpus(*corpus)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("bench: %s holds no documents", *corpus)
	}
	ex, err := buildEngine(*lexDir, !*noGeo)
	if err != nil {
		return err
	}
	r := BenchResult{Corpus: *corpus, Docs: len(docs), Repeat: *repeat, Workers: *workers, Gazetteer: !*noGeo}
	for _, d := range docs {
		r.Bytes += int64(len(d.Text))
	}
	total := float64(r.Bytes) * float64(*repeat) / 1e6

	// Warm up once (lazy tables, page faults), then time.
	_, _ = ex.Extract(docs[0])
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	stopPeak := trackPeakHeap()
	// Each extraction pass is followed by a tokenisation pass over the
	// same bytes, so both see the same machine: on a shared VM the rate
	// of either swings ±10% from second to second, and a ratio of two
	// passes taken side by side holds better than one of two long runs.
	// The figures per pass are reported as medians next to the totals.
	pass := float64(r.Bytes) / 1e6
	var extractCPU, ratios []float64
	var extractWall, tokWall, tokCPU float64
	var events atomic.Int64
	for rep := 0; rep < *repeat && ctx.Err() == nil; rep++ {
		cpu0, start := cpuSeconds(), time.Now()
		events.Add(int64(extractPass(ctx, ex, docs, *workers)))
		ecpu := cpuSeconds() - cpu0
		extractWall += time.Since(start).Seconds()

		cpu0, start = cpuSeconds(), time.Now()
		for _, d := range docs {
			text.Tokenize(d.Text)
		}
		tcpu := cpuSeconds() - cpu0
		tokWall += time.Since(start).Seconds()
		tokCPU += tcpu
		extractCPU = append(extractCPU, ecpu)
		ratios = append(ratios, ecpu/max(tcpu, 1e-6))
	}
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	r.PeakHeapMB = stopPeak()
	r.Events = int(events.Load()) / *repeat
	for _, c := range extractCPU {
		r.ExtractCPUSecs += c
	}
	r.ExtractSeconds = extractWall
	r.ExtractMBps = total / extractWall
	r.ExtractMBpsCore = total / r.ExtractCPUSecs
	slices.Sort(extractCPU) // longest pass last: the slowest rate
	r.PassMBpsCore = [3]float64{pass / extractCPU[len(extractCPU)-1], pass / median(extractCPU), pass / extractCPU[0]}
	r.DocsPerSecond = float64(len(docs)**repeat) / extractWall
	r.TokenizeMBps = total / tokWall
	r.TokenizeMBpsCPU = total / tokCPU
	r.Ratio = r.ExtractCPUSecs / tokCPU
	r.RatioMedian = median(ratios)
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		r.MaxRSSMB = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	fmt.Fprintf(c.stdout, "corpus      %s: %d docs, %.2f MB × %d passes, %d workers\n", r.Corpus, r.Docs, float64(r.Bytes)/1e6, r.Repeat, r.Workers)
	fmt.Fprintf(c.stdout, "extract     %.2f MB/s wall, %.2f MB per CPU-second (passes: median %.2f, %.2f–%.2f), %.0f docs/s, %d events per pass\n",
		r.ExtractMBps, r.ExtractMBpsCore, r.PassMBpsCore[1], r.PassMBpsCore[0], r.PassMBpsCore[2], r.DocsPerSecond, r.Events)
	fmt.Fprintf(c.stdout, "tokenize    %.2f MB/s wall, %.2f MB per CPU-second\n", r.TokenizeMBps, r.TokenizeMBpsCPU)
	fmt.Fprintf(c.stdout, "ratio       %.1f× (CPU time of extraction ÷ CPU time of bare tokenisation; median over passes %.1f×)\n", r.Ratio, r.RatioMedian)
	gz := "with the gazetteer loaded"
	if *noGeo {
		gz = "without the gazetteer"
	}
	fmt.Fprintf(c.stdout, "memory      peak heap %.1f MB, max RSS %.1f MB (%s)\n", r.PeakHeapMB, r.MaxRSSMB, gz)
	return nil
}

// cpuSeconds is the CPU time (user + system) the process has used. Rates
// per CPU-second stay meaningful when other programs share the cores.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// trackPeakHeap samples the live heap every 10 ms until the returned
// function is called, which reports the peak in MB.
func trackPeakHeap() func() float64 {
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(samples)
			if v := samples[0].Value.Uint64(); v > peak {
				peak = v
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() float64 {
		close(done)
		wg.Wait()
		return float64(peak) / 1e6
	}
}

func defaultCorpus() string {
	for _, p := range []string{"../shared/eval/acled-2022q1.csv", "/work/shared/eval/acled-2022q1.csv"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "testdata"
}

// loadCorpus reads documents from an ACLED CSV (notes), a JSONL file or a
// directory tree of .txt files.
func loadCorpus(path string) ([]*sitrep.Document, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	var docs []*sitrep.Document
	switch {
	case st.IsDir():
		err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			docs = append(docs, &sitrep.Document{ID: p, Text: string(b)})
			return nil
		})
	case strings.HasSuffix(strings.ToLower(path), ".csv"):
		rows, err := eval.ReadFile(path)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			docs = append(docs, r.Document())
		}
	default:
		var bad error
		err = readDocuments(path, nil, "", func(d *sitrep.Document, _ string) { docs = append(docs, d) }, func(e error) {
			if bad == nil {
				bad = e
			}
		})
		if err == nil {
			err = bad
		}
	}
	return docs, err
}

// extractPass runs the engine over docs on workers goroutines and returns
// the number of events. Workers claim documents through a shared counter
// rather than a channel: a channel hand-off per document wakes a parked
// goroutine on the other core each time, and that scheduler cost (7% of
// the CPU in profiles) is the harness's, not extraction's.
func extractPass(ctx context.Context, ex *extract.Engine, docs []*sitrep.Document, workers int) int {
	var next, events atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(docs) {
					break
				}
				evs, _ := ex.Extract(docs[i])
				n += len(evs)
			}
			events.Add(int64(n))
		}()
	}
	wg.Wait()
	return int(events.Load())
}

// median returns the median of xs, which it sorts.
func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
