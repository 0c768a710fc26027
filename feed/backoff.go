package feed

import "time"

// Backoff bounds. A feed that fails is retried after about a minute, then
// two, four… up to six hours, so a dead feed costs four requests a day and
// a briefly broken one recovers quickly.
const (
	BackoffBase = time.Minute
	BackoffMax  = 6 * time.Hour
)

// Backoff returns how long to wait after the n-th consecutive error
// (n ≥ 1): BackoffBase·2^(n-1) capped at BackoffMax, with "equal jitter" —
// half of it fixed, half drawn from r in [0,1) — so that feeds that failed
// together do not all retry in the same second.
func Backoff(n int, r float64) time.Duration {
	if n < 1 {
		n = 1
	}
	d := BackoffBase
	for i := 1; i < n && d < BackoffMax; i++ {
		d *= 2
	}
	if d > BackoffMax {
		d = BackoffMax
	}
	return d/2 + time.Duration(r*float64(d/2))
}
