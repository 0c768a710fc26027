package feed

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseArticle(t *testing.T) {
	const base = "https://frontline.example"
	tests := []struct {
		name        string
		file        string
		contentType string
		pageURL     string
		wantURL     string
		wantTitle   string
		wantAuthor  string
		wantSite    string
		wantDate    string
		wantTime    string
		wantPrefix  string   // how the text must start: headline, blank line, first paragraph
		present     []string // body sentences that must reach the text
		absent      []string // boilerplate that must not
	}{
		{
			name:        "news page with nav, ads, comments and related links keeps only the story",
			file:        "article-taiz-boilerplate.html",
			contentType: "text/html; charset=utf-8",
			pageURL:     base + "/2022/03/16/taiz-market-shelling?utm_source=rss&utm_medium=feed",
			wantURL:     base + "/2022/03/16/taiz-market-shelling",
			wantTitle:   "Shelling kills four in Taiz market, officials say",
			wantAuthor:  "Amal Haddad",
			wantSite:    "Frontline Wire",
			wantDate:    "2022-03-16T09:40:00Z",
			wantTime:    "2022-03-16T09:40:00Z",
			wantPrefix:  "Shelling kills four in Taiz market, officials say\n\nArtillery shells struck a crowded vegetable market",
			present: []string{
				"Artillery shells struck a crowded vegetable market in the Yemeni city of Taiz on Wednesday morning, killing four civilians and wounding at least eleven others, local health officials said.",
				"Ambulances took the wounded to al-Thawra hospital, where a doctor said three of them were in a critical condition.",
				"more than 40 civilians had been killed or injured in the governorate in February alone.",
			},
			absent: []string{
				"Accept all cookies", "Subscribe for unlimited access", "SunFly Travel", "QuickInvest",
				"Water shortages deepen", "thoughts with the families", "evening bulletins",
				"Cup final", "morning briefing newsletter", "All rights reserved", "dataLayer",
				"By Amal Haddad",
			},
		},
		{
			name:        "date and author come from a JSON-LD @graph",
			file:        "article-marib-jsonld.html",
			contentType: "text/html",
			pageURL:     base + "/2022/03/15/marib-drone",
			wantURL:     base + "/2022/03/15/marib-drone",
			wantTitle:   "Drone strike reported near Marib dam",
			wantAuthor:  "Salem Nasser",
			wantDate:    "2022-03-15T21:12:00+03:00",
			present: []string{
				"A drone struck a military checkpoint near the Marib dam late on Tuesday, killing two soldiers, a pro-government commander told reporters on Wednesday.",
				"There was no immediate claim of responsibility for the strike.",
			},
			absent: []string{"Log in to your account", "Share this article"},
		},
		{
			name:        "Windows-1252 page declared by meta http-equiv decodes accents and curly quotes",
			file:        "article-sanaa-windows-1252.html",
			contentType: "text/html",
			pageURL:     "http://courrier.example/sanaa-cafe",
			wantURL:     "http://courrier.example/sanaa-cafe",
			wantTitle:   "Café bombing in Sana’a: “we heard two blasts”",
			wantDate:    "2022-01-18",
			present: []string{
				"Two explosions tore through a café in the old city of Sana’a on Monday evening",
				"“We heard two blasts, one after the other, and then everyone was running,” said a shopkeeper",
			},
			absent: []string{"Accueil", "tous droits réservés"},
		},
		{
			name:        "Windows-1252 named only by the Content-Type header",
			file:        "article-sanaa-windows-1252.html",
			contentType: "text/html; charset=windows-1252",
			pageURL:     "http://courrier.example/sanaa-cafe",
			wantURL:     "http://courrier.example/sanaa-cafe",
			wantTitle:   "Café bombing in Sana’a: “we heard two blasts”",
			wantDate:    "2022-01-18",
			present:     []string{"killing three men and injuring seven"},
		},
		{
			name:        "relative canonical link resolves against the page URL",
			file:        "article-rutshuru.html",
			contentType: "text/html; charset=UTF-8",
			pageURL:     "https://kivu.example/stories/rutshuru-clashes?from=home#top",
			wantURL:     "https://kivu.example/stories/rutshuru-clashes",
			wantTitle:   "Clashes displace villagers in Rutshuru territory",
			present: []string{
				"Fighting between the Congolese army and M23 rebels near the village of Bugusa in Rutshuru territory forced hundreds of families to flee towards Uganda on Thursday",
			},
			absent: []string{"donate now", "Join the discussion"},
		},
		{
			name:        "WordPress post whose comment thread is longer than the story",
			file:        "article-wordpress-long-comments.html",
			contentType: "text/html; charset=UTF-8",
			pageURL:     "https://nilenotes.example/2022/01/30/khartoum-marches/",
			wantURL:     "https://nilenotes.example/2022/01/30/khartoum-marches/",
			wantTitle:   "Protesters and police clash in Khartoum as marches resume",
			wantAuthor:  "Nile Notes staff",
			wantDate:    "2022-01-30T19:02:11+02:00",
			wantPrefix:  "Protesters and police clash in Khartoum as marches resume\n\nSecurity forces fired tear gas and stun grenades",
			present: []string{
				"The doctors' committee said one protester was killed after being hit in the chest by a tear gas canister in the Bahri district",
				"Organisers have called for further demonstrations in Omdurman and Wad Madani later in the week.",
			},
			absent: []string{"Arab market", "grandmother", "bridges were closed", "Leave a Reply", "Archives", "WordPress", "About us"},
		},
		{
			name:        "Arabic page in windows-1256 declared after 2 KB of inline script",
			file:        "article-taiz-windows-1256-late-meta.html",
			contentType: "text/html",
			pageURL:     "https://arabic.example/taiz",
			wantURL:     "https://arabic.example/taiz",
			wantTitle:   "مقتل أربعة مدنيين في قصف على تعز",
			present:     []string{"قتل أربعة مدنيين وأصيب أحد عشر آخرون صباح الأربعاء في قصف مدفعي استهدف سوقا شعبية في مدينة تعز، بحسب مصادر طبية محلية."},
			absent:      []string{"var cfg", "الرئيسية"},
		},
		{
			name:        "page rendered by JavaScript: the story comes from JSON-LD articleBody",
			file:        "article-spa-jsonld-body.html",
			contentType: "text/html",
			pageURL:     "https://deltadaily.example/mali/mopti-landmine",
			wantURL:     "https://deltadaily.example/mali/mopti-landmine",
			wantTitle:   "Landmine blast kills three herders near Mopti",
			wantAuthor:  "Aminata Keïta",
			wantSite:    "Delta Daily",
			wantDate:    "2022-02-21T15:10:00Z",
			wantPrefix:  "Landmine blast kills three herders near Mopti\n\nThree herders were killed when their cart struck a landmine",
			present:     []string{"a fourth man was taken to hospital in Mopti with leg injuries.\n\nImprovised explosives have killed dozens of civilians"},
			absent:      []string{"Loading", "enable JavaScript"},
		},
		{
			name:        "a lone dateline is neither the byline nor a paragraph",
			file:        "article-djibo.html",
			contentType: "text/html",
			pageURL:     "https://sahel.example/reports/djibo-convoy",
			wantURL:     "https://sahel.example/reports/djibo-convoy",
			wantTitle:   "Gunmen attack convoy near Djibo and burn two trucks",
			wantSite:    "Sahel Monitor",
			wantTime:    "2022-02-07",
			wantPrefix:  "Gunmen attack convoy near Djibo and burn two trucks\n\nSuspected jihadist fighters ambushed",
			absent:      []string{"7 February 2022", "weekly digest"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle(fixture(t, tt.file, "https://frontline.example"), tt.contentType, tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.ValidString(a.Text) {
				t.Errorf("text is not valid UTF-8")
			}
			for _, c := range []struct{ field, got, want string }{
				{"URL", a.URL, tt.wantURL},
				{"Title", a.Title, tt.wantTitle},
				{"Author", a.Author, tt.wantAuthor},
				{"Published", a.Published, tt.wantDate},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
			if tt.wantSite != "" && a.SiteName != tt.wantSite {
				t.Errorf("SiteName = %q, want %q", a.SiteName, tt.wantSite)
			}
			if tt.wantTime != "" && a.TimeElement != tt.wantTime {
				t.Errorf("TimeElement = %q, want %q", a.TimeElement, tt.wantTime)
			}
			if !strings.HasPrefix(a.Text, tt.wantPrefix) {
				t.Errorf("text starts %.120q, want %q", a.Text, tt.wantPrefix)
			}
			for _, s := range tt.present {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text lacks body sentence %q\ntext:\n%s", s, a.Text)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(a.Text, s) {
					t.Errorf("text contains boilerplate %q\ntext:\n%s", s, a.Text)
				}
			}
		})
	}
}

func TestParseArticleWithoutText(t *testing.T) {
	_, err := ParseArticle([]byte("<html><head><title>Gallery</title></head><body><nav>Home</nav><img src=a.jpg></body></html>"), "text/html", "https://x.example/gallery")
	if !errors.Is(err, ErrNoArticle) || !strings.Contains(err.Error(), "https://x.example/gallery") {
		t.Errorf("err = %v, want ErrNoArticle naming the URL", err)
	}
}

func FuzzArticle(f *testing.F) {
	for _, name := range []string{"article-taiz-boilerplate.html", "article-marib-jsonld.html", "article-sanaa-windows-1252.html"} {
		f.Add(fixture(f, name, "https://news.example"), "text/html")
	}
	f.Add([]byte("<p>short</p>"), "text/html; charset=iso-8859-1")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		a, err := ParseArticle(body, contentType, "https://news.example/story")
		if a == nil {
			if err == nil {
				t.Fatal("nil article without error")
			}
			return
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8 in article %+v", a)
		}
		if a.Published != "" && NormalizeDate(a.Published) == "" {
			t.Fatalf("unreadable date %q", a.Published)
		}
		if strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("paragraphs separated by more than one blank line")
		}
	})
}

func BenchmarkParseArticle(b *testing.B) {
	page := fixture(b, "article-taiz-boilerplate.html", "https://frontline.example")
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := ParseArticle(page, "text/html", "https://frontline.example/2022/03/16/taiz-market-shelling"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestParseArticleKeepsDatesInsideSentences(t *testing.T) {
	page := `<html><head><title>Shelling in Kharkiv</title></head><body><article>
<p>Shells hit a residential block in Kharkiv on <time datetime="2022-03-07">Monday</time>, killing two people and damaging a school, the regional governor said.</p>
<p>Rescue workers searched the rubble through the night, and the governor said the city's metro stations were again being used as shelters.</p>
</article></body></html>`
	a, err := ParseArticle([]byte(page), "text/html", "https://x.example/kharkiv")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Shells hit a residential block in Kharkiv on Monday, killing two people"; !strings.Contains(a.Text, want) {
		t.Errorf("text lacks %q:\n%s", want, a.Text)
	}
}

func TestParseArticleIgnoresCanonicalPointingAtHomePage(t *testing.T) {
	page := `<html><head><title>Clashes in Tigray</title><link rel="canonical" href="https://outlet.example/"></head><body><article>
<p>Fighting broke out between federal troops and regional forces near the town of Alamata on Saturday, residents said.</p>
<p>Aid agencies said they had suspended convoys on the main road north while the fighting continued.</p></article></body></html>`
	a, err := ParseArticle([]byte(page), "text/html", "https://outlet.example/africa/tigray-clashes")
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://outlet.example/africa/tigray-clashes"; a.URL != want {
		t.Errorf("URL = %q, want the page's own URL %q", a.URL, want)
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://News.Example/2022/story?utm_source=rss&utm_medium=feed#comments", "https://news.example/2022/story"},
		{"https://news.example/story?id=42&fbclid=abc", "https://news.example/story?id=42"},
		{"https://news.example/story?b=2&a=1", "https://news.example/story?a=1&b=2"},
		{"  https://news.example/story  ", "https://news.example/story"},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if DocumentID("https://news.example/story?utm_campaign=x") != DocumentID("https://news.example/story") {
		t.Error("tracking parameters change the document ID")
	}
}
