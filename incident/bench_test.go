package incident

import "testing"

func benchmarkLink(b *testing.B, n int) {
	reports := synthetic(n, 42)
	b.ResetTimer()
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
}

func BenchmarkLink10k(b *testing.B)  { benchmarkLink(b, 10_000) }
func BenchmarkLink100k(b *testing.B) { benchmarkLink(b, 100_000) }
