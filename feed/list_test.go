package feed

import (
	"errors"
	"strings"
	"testing"
)

func TestParseList(t *testing.T) {
	t.Run("plain list keeps good lines and names the bad one by line", func(t *testing.T) {
		got, err := ParseList("feeds.txt", fixture(t, "feeds.txt", ""))
		want := []string{
			"https://frontline.example/rss.xml",
			"https://sahel.example/atom.xml",
			"https://kivu.example/feed.json",
			"https://yemendesk.example/2022/report#section-2",
		}
		if len(got) != len(want) {
			t.Fatalf("got %d sources %+v, want %d", len(got), got, len(want))
		}
		for i := range want {
			if got[i].URL != want[i] {
				t.Errorf("source %d = %q, want %q", i, got[i].URL, want[i])
			}
		}
		if got[1].Line != 3 {
			t.Errorf("sahel listed on line %d, want 3", got[1].Line)
		}
		var fe *Error
		if !errors.As(err, &fe) || fe.Line != 5 || !strings.HasPrefix(err.Error(), "feeds.txt:5: ") {
			t.Errorf("err = %v, want an error for feeds.txt:5", err)
		}
	})
	t.Run("OPML nested folders, duplicates listed once, bad scheme reported", func(t *testing.T) {
		got, err := ParseList("subs.opml", fixture(t, "feeds.opml", ""))
		want := []Source{
			{URL: "https://frontline.example/rss.xml", Title: "Frontline Wire – Middle East"},
			{URL: "https://yemendesk.example/feed/", Title: "Yemen Desk"},
			{URL: "https://sahel.example/atom.xml", Title: "Sahel Monitor"},
			{URL: "https://kivu.example/feed.json", Title: "Kivu Dispatch"},
		}
		if len(got) != len(want) {
			t.Fatalf("got %+v, want %+v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("source %d = %+v, want %+v", i, got[i], want[i])
			}
		}
		if err == nil || !strings.Contains(err.Error(), "ftp://old.example/feed") {
			t.Errorf("err = %v, want the ftp outline reported", err)
		}
	})
	t.Run("broken OPML reports the line", func(t *testing.T) {
		_, err := ParseList("subs.opml", []byte("<opml>\n<body>\n<outline xmlUrl=\"https://a.example/\">\n</body>"))
		var fe *Error
		if !errors.As(err, &fe) || fe.Line == 0 {
			t.Errorf("err = %v, want a located OPML error", err)
		}
	})
	t.Run("empty list gives nothing and no error", func(t *testing.T) {
		got, err := ParseList("empty.txt", []byte("# nothing yet\n\n"))
		if len(got) != 0 || err != nil {
			t.Errorf("got %v, %v", got, err)
		}
	})
}

func FuzzParseList(f *testing.F) {
	f.Add(fixture(f, "feeds.txt", ""))
	f.Add(fixture(f, "feeds.opml", ""))
	f.Add([]byte("<opml><body><outline xmlUrl=\"https://a.example/\"><outline xmlUrl=\"http://b.example/rss\"/></outline></body></opml>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		srcs, _ := ParseList("fuzz.txt", data)
		seen := map[string]bool{}
		for _, s := range srcs {
			if _, err := checkFeedURL(s.URL); err != nil || seen[s.URL] {
				t.Fatalf("listed %q: %v (duplicate %v)", s.URL, err, seen[s.URL])
			}
			seen[s.URL] = true
		}
	})
}
