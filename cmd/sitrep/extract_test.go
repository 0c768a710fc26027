package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

func TestExtractCommandReportsBadLinesAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "docs.jsonl")
	body := `{"id":"a","text":"Gunmen killed four soldiers at a checkpoint near Mopti on Monday.","published":"2022-03-02"}
{"id":"b","text":
{"id":"c","text":"Police arrested six men in Recife.","published":"not a date"}
{"id":"d","text":"Protesters marched in Nairobi on Friday.","published":"2022-03-05"}
`
	if err := os.WriteFile(jsonl, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"extract", "--no-gazetteer", jsonl, filepath.Join(dir, "missing.txt")}, nil, &out, &errb)
	if code != ExitFailure {
		t.Fatalf("exit code: got %d, want %d; stderr:\n%s", code, ExitFailure, errb.String())
	}
	for _, want := range []string{"docs.jsonl:2: malformed JSON", "docs.jsonl:3: invalid date", "missing.txt"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	docs := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var ev sitrep.Event
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		docs[ev.DocID] = true
	}
	if !docs["a"] || !docs["d"] || docs["b"] || docs["c"] {
		t.Fatalf("got events for %v, want a and d only", docs)
	}
}

func TestExtractCommandTextAndHTML(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "report.txt")
	html := filepath.Join(dir, "page.html")
	os.WriteFile(txt, []byte("Russian forces shelled Kharkiv on Wednesday, killing two people."), 0o644)
	os.WriteFile(html, []byte("<html><head><script>var x=1</script></head><body><p>Hundreds of teachers protested in Kathmandu on Friday.</p></body></html>"), 0o644)
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"extract", "--no-gazetteer", "--published", "2022-03-04", txt, html}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	if !strings.Contains(s, `"doc_id":"report.txt"`) || !strings.Contains(s, `"event_date":"2022-03-02"`) || !strings.Contains(s, `"doc_id":"page.html"`) || strings.Contains(s, "var x") {
		t.Fatalf("got:\n%s", s)
	}
}

func TestExtractCommandRejectsBadPublished(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"extract", "--published", "June 5"}, strings.NewReader(""), &out, &errb); code != ExitUsage {
		t.Fatalf("got exit %d, want %d", code, ExitUsage)
	}
}

func FuzzParseJSONDoc(f *testing.F) {
	f.Add(`{"id":"a","text":"Troops shelled the town.","published":"2022-01-02"}`)
	f.Add(`{"text":""}`)
	f.Add(`{`)
	f.Fuzz(func(t *testing.T, line string) {
		doc, err := parseJSONDoc([]byte(line), "")
		if err != nil {
			return
		}
		if strings.TrimSpace(doc.Text) == "" {
			t.Fatalf("accepted a document without text: %q", line)
		}
		if _, _, err := doc.PublishedTime(); err != nil {
			t.Fatalf("accepted a bad date: %q", line)
		}
	})
}

func TestExtractCommandReadsTheArticleOfAPage(t *testing.T) {
	page := `<html><head><title>Clashes in Tripoli - Example News</title>
<meta property="article:published_time" content="2022-05-17T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">Armed clashes archive</a> <a href="/sport">Sport</a></nav>
<article><h1>Rival militias clash in Tripoli</h1>
<p>Rival militias clashed overnight in central Tripoli, killing at least four people and wounding 12, the health ministry said on Tuesday.</p>
<p>The fighting between the two armed groups erupted near the Souq al-Juma district and lasted several hours before a truce was agreed by local elders, residents said.</p>
<p>Libya has been divided between rival administrations for years, and sporadic fighting between armed groups is common in the capital.</p>
</article>
<aside>Related: Armed clashes in Sirte last year killed dozens</aside>
<footer>Copyright Example News</footer></body></html>`
	path := filepath.Join(t.TempDir(), "tripoli.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"extract", "--no-gazetteer", path}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var ev sitrep.Event
	if err := json.Unmarshal([]byte(strings.SplitN(out.String(), "\n", 2)[0]), &ev); err != nil {
		t.Fatalf("%v: %q", err, out.String())
	}
	if ev.EventType != sitrep.Battles || deref(ev.Fatalities) != 4 || ev.EventDate != "2022-05-17" {
		t.Fatalf("got %s, %d dead, date %q; want a battle with 4 dead dated from the page", ev.EventType, deref(ev.Fatalities), ev.EventDate)
	}
	if strings.Contains(out.String(), "Sirte") || strings.Contains(out.String(), "Sport") {
		t.Fatalf("menu or sidebar text reached the events:\n%s", out.String())
	}
}

func deref(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}
