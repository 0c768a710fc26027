package feed

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseFeed(t *testing.T) {
	const base = "https://news.example"
	tests := []struct {
		name      string
		file      string
		feedURL   string
		wantType  string
		wantTitle string
		want      []Item
	}{
		{
			name: "RSS 2.0 with GUIDs, dc:creator and an item without GUID", file: "rss2.xml", feedURL: base + "/rss.xml",
			wantType: "rss", wantTitle: "Frontline Wire – Middle East",
			want: []Item{
				{Key: "frontline-wire-48213", Link: base + "/2022/03/16/taiz-market-shelling?utm_source=rss&utm_medium=feed",
					Title: "Shelling kills four in Taiz market, officials say", Author: "Amal Haddad", Published: "2022-03-16T09:40:00Z",
					Text: "Four people were killed when shells struck a market in Taiz."},
				{Key: "frontline-wire-48190", Link: base + "/2022/03/15/marib-drone", Title: "Drone strike reported near Marib dam",
					Published: "2022-03-15T21:12:00Z", Text: "A drone hit a checkpoint near the Marib dam late on Tuesday."},
				{Key: base + "/2022/03/14/aden-fuel-protest", Link: base + "/2022/03/14/aden-fuel-protest",
					Title: "Protesters rally in Aden over fuel prices", Published: "2022-03-14T16:00:00Z", Text: "Hundreds marched in Crater district."},
			},
		},
		{
			name: "Atom with a relative link, HTML title and updated-only entry", file: "atom.xml", feedURL: base + "/atom.xml",
			wantType: "atom", wantTitle: "Sahel Monitor",
			want: []Item{
				{Key: "tag:sahelmonitor.example,2022:entry-7731", Link: base + "/reports/djibo-convoy",
					Title: "Gunmen attack convoy near Djibo & burn two trucks", Author: "Ousmane Traoré", Published: "2022-02-07T18:20:00Z",
					Text: "An army supply convoy came under fire on the road north of Djibo."},
				{Key: "tag:sahelmonitor.example,2022:entry-7729", Link: base + "/reports/menaka-curfew", Title: "Curfew extended in Ménaka region",
					Published: "2022-02-06T10:00:00Z", Text: "Authorities in Ménaka extended a night curfew by two weeks."},
			},
		},
		{
			name: "JSON Feed 1.1 with content_html and content_text", file: "feed.json", feedURL: base + "/feed.json",
			wantType: "json", wantTitle: "Kivu Dispatch",
			want: []Item{
				{Key: "kd-2022-0211-01", Link: base + "/stories/rutshuru-clashes", Title: "Clashes displace villagers in Rutshuru territory",
					Author: "Grace Mbuyi", Published: "2022-02-11T06:45:00+01:00",
					Text: "Fighting between the army and a rebel group forced families to flee."},
				{Key: "kd-2022-0210-03", Link: base + "/stories/goma-arrests", Title: "Police detain activists in Goma",
					Published: "2022-02-10T14:00:00+01:00", Text: "Six activists were detained during a sit-in outside the governor's office."},
			},
		},
		{
			name: "RSS 1.0 (RDF) with Dublin Core date and creator", file: "rss1-rdf.xml", feedURL: base + "/rss1.rdf",
			wantType: "rss", wantTitle: "Caucasus Bulletin",
			want: []Item{
				{Key: base + "/notes/2022-02-24-shelling", Link: base + "/notes/2022-02-24-shelling", Title: "Shelling reported along the line of contact",
					Author: "Nino Beridze", Published: "2022-02-24T05:30:00+04:00", Text: "Both sides reported artillery fire overnight near two border villages."},
			},
		},
		{
			name: "RSS declared windows-1252 decodes accents and curly quotes", file: "rss-windows-1252.xml", feedURL: base + "/rss",
			wantType: "rss", wantTitle: "Le Courrier du Yémen",
			want: []Item{
				{Key: "courrier-2022-0118", Link: base + "/sanaa-cafe", Title: "Café bombing in Sana’a: “we heard two blasts”",
					Published: "2022-01-18T08:15:00+03:00", Text: "Two explosions tore through a café in the old city of Sana’a on Monday evening."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFeed(fixture(t, tt.file, base), tt.feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if got.Type != tt.wantType || got.Title != tt.wantTitle {
				t.Errorf("type, title = %q, %q, want %q, %q", got.Type, got.Title, tt.wantType, tt.wantTitle)
			}
			if len(got.Items) != len(tt.want) {
				t.Fatalf("got %d items, want %d: %+v", len(got.Items), len(tt.want), got.Items)
			}
			for i, want := range tt.want {
				g := got.Items[i]
				g.Published = normUTC(g.Published, want.Published)
				if g != want {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, g, want)
				}
			}
		})
	}
}

// normUTC lets a test state a feed date in the zone the feed wrote it:
// gofeed may hand back the same instant in UTC.
func normUTC(got, want string) string {
	g, ok1, _ := parseRFC3339(got)
	w, ok2, _ := parseRFC3339(want)
	if ok1 && ok2 && g.Equal(w) {
		return want
	}
	return got
}

func TestParseFeedErrors(t *testing.T) {
	tests := []struct {
		name string
		body string
		is   error
	}{
		{"truncated RSS", string(fixture(t, "malformed.xml", "https://x.example")), nil},
		{"an HTML home page instead of the feed", "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Latest news</p></body></html>", ErrNotFeed},
		{"empty body", "", ErrNotFeed},
		{"JSON that is not a feed", `{"status":"ok","items":3}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFeed([]byte(tt.body), "https://x.example/feed")
			if err == nil {
				t.Fatal("got no error")
			}
			var fe *Error
			if !errors.As(err, &fe) || fe.URL != "https://x.example/feed" {
				t.Errorf("err = %v, want an *Error naming the feed URL", err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want %v", err, tt.is)
			}
		})
	}
}

func FuzzParseFeed(f *testing.F) {
	for _, name := range []string{"rss2.xml", "rss1-rdf.xml", "atom.xml", "feed.json", "malformed.xml"} {
		f.Add(fixture(f, name, "https://news.example"))
	}
	f.Add([]byte(`<rss version="2.0"><channel><item><guid>a</guid></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseFeed(data, "https://news.example/feed")
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, it := range p.Items {
			if it.Key == "" || seen[it.Key] {
				t.Fatalf("item key %q empty or repeated", it.Key)
			}
			seen[it.Key] = true
			if it.Published != "" && NormalizeDate(it.Published) == "" {
				t.Fatalf("unreadable date %q", it.Published)
			}
		}
	})
}

func parseRFC3339(s string) (time.Time, bool, error) {
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil, err
}

func BenchmarkParseFeed(b *testing.B) {
	data := fixture(b, "rss2.xml", "https://news.example")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseFeed(data, "https://news.example/rss.xml"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestParseFeedOnAHomePageNamesItsFeed(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Frontline Wire</title>
<link rel="alternate" type="application/rss+xml" title="Middle East" href="/middle-east/rss.xml">
<link rel="alternate" type="application/atom+xml" href="https://frontline.example/atom">
<link rel="alternate" hreflang="fr" href="/fr/"></head><body><p>Latest news</p></body></html>`
	_, err := ParseFeed([]byte(page), "https://frontline.example/")
	if !errors.Is(err, ErrNotFeed) {
		t.Fatalf("err = %v, want ErrNotFeed", err)
	}
	want := "it names its feed: https://frontline.example/middle-east/rss.xml https://frontline.example/atom"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("err = %q, want the hint %q", err, want)
	}
}
