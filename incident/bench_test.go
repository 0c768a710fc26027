package incident

import "testing"

func benchmarkLink(b *testing.B, n int) {
	reports := synthetic(n, 42)
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		l := NewLinker()
		if err := l.Add(reports...); err != nil {
			b.Fatal(err)
		}
		if len(l.Incidents()) == 0 {
			b.Fatal("no incidents")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/event")
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/event")
}

func BenchmarkLink10k(b *testing.B)  { benchmarkLink(b, 10_000) }
func BenchmarkLink100k(b *testing.B) { benchmarkLink(b, 100_000) }

// BenchmarkAddOneTo100k measures the incremental cost: one more report
// added to a linker that already holds 100k, the work of one ingest.
func BenchmarkAddOneTo100k(b *testing.B) {
	reports := synthetic(100_000+b.N, 42)
	l := NewLinker()
	if err := l.Add(reports[:100_000]...); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := l.Add(reports[100_000+i]); err != nil {
			b.Fatal(err)
		}
	}
}
