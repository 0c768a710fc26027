package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/demo"
)

// writeFiles creates files under dir from a name → content map.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runIngest(t *testing.T, args ...string) (IngestSummary, int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), append([]string{"ingest", "-json", "-quiet"}, args...), nil, &stdout, &stderr)
	var sum IngestSummary
	if err := json.Unmarshal(stdout.Bytes(), &sum); err != nil {
		t.Fatalf("ingest -json printed %q (%v); stderr %s", stdout.String(), err, stderr.String())
	}
	return sum, code, stderr.String()
}

func TestIngestCommand(t *testing.T) {
	in, data := t.TempDir(), t.TempDir()
	writeFiles(t, in, map[string]string{
		"sudan/el-geneina.txt":   "Militia attack on El Geneina market\n\nGunmen from the Rapid Support Forces attacked the main market in El Geneina, West Darfur, on Sunday, killing 12 traders, witnesses said.\n",
		"nested/deeper/mali.txt": "Soldiers clash with jihadists near Mopti\n\nMalian soldiers clashed with JNIM fighters near Mopti on Tuesday; the army said 8 militants were killed.\n",
		"feeds.jsonl": `{"id":"wire-1","url":"https://wire.example.com/a","title":"Shelling in Donetsk","source":"Example Wire","published":"2026-11-02","text":"Russian forces shelled the town of Kostiantynivka in Donetsk region on Sunday, killing three civilians, the governor said."}
{"id":"wire-2", "text": 12}

{"id":"wire-3","url":"https://wire.example.com/c","text":"Protesters gathered peacefully outside parliament in Nairobi on Monday to oppose a new tax bill, police said."}
`,
		"page.html": `<!doctype html><html><head><title>Strike hits Gaza camp | Example Post</title>
<meta property="og:site_name" content="Example Post"><meta property="article:published_time" content="2026-11-04T08:00:00Z">
<link rel="canonical" href="https://post.example.org/gaza-camp-strike"></head>
<body><nav>Home | World | Sport</nav><article><h1>Strike hits Gaza camp</h1>
<p>An Israeli air strike hit a house in the Nuseirat refugee camp in central Gaza on Tuesday, killing seven people, health officials said.</p>
<p>Rescuers said they were still searching the rubble for survivors late into the night. The Israeli military said it had targeted a militant commander.</p></article>
<footer>Copyright Example Post</footer></body></html>`,
		"notes.md":   "not an article format sitrep reads",
		".git/x.txt": "hidden directories are skipped",
	})

	sum, code, stderr := runIngest(t, "--data", data, in)
	if code != ExitFailure {
		t.Errorf("exit %d, want %d because one line is bad", code, ExitFailure)
	}
	if sum.Documents != 6 || sum.Ingested != 5 || sum.Failed != 1 {
		t.Errorf("summary %+v: want 6 documents, 5 ingested, 1 failed", sum)
	}
	if len(sum.Errors) != 1 || !strings.HasSuffix(sum.Errors[0].Where, "feeds.jsonl:2") || !strings.Contains(sum.Errors[0].Error, "not a JSON document") {
		t.Errorf("errors %+v: want feeds.jsonl:2 reported", sum.Errors)
	}
	if sum.Events == 0 {
		t.Error("no events extracted")
	}
	_ = stderr

	t.Run("the HTML page is read as its article", func(t *testing.T) {
		var out bytes.Buffer
		if code := Main(context.Background(), []string{"export", "--data", data, "--format", "jsonl", "-q", "Nuseirat"}, nil, &out, io.Discard); code != 0 {
			t.Fatalf("export exit %d", code)
		}
		m := NewApp(io.Discard, io.Discard)
		m.DataDir, m.Extractor = data, noExtraction{}
		if err := m.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		var ev struct {
			DocID string `json:"doc_id"`
		}
		if err := json.Unmarshal([]byte(strings.SplitN(out.String(), "\n", 2)[0]), &ev); err != nil {
			t.Fatalf("no event from the HTML page: %q", out.String())
		}
		doc, err := m.Store.FindDocumentByID(context.Background(), ev.DocID)
		if err != nil {
			t.Fatal(err)
		}
		if doc.URL != "https://post.example.org/gaza-camp-strike" || strings.Contains(doc.Text, "Copyright") || strings.Contains(doc.Text, "Sport") {
			t.Errorf("html document: url %q, text %q", doc.URL, doc.Text)
		}
	})

	t.Run("again: everything is a duplicate", func(t *testing.T) {
		sum, _, _ := runIngest(t, "--data", data, in)
		if sum.Duplicates != 5 || sum.Ingested != 0 {
			t.Errorf("summary %+v, want 5 duplicates", sum)
		}
	})

	t.Run("--reextract with files re-extracts them", func(t *testing.T) {
		sum, _, _ := runIngest(t, "--data", data, "--reextract", filepath.Join(in, "sudan"))
		if sum.Reextracted != 1 || sum.Events == 0 {
			t.Errorf("summary %+v, want 1 re-extracted with events", sum)
		}
	})

	t.Run("--reextract alone finds nothing stale for the same build", func(t *testing.T) {
		sum, code, _ := runIngest(t, "--data", data, "--reextract")
		if code != 0 || sum.Documents != 0 {
			t.Errorf("exit %d, summary %+v: want nothing to do", code, sum)
		}
	})

	t.Run("export csv to a file parses back", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "events.csv")
		if code := Main(context.Background(), []string{"export", "--data", data, "-o", out, "-sort", "-fatalities"}, nil, io.Discard, io.Discard); code != 0 {
			t.Fatalf("export exit %d", code)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != sum.Events+1 || rows[0][0] != "event_id_cnty" {
			t.Errorf("%d rows, want header + %d events", len(rows), sum.Events)
		}
	})
}

// TestIngestLinkModes ingests the demo corpus linking incidents after each
// document and with one rebuild at the end: the incidents must agree.
func TestIngestLinkModes(t *testing.T) {
	docs, err := demo.Documents()
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "demo.jsonl")
	var b bytes.Buffer
	for _, d := range docs {
		line, _ := json.Marshal(d)
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	incidents := map[string][]string{}
	for _, mode := range []string{"each", "rebuild"} {
		data := t.TempDir()
		sum, code, stderr := runIngest(t, "--data", data, "-link", mode, in)
		if code != 0 || sum.Linking != mode || sum.Ingested != len(docs) {
			t.Fatalf("-link %s: exit %d, summary %+v, stderr %s", mode, code, sum, stderr)
		}
		m := NewApp(io.Discard, io.Discard)
		m.DataDir, m.Extractor = data, noExtraction{}
		if err := m.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		incs, _, err := m.Incidents.FindIncidents(context.Background(), sitrep.IncidentFilter{Limit: 1000})
		m.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, inc := range incs {
			incidents[mode] = append(incidents[mode], fmt.Sprintf("%s %s %s %s sources=%d", inc.StartDate, inc.Country, inc.Location, inc.SubEventType, inc.Sources))
		}
		sort.Strings(incidents[mode])
	}
	if len(incidents["each"]) == 0 || strings.Join(incidents["each"], "\n") != strings.Join(incidents["rebuild"], "\n") {
		t.Errorf("incidents differ:\n-link each:\n%s\n-link rebuild:\n%s", strings.Join(incidents["each"], "\n"), strings.Join(incidents["rebuild"], "\n"))
	}
}
