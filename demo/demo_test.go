package demo

import (
	"strings"
	"testing"
	"time"
)

func TestDocuments(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 21 {
		t.Fatalf("%d documents, want the seed article and at least 20 others", len(docs))
	}
	if docs[0].ID != "seed-isis-iraq-syria" || !strings.Contains(docs[0].Text, "90,000 brightly-colored leaflets") {
		t.Errorf("first document is %q, want the seed article", docs[0].ID)
	}
	ids, urls := map[string]bool{}, map[string]bool{}
	var first, last time.Time
	for _, d := range docs[1:] {
		if ids[d.ID] || urls[d.URL] {
			t.Errorf("%s: id or url repeated", d.ID)
		}
		ids[d.ID], urls[d.URL] = true, true
		if d.Title == "" || d.Source == "" || !strings.HasPrefix(d.URL, "https://") || !strings.Contains(d.URL, ".example.") {
			t.Errorf("%s: want title, source and an example.* URL, got %q %q %q", d.ID, d.Title, d.Source, d.URL)
		}
		p, ok, err := d.PublishedTime()
		if !ok || err != nil {
			t.Errorf("%s: published %q: %v", d.ID, d.Published, err)
			continue
		}
		if first.IsZero() || p.Before(first) {
			first = p
		}
		if p.After(last) {
			last = p
		}
	}
	if span := last.Sub(first); span < 14*24*time.Hour {
		t.Errorf("publication dates span %v, want a few weeks", span)
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, in, wantErr string
	}{
		{"header and text", "title: Clashes\nsource: Example\n\nFighting broke out.", ""},
		{"no blank line", "title: Clashes\nFighting broke out.", "no blank line"},
		{"malformed header names its line", "title: Clashes\nsource Example\n\nFighting.", "x.txt:2:"},
		{"unknown header", "title: Clashes\nauthor: Someone\n\nFighting.", `unknown header "author"`},
		{"bad date", "published: sometime\n\nFighting.", "invalid date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("x.txt", tc.in)
			if tc.wantErr == "" {
				if err != nil || d.ID != "x" || d.Title != "Clashes" || d.Text != "Fighting broke out.\n" {
					t.Errorf("got %+v, %v", d, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want %q", err, tc.wantErr)
			}
		})
	}
}
