package sitrep_test

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep"
)

func TestFeedHealth(t *testing.T) {
	at := time.Date(2022, 3, 17, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		feed sitrep.Feed
		want string
	}{
		{"listed but never fetched", sitrep.Feed{URL: "https://a.example/rss"}, sitrep.FeedPending},
		{"fetched without trouble", sitrep.Feed{LastFetch: at, LastStatus: 200}, sitrep.FeedOK},
		{"not modified is healthy", sitrep.Feed{LastFetch: at, LastStatus: 304}, sitrep.FeedOK},
		{"some items to retry", sitrep.Feed{LastFetch: at, LastStatus: 200, LastError: "2 item(s) could not be fetched"}, sitrep.FeedDegraded},
		{"last fetch failed", sitrep.Feed{LastFetch: at, LastStatus: 500, LastError: "HTTP 500", Errors: 1}, sitrep.FeedFailing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.feed.Health(); got != tt.want {
				t.Errorf("Health() = %q, want %q", got, tt.want)
			}
		})
	}
}
