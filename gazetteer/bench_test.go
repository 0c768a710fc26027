package gazetteer

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/benchcorpus"
)

// BenchmarkGeoparse measures mention finding and resolution over news text
// (the seed article and the fixture paragraphs as ~1 MB of separate
// documents); the MB/s column is the throughput per core.
func BenchmarkGeoparse(b *testing.B) {
	g := mustDefault(b)
	docs, size := benchDocs(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			g.Geoparse(d, sitrep.GeoHint{})
		}
	}
	reportCPUThroughput(b, size, cpu)
}

// BenchmarkFindMentions measures the one-pass mention finder alone, over
// the same text as one block.
func BenchmarkFindMentions(b *testing.B) {
	g := mustDefault(b)
	docs, size := benchDocs(b)
	text := strings.Join(docs, "\n\n")
	b.SetBytes(int64(size))
	toks := make([]token, 0, len(text)/4)
	buf := make([]byte, 0, len(text))
	var raws []rawMention // reused like Geoparse's pooled buffers
	var keys []byte
	var d doc
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		toks, buf = tokenize(text, toks[:0], buf[:0])
		d.reset(g, text, toks, buf)
		raws, keys = g.findMentions(&d, raws[:0], keys[:0])
	}
	reportCPUThroughput(b, size, cpu)
}

// cpuTime is the process's user+system CPU time. On a shared machine wall
// time understates throughput; MB per CPU-second does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPUThroughput(b *testing.B, size int, start time.Duration) {
	if d := cpuTime() - start; d > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/(1<<20)/d.Seconds(), "MB/cpu-s")
	}
}

// benchDocs returns about 1 MB of news documents and their total size.
func benchDocs(tb testing.TB) ([]string, int) {
	tb.Helper()
	seed, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var docs []string
	size := 0
	for size < 1<<20 {
		docs = append(docs, string(seed))
		size += len(seed)
		for _, p := range readParagraphs(tb, "testdata/paragraphs.txt") {
			docs = append(docs, p.text)
			size += len(p.text)
		}
	}
	return docs, size
}

// BenchmarkLoadDefault measures loading the embedded gazetteer and reports
// the live heap after loading (heap-MB).
func BenchmarkLoadDefault(b *testing.B) {
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = loadDefault(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(g)
}

// BenchmarkGeoparseACLED measures Geoparse over the corpus `sitrep bench`
// reads (benchcorpus: the evaluation notes, or SITREP_BENCH_CORPUS): short
// documents dense in place names, where the per-document cost of resolving
// dominates. Skipped without the file.
func BenchmarkGeoparseACLED(b *testing.B) {
	docs, n := benchcorpus.Load(b)
	size := int(n)
	g := mustDefault(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			g.Geoparse(d.Text, sitrep.GeoHint{})
		}
	}
	reportCPUThroughput(b, size, cpu)
}
