package feed

import (
	"testing"
	"time"
)

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2022-03-16T09:40:00Z", "2022-03-16T09:40:00Z"},
		{"2022-03-16T09:40:00.123+03:00", "2022-03-16T09:40:00+03:00"},
		{"2022-03-16T09:40:00+0300", "2022-03-16T09:40:00+03:00"},
		{"2022-03-16 09:40:00", "2022-03-16T09:40:00Z"},
		{"Wed, 16 Mar 2022 09:40:00 +0000", "2022-03-16T09:40:00Z"},
		{"Wed, 16 Mar 2022 09:40:00 GMT", "2022-03-16T09:40:00Z"},
		{"2022-03-16", "2022-03-16"},
		{"  2022/03/16 ", "2022-03-16"},
		{"March 16, 2022", "2022-03-16"},
		{"16 March 2022", "2022-03-16"},
		{"yesterday", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := NormalizeDate(tt.in); got != tt.want {
				t.Errorf("NormalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		name     string
		errors   int
		r        float64
		min, max time.Duration
	}{
		{"first error waits half a minute to a minute", 1, 0, 30 * time.Second, 30 * time.Second},
		{"first error with full jitter", 1, 0.999, 59 * time.Second, time.Minute},
		{"third error doubles twice", 3, 0.5, 3 * time.Minute, 3 * time.Minute},
		{"many errors are capped at six hours", 40, 0.999, 5*time.Hour + 59*time.Minute, 6 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Backoff(tt.errors, tt.r)
			if got < tt.min || got > tt.max {
				t.Errorf("Backoff(%d, %v) = %v, want in [%v, %v]", tt.errors, tt.r, got, tt.min, tt.max)
			}
		})
	}
}
