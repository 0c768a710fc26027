package incident

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// corpusDir holds the multi-source corpus: documents, the events a careful
// analyst codes from them, and the expected grouping.
var corpusDir = filepath.Join("..", "testdata", "incidents")

type corpus struct {
	docs      []sitrep.Document
	byID      map[string]*sitrep.Document
	events    []sitrep.Event // hand-coded, one main event per document
	incidents [][]string     // expected doc ids per incident
	tallies   []string       // doc ids that are cumulative tallies
}

func loadCorpus(t testing.TB) *corpus {
	t.Helper()
	c := &corpus{byID: make(map[string]*sitrep.Document)}
	readJSONL(t, filepath.Join(corpusDir, "docs.jsonl"), func(line []byte) error {
		var d sitrep.Document
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		c.docs = append(c.docs, d)
		return d.Validate()
	})
	for i := range c.docs {
		c.byID[c.docs[i].ID] = &c.docs[i]
	}
	readJSONL(t, filepath.Join(corpusDir, "events.jsonl"), func(line []byte) error {
		var e sitrep.Event
		if err := json.Unmarshal(line, &e); err != nil {
			return err
		}
		d := c.byID[e.DocID]
		if d == nil {
			return sitrep.Errorf(sitrep.EINVALID, "event %d: unknown doc %q", e.ID, e.DocID)
		}
		if e.Evidence.End > len(d.Text) || d.Text[e.Evidence.Start:e.Evidence.End] != e.Evidence.Text {
			return sitrep.Errorf(sitrep.EINVALID, "event %d: evidence offsets do not point at its text in %s", e.ID, e.DocID)
		}
		c.events = append(c.events, e)
		return nil
	})
	var exp struct {
		Incidents []struct {
			Name string   `json:"name"`
			Docs []string `json:"docs"`
		} `json:"incidents"`
		Tallies []string `json:"tallies"`
	}
	b, err := os.ReadFile(filepath.Join(corpusDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	for _, inc := range exp.Incidents {
		c.incidents = append(c.incidents, inc.Docs)
	}
	c.tallies = exp.Tallies
	return c
}

func readJSONL(t testing.TB, path string, fn func([]byte) error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	s.Buffer(nil, 1<<20)
	for n := 1; s.Scan(); n++ {
		if err := fn(s.Bytes()); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
	}
	if err := s.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// reports pairs events with their documents' source and date.
func (c *corpus) reports(events []sitrep.Event) []Report {
	out := make([]Report, len(events))
	for i, e := range events {
		d := c.byID[e.DocID]
		out[i] = Report{Event: e, Source: d.Source, Published: d.Published}
	}
	return out
}

// docGroups turns incidents into groups of document ids.
func docGroups(incs []Incident, docOf map[int64]string) [][]string {
	var out [][]string
	for _, inc := range incs {
		seen := make(map[string]bool)
		var g []string
		for _, id := range inc.EventIDs {
			if d := docOf[id]; !seen[d] {
				seen[d] = true
				g = append(g, d)
			}
		}
		sort.Strings(g)
		out = append(out, g)
	}
	return out
}

func TestCorpusGroupingHandCoded(t *testing.T) {
	c := loadCorpus(t)
	if len(c.docs) < 40 || len(c.incidents) < 12 {
		t.Fatalf("corpus has %d docs, %d incidents; want ≥ 40 and ≥ 12", len(c.docs), len(c.incidents))
	}
	docOf := make(map[int64]string)
	for _, e := range c.events {
		docOf[e.ID] = e.DocID
	}
	l := NewLinker()
	if err := l.Add(c.reports(c.events)...); err != nil {
		t.Fatal(err)
	}
	incs := l.Incidents()
	got := docGroups(incs, docOf)
	p, r := Pairwise(c.incidents, got)
	t.Logf("hand-coded events: %d docs, %d incidents expected, %d found; pairwise precision %.3f recall %.3f",
		len(c.docs), len(c.incidents), len(got), p, r)
	if p < 0.9 || r < 0.9 {
		t.Errorf("pairwise precision %.3f recall %.3f, want both ≥ 0.9", p, r)
	}
	for _, g := range got {
		for _, d := range g {
			for _, tally := range c.tallies {
				if d == tally {
					t.Errorf("tally document %s was counted in incident %v", d, g)
				}
			}
		}
	}
	if n := len(l.Tallies()); n != len(c.tallies) {
		t.Errorf("got %d tally series, want %d", n, len(c.tallies))
	}
	// Explain mistakes, so a failing run says which incidents went wrong.
	want := make(map[string]bool)
	for _, g := range c.incidents {
		want[strings.Join(g, ",")] = true
	}
	for _, g := range got {
		if !want[strings.Join(g, ",")] {
			t.Logf("found incident not expected: %v", g)
		}
	}
}

func TestCorpusIncrementalEqualsBatch(t *testing.T) {
	c := loadCorpus(t)
	reports := c.reports(c.events)
	batch, err := Group(reports)
	if err != nil {
		t.Fatal(err)
	}
	for seed := uint64(0); seed < 20; seed++ {
		shuffled := append([]Report(nil), reports...)
		rand.New(rand.NewPCG(seed, 99)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		l := NewLinker()
		for _, r := range shuffled { // one document at a time, as ingest sees them
			if err := l.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		if got := l.Incidents(); !reflect.DeepEqual(got, batch) {
			t.Fatalf("order %d: incremental result differs from batch", seed)
		}
	}
}

func TestCorpusClaimsAndGrades(t *testing.T) {
	c := loadCorpus(t)
	docOf := make(map[int64]string)
	for _, e := range c.events {
		docOf[e.ID] = e.DocID
	}
	incs, err := Group(c.reports(c.events))
	if err != nil {
		t.Fatal(err)
	}
	byFirstDoc := make(map[string]Incident)
	for _, inc := range incs {
		byFirstDoc[docOf[inc.EventIDs[0]]] = inc
	}
	tests := []struct {
		name, firstDoc string
		grade          string
		best, lo, hi   int
	}{
		{"Deir ez-Zor: toll rises to 14 the next day", "d01", GradeMultiple, 14, 9, 14},
		{"Hodeidah: Houthi and wire figures disagree on the day", "d10", GradeContested, 5, 3, 8},
		{"Barsalogho: government says 15, residents 40 and more", "d30", GradeContested, 43, 15, 43},
		{"Ménaka: the army denies killing civilians", "d49", GradeDiscounted, 13, 13, 13},
		{"Daquq: two outlets agree", "d47", GradeMultiple, 2, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc, ok := byFirstDoc[tt.firstDoc]
			if !ok {
				t.Fatalf("no incident starts with %s", tt.firstDoc)
			}
			if inc.Grade != tt.grade {
				t.Errorf("grade = %q, want %q", inc.Grade, tt.grade)
			}
			got := [3]int{deref(inc.FatalitiesBest), deref(inc.FatalitiesMin), deref(inc.FatalitiesMax)}
			if want := [3]int{tt.best, tt.lo, tt.hi}; got != want {
				t.Errorf("best, min, max = %v, want %v", got, want)
			}
			if len(inc.Claims) != len(inc.EventIDs) {
				t.Errorf("%d claims for %d events: every report's claim must be kept", len(inc.Claims), len(inc.EventIDs))
			}
		})
	}
}
