package feed

import (
	"testing"
	"time"
)

func TestRobotsRules(t *testing.T) {
	const robots = `# robots.txt for a news site
User-agent: *
Disallow: /search
Disallow: /*?print=
Allow: /search/about$

User-agent: GPTBot
User-agent: sitrep
Disallow: /archive/
Allow: /archive/2022/
Crawl-delay: 2.5

User-agent: BadBot
Disallow: /
`
	tests := []struct {
		name  string
		agent string
		path  string
		want  bool
	}{
		{"our group disallows the archive", "sitrep", "/archive/2019/story", false},
		{"a longer Allow wins over a shorter Disallow", "sitrep", "/archive/2022/03/story", true},
		{"our group replaces the * group entirely", "sitrep", "/search?q=taiz", true},
		{"other agents use the * group", "otherbot", "/search?q=taiz", false},
		{"wildcard in the middle", "otherbot", "/story/123?print=1", false},
		{"$ anchors the end: exact path allowed", "otherbot", "/search/about", true},
		{"$ anchors the end: longer path falls back to Disallow", "otherbot", "/search/about/team", false},
		{"unlisted paths are allowed", "otherbot", "/2022/03/16/taiz", true},
		{"agent match ignores case", "SITREP", "/archive/2019/x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ParseRobots([]byte(robots), tt.agent)
			if got := r.Allowed(tt.path); got != tt.want {
				t.Errorf("Allowed(%q) for %s = %v, want %v", tt.path, tt.agent, got, tt.want)
			}
		})
	}
	t.Run("crawl-delay of our group is read", func(t *testing.T) {
		if got, want := ParseRobots([]byte(robots), "sitrep").CrawlDelay, 2500*time.Millisecond; got != want {
			t.Errorf("CrawlDelay = %v, want %v", got, want)
		}
	})
	t.Run("empty Disallow allows everything", func(t *testing.T) {
		if !ParseRobots([]byte("User-agent: *\nDisallow:\n"), "sitrep").Allowed("/anything") {
			t.Error("disallowed")
		}
	})
	t.Run("no robots.txt allows everything", func(t *testing.T) {
		if !ParseRobots(nil, "sitrep").Allowed("/") {
			t.Error("disallowed")
		}
	})
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private/\nAllow: /private/ok$\nCrawl-delay: 3\n"), "/private/x")
	f.Add([]byte("User-agent: sitrep\nDisallow: /*.pdf$\n"), "/a/b.pdf")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		r := ParseRobots(data, "sitrep")
		r.Allowed(path) // must not panic or hang
		if r.CrawlDelay < 0 || r.CrawlDelay > time.Hour {
			t.Fatalf("crawl delay %v", r.CrawlDelay)
		}
	})
}
