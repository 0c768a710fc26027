package storetest

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store/sqldb"
)

// Opener opens an empty store for one test.
type Opener func(tb testing.TB) *sqldb.Store

// Run runs the storage suite against the backend open returns. Every
// backend must pass it unchanged.
func Run(t *testing.T, open Opener) {
	t.Run("ingest stores the document and its events", func(t *testing.T) { testIngest(t, open) })
	t.Run("ingest is idempotent", func(t *testing.T) { testIdempotent(t, open) })
	t.Run("concurrent ingest of one article stores it once", func(t *testing.T) { testConcurrentDuplicate(t, open) })
	t.Run("invalid documents are refused", func(t *testing.T) { testInvalid(t, open) })
	t.Run("filters", func(t *testing.T) { testFilters(t, open) })
	t.Run("pagination", func(t *testing.T) { testPagination(t, open) })
	t.Run("stats", func(t *testing.T) { testStats(t, open) })
	t.Run("scan", func(t *testing.T) { testScan(t, open) })
	t.Run("re-extraction replaces events", func(t *testing.T) { testReextract(t, open) })
	t.Run("an extractor panic fails only that document", func(t *testing.T) { testExtractorPanic(t, open) })
}

// panicky panics on documents mentioning "boom", as a buggy engine might
// on one odd text.
type panicky struct{ sitrep.Extractor }

func (p panicky) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	if strings.Contains(doc.Text, "boom") {
		var m map[string]int
		m["boom"]++ // nil map write
	}
	return p.Extractor.Extract(doc)
}

func testExtractorPanic(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	corpus := Corpus()
	s.Extractor = panicky{NewExtractor(corpus)}
	bad := sitrep.Document{ID: "odd", Text: "A sonic boom was heard over the city."}
	if _, err := s.IngestDocument(ctx, &bad); err == nil || !strings.Contains(err.Error(), "panicked") {
		t.Errorf("err = %v, want the panic reported", err)
	}
	if _, err := s.FindDocumentByID(ctx, "odd"); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
		t.Errorf("document whose extraction panicked was stored (err %v)", err)
	}
	good := corpus[0].Doc
	if res, err := s.IngestDocument(ctx, &good); err != nil || res.Events != 1 {
		t.Errorf("next document: %+v, %v", res, err)
	}
}

// Seeded opens a store with the fixture extractor and the whole corpus
// ingested.
func Seeded(tb testing.TB, open Opener) (*sqldb.Store, *Extractor) {
	tb.Helper()
	s := open(tb)
	corpus := Corpus()
	x := NewExtractor(corpus)
	s.Extractor, s.ExtractorVersion = x, "fixture-1"
	for _, f := range corpus {
		doc := f.Doc
		if _, err := s.IngestDocument(context.Background(), &doc); err != nil {
			tb.Fatalf("ingest %s: %v", f.Doc.ID, err)
		}
	}
	return s, x
}

func testIngest(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	corpus := Corpus()
	s.Extractor, s.ExtractorVersion = NewExtractor(corpus), "fixture-1"
	f := corpus[3] // Kharkiv: two events
	doc := f.Doc
	res, err := s.IngestDocument(ctx, &doc)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := *res, (sitrep.IngestResult{DocumentID: "kharkiv-shelling", Events: 2}); got != want {
		t.Fatalf("result = %+v, want %+v", got, want)
	}
	sd, err := s.FindStoredDocument(ctx, "kharkiv-shelling")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sd.Document.Text, f.Doc.Text; got != want {
		t.Errorf("stored text differs:\n got %q\nwant %q", got, want)
	}
	if got, want := sd.Document.URL, f.Doc.URL; got != want {
		t.Errorf("url = %q, want %q", got, want)
	}
	if got, want := sd.Document.Hash, sqldb.ContentHash(f.Doc.Text); got != want {
		t.Errorf("hash = %q, want %q", got, want)
	}
	if sd.Document.Fetched.IsZero() {
		t.Error("fetched time not recorded")
	}
	if got, want := sd.ExtractorVersion, "fixture-1"; got != want {
		t.Errorf("extractor version = %q, want %q", got, want)
	}
	if got, want := len(sd.Events), 2; got != want {
		t.Fatalf("%d events, want %d", got, want)
	}
	for i, e := range sd.Events {
		want := f.Events[i]
		if got := sd.Document.Text[e.Evidence.Start:e.Evidence.End]; got != want.Evidence.Text {
			t.Errorf("event %d: text at evidence offsets = %q, want %q", i, got, want.Evidence.Text)
		}
		byID, err := s.FindEventByID(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(byID, e) {
			t.Errorf("FindEventByID(%d) = %+v, want %+v", e.ID, byID, e)
		}
		// Every field survives the round trip.
		want.ID, want.DocID, want.Evidence = e.ID, "kharkiv-shelling", e.Evidence
		if !reflect.DeepEqual(*e, want) {
			t.Errorf("event %d round trip:\n got %+v\nwant %+v", i, *e, want)
		}
	}
	if _, err := s.FindEventByID(ctx, 1<<40); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
		t.Errorf("missing event: err = %v, want not_found", err)
	}
	if _, err := s.FindDocumentByID(ctx, "nope"); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
		t.Errorf("missing document: err = %v, want not_found", err)
	}
}

func testIdempotent(t *testing.T, open Opener) {
	ctx := context.Background()
	s, x := Seeded(t, open)
	calls := x.Calls.Load()
	orig := Corpus()[0].Doc
	for _, tc := range []struct {
		name string
		doc  sitrep.Document
	}{
		{"same document again", orig},
		{"same URL, edited text", sitrep.Document{URL: orig.URL, Text: orig.Text + "\n\nUpdated with a correction."}},
		{"same text rewrapped, no id or URL", sitrep.Document{Text: strings.ReplaceAll(orig.Text, " ", "\n  ")}},
		{"same id, other text", sitrep.Document{ID: orig.ID, Text: "Something else entirely happened."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc
			res, err := s.IngestDocument(ctx, &doc)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := *res, (sitrep.IngestResult{DocumentID: orig.ID, Duplicate: true, Events: 1}); got != want {
				t.Errorf("result = %+v, want %+v", got, want)
			}
		})
	}
	if got := x.Calls.Load() - calls; got != 0 {
		t.Errorf("duplicates were extracted %d times, want 0", got)
	}
	page, err := s.FindEvents(ctx, sitrep.EventFilter{DocID: sp(orig.ID)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := page.Total, 1; got != want {
		t.Errorf("events of %s = %d, want %d", orig.ID, got, want)
	}
	fresh := sitrep.Document{Text: "An entirely new report about a different incident."}
	res, err := s.IngestDocument(ctx, &fresh)
	if err != nil {
		t.Fatal(err)
	}
	if res.Duplicate || res.DocumentID == "" {
		t.Errorf("new document: result = %+v, want a new id", res)
	}
}

func testConcurrentDuplicate(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	corpus := Corpus()
	s.Extractor = NewExtractor(corpus)
	var wg sync.WaitGroup
	results := make([]*sitrep.IngestResult, 8)
	errs := make([]error, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc := corpus[3].Doc
			results[i], errs[i] = s.IngestDocument(ctx, &doc)
		}()
	}
	wg.Wait()
	fresh := 0
	for i := range results {
		if errs[i] != nil {
			t.Fatalf("ingest %d: %v", i, errs[i])
		}
		if !results[i].Duplicate {
			fresh++
		}
		if got, want := results[i].Events, 2; got != want {
			t.Errorf("ingest %d: %d events, want %d", i, got, want)
		}
	}
	if fresh != 1 {
		t.Errorf("%d ingests stored the document, want exactly 1", fresh)
	}
	page, err := s.FindEvents(ctx, sitrep.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := page.Total, 2; got != want {
		t.Errorf("stored %d events, want %d", got, want)
	}
}

func testInvalid(t *testing.T, open Opener) {
	s := open(t)
	for _, tc := range []struct {
		name string
		doc  sitrep.Document
	}{
		{"no text", sitrep.Document{ID: "empty", Text: "  \n "}},
		{"unparseable date", sitrep.Document{ID: "baddate", Published: "last Tuesday", Text: "Clashes erupted in the town."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc
			_, err := s.IngestDocument(context.Background(), &doc)
			if got, want := sitrep.ErrorCode(err), sitrep.EINVALID; got != want {
				t.Errorf("error code = %q (%v), want %q", got, err, want)
			}
		})
	}
}

// evidenceKeys names events by the first words of their evidence, which
// reads better in failures than ids.
func evidenceKeys(events []*sitrep.Event) []string {
	keys := make([]string, len(events))
	for i, e := range events {
		w := strings.Fields(e.Evidence.Text)
		keys[i] = strings.Join(w[:min(3, len(w))], " ")
	}
	return keys
}

func testFilters(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := Seeded(t, open)
	for _, tc := range []struct {
		name   string
		filter sitrep.EventFilter
		want   []string
	}{
		{"country is case-insensitive", sitrep.EventFilter{Country: sp("syria")},
			[]string{"Warplanes struck a", "A war monitor", "The government denied"}},
		{"admin1", sitrep.EventFilter{Admin1: sp("Kaduna")}, []string{"Gunmen on motorcycles"}},
		{"event type", sitrep.EventFilter{EventType: sp(sitrep.Battles)},
			[]string{"Ukrainian forces said", "Houthi fighters and"}},
		{"sub-event type", sitrep.EventFilter{SubEventType: sp("Remote explosive/landmine/IED")}, []string{"A roadside bomb"}},
		{"date range is inclusive and skips undated events", sitrep.EventFilter{From: sp("2026-02-10"), To: sp("2026-02-27")},
			[]string{"Thousands of demonstrators", "Gunmen on motorcycles", "Russian artillery shelled", "Ukrainian forces said"}},
		{"actor matches actor2 by substring", sitrep.EventFilter{Actor: sp("civilians (ukr")}, []string{"Russian artillery shelled"}},
		{"actor matches associated actors", sitrep.EventFilter{Actor: sp("Students")}, []string{"Gunmen on motorcycles"}},
		{"actor with LIKE wildcards is literal", sitrep.EventFilter{Actor: sp("%")}, nil},
		{"modality occurred", sitrep.EventFilter{Modality: mp(sitrep.ModalityOccurred), Country: sp("Sudan")}, []string{"Thousands of demonstrators"}},
		{"modality planned", sitrep.EventFilter{Modality: mp(sitrep.ModalityPlanned)}, []string{"Organisers said they"}},
		{"bbox around Kharkiv oblast", sitrep.EventFilter{BBox: &sitrep.BBox{MinLon: 36, MinLat: 49, MaxLon: 38.5, MaxLat: 50.5}},
			[]string{"Russian artillery shelled", "Ukrainian forces said"}},
		{"free text matches every word, stemmed", sitrep.EventFilter{Q: sp("markets bombed")}, []string{"A war monitor"}},
		{"free text with query syntax is read as words", sitrep.EventFilter{Q: sp(`"roadside AND (bomb`)}, []string{"A roadside bomb"}},
		{"doc id", sitrep.EventFilter{DocID: sp("khartoum-protest")}, []string{"Thousands of demonstrators", "Organisers said they"}},
		{"combined filters", sitrep.EventFilter{Country: sp("Syria"), Modality: mp(sitrep.ModalityReported), Q: sp("children")}, []string{"A war monitor"}},
		{"no match", sitrep.EventFilter{Country: sp("Iceland")}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := s.FindEvents(ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			got, want := evidenceKeys(page.Events), tc.want
			sort.Strings(got)
			want = append([]string(nil), want...)
			sort.Strings(want)
			if len(got) == 0 && len(want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
			if page.Total != len(tc.want) {
				t.Errorf("total = %d, want %d", page.Total, len(tc.want))
			}
		})
	}
	for _, tc := range []struct {
		name   string
		filter sitrep.EventFilter
	}{
		{"bad date", sitrep.EventFilter{From: sp("03/04/2026")}},
		{"bad sort", sitrep.EventFilter{Sort: "location"}},
		{"inverted bbox", sitrep.EventFilter{BBox: &sitrep.BBox{MinLon: 40, MinLat: 0, MaxLon: 30, MaxLat: 10}}},
		{"unknown modality", sitrep.EventFilter{Modality: mp("rumoured")}},
		{"garbage cursor", sitrep.EventFilter{Cursor: "not-a-cursor"}},
	} {
		t.Run("refuses "+tc.name, func(t *testing.T) {
			_, err := s.FindEvents(ctx, tc.filter)
			if got, want := sitrep.ErrorCode(err), sitrep.EINVALID; got != want {
				t.Errorf("error code = %q (%v), want %q", got, err, want)
			}
		})
	}
}

// synthetic ingests n one-event documents with dates and tolls that repeat,
// so every sort order has ties for the id to break.
func synthetic(t *testing.T, s *sqldb.Store, n, from int) {
	t.Helper()
	x := &synthExtractor{}
	s.Extractor = x
	for i := from; i < from+n; i++ {
		doc := sitrep.Document{ID: fmt.Sprintf("synth-%03d", i), Text: fmt.Sprintf("Report %d of clashes in the north.", i)}
		if _, err := s.IngestDocument(context.Background(), &doc); err != nil {
			t.Fatal(err)
		}
	}
}

type synthExtractor struct{ n int }

func (x *synthExtractor) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	x.n++
	e := sitrep.Event{EventType: sitrep.Battles, SubEventType: "Armed clash", Country: "Mali",
		EventDate: fmt.Sprintf("2026-01-%02d", 1+x.n%4), Evidence: sitrep.Evidence{Text: doc.Text, End: len(doc.Text)}}
	if x.n%3 != 0 {
		e.Fatalities = ip(x.n % 5)
	}
	return []sitrep.Event{e}, nil
}

func testPagination(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	synthetic(t, s, 23, 0)
	for _, sortOrder := range []string{"", sitrep.SortDateAsc, sitrep.SortDateDesc, sitrep.SortFatalitiesAsc, sitrep.SortFatalitiesDesc} {
		t.Run("sort "+sortOrder, func(t *testing.T) {
			all, err := s.FindEvents(ctx, sitrep.EventFilter{Sort: sortOrder, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if all.NextCursor != "" {
				t.Errorf("single page has next cursor %q", all.NextCursor)
			}
			var got []int64
			f := sitrep.EventFilter{Sort: sortOrder, Limit: 5}
			for pages := 0; ; pages++ {
				if pages > 10 {
					t.Fatal("pagination does not end")
				}
				page, err := s.FindEvents(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if page.Total != 23 {
					t.Errorf("total = %d, want 23", page.Total)
				}
				for _, e := range page.Events {
					got = append(got, e.ID)
				}
				if page.NextCursor == "" {
					break
				}
				f.Cursor = page.NextCursor
			}
			var want []int64
			for _, e := range all.Events {
				want = append(want, e.ID)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("paged ids %v, want %v", got, want)
			}
			assertSorted(t, sortOrder, all.Events)
		})
	}
	t.Run("stable while events are inserted", func(t *testing.T) {
		f := sitrep.EventFilter{Limit: 6, Sort: sitrep.SortDateDesc}
		page, err := s.FindEvents(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		for _, e := range page.Events {
			seen[e.ID] = true
		}
		synthetic(t, s, 10, 100) // new events on the same dates
		for f.Cursor = page.NextCursor; f.Cursor != ""; f.Cursor = page.NextCursor {
			if page, err = s.FindEvents(ctx, f); err != nil {
				t.Fatal(err)
			}
			for _, e := range page.Events {
				if seen[e.ID] {
					t.Fatalf("event %d returned twice", e.ID)
				}
				seen[e.ID] = true
			}
		}
		all, _ := s.FindEvents(ctx, sitrep.EventFilter{Limit: 1000})
		for _, e := range all.Events {
			if e.ID <= 23 && !seen[e.ID] { // every event that existed before paging began
				t.Errorf("event %d skipped", e.ID)
			}
		}
	})
	t.Run("cursor of another sort is refused", func(t *testing.T) {
		page, err := s.FindEvents(ctx, sitrep.EventFilter{Limit: 2, Sort: sitrep.SortFatalitiesDesc})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.FindEvents(ctx, sitrep.EventFilter{Limit: 2, Sort: sitrep.SortDateAsc, Cursor: page.NextCursor})
		if got, want := sitrep.ErrorCode(err), sitrep.EINVALID; got != want {
			t.Errorf("error code = %q, want %q", got, want)
		}
	})
	t.Run("limit is capped", func(t *testing.T) {
		f := sitrep.EventFilter{Limit: 5000}
		if got, want := f.PageLimit(), sitrep.MaxEventLimit; got != want {
			t.Errorf("PageLimit = %d, want %d", got, want)
		}
	})
}

func assertSorted(t *testing.T, order string, events []*sitrep.Event) {
	t.Helper()
	fat := func(e *sitrep.Event) int {
		if e.Fatalities == nil {
			return -1
		}
		return *e.Fatalities
	}
	for i := 1; i < len(events); i++ {
		a, b := events[i-1], events[i]
		var ok bool
		switch order {
		case sitrep.SortDateAsc:
			ok = a.EventDate < b.EventDate || a.EventDate == b.EventDate && a.ID < b.ID
		case sitrep.SortFatalitiesAsc:
			ok = fat(a) < fat(b) || fat(a) == fat(b) && a.ID < b.ID
		case sitrep.SortFatalitiesDesc:
			ok = fat(a) > fat(b) || fat(a) == fat(b) && a.ID > b.ID
		default:
			ok = a.EventDate > b.EventDate || a.EventDate == b.EventDate && a.ID > b.ID
		}
		if !ok {
			t.Fatalf("sort %q: event %d (%s, %v) before %d (%s, %v)", order, a.ID, a.EventDate, fat(a), b.ID, b.EventDate, fat(b))
		}
	}
}

func testStats(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := Seeded(t, open)
	st, err := s.EventStats(ctx, sitrep.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := st.Total, FixtureEvents(); got != want {
		t.Errorf("total = %d, want %d", got, want)
	}
	if got, want := st.Fatalities, 9+14+1+2+0+0+17+2; got != want {
		t.Errorf("fatalities = %d, want %d", got, want)
	}
	// A tally, a threat or a denial is an event, but its figure is not
	// deaths that happened in it: the sums leave it out.
	x := NewExtractor([]Fixture{{
		Doc: sitrep.Document{ID: "tally", Text: "The monitor says at least 3,000 people have been killed in the province since 2019."},
		Events: []sitrep.Event{{EventType: sitrep.ViolenceAgainstCivs, SubEventType: "Attack", Modality: sitrep.ModalityCumulative,
			Country: "Syria", EventDate: "2026-03-06", Fatalities: ip(3000),
			Evidence: sitrep.Evidence{Text: "The monitor says at least 3,000 people have been killed in the province since 2019.", End: 83}}},
	}})
	s.Extractor = x
	doc := sitrep.Document{ID: "tally", Text: "The monitor says at least 3,000 people have been killed in the province since 2019."}
	if _, err := s.IngestDocument(ctx, &doc); err != nil {
		t.Fatal(err)
	}
	withTally, err := s.EventStats(ctx, sitrep.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if withTally.Total != st.Total+1 || withTally.Fatalities != st.Fatalities {
		t.Errorf("with a cumulative tally: total %d, fatalities %d; want %d, %d", withTally.Total, withTally.Fatalities, st.Total+1, st.Fatalities)
	}
	wantTypes := []sitrep.Count{
		{Key: sitrep.ExplosionsRemote, Count: 5, Fatalities: 27},
		{Key: sitrep.Battles, Count: 2, Fatalities: 17},
		{Key: sitrep.Protests, Count: 2},
		{Key: sitrep.ViolenceAgainstCivs, Count: 1, Fatalities: 1},
	}
	if !reflect.DeepEqual(st.ByEventType, wantTypes) {
		t.Errorf("by event type = %+v, want %+v", st.ByEventType, wantTypes)
	}
	if got, want := st.ByCountry[0], (sitrep.Count{Key: "Syria", Count: 3, Fatalities: 23}); got != want {
		t.Errorf("top country = %+v, want %+v", got, want)
	}
	days := 0
	for i, d := range st.ByDay {
		days += d.Count
		if i > 0 && st.ByDay[i-1].Key >= d.Key {
			t.Errorf("by_day not ascending at %s", d.Key)
		}
	}
	if got, want := days, FixtureEvents()-1; got != want { // the planned sit-in has no date
		t.Errorf("events by day sum to %d, want %d", got, want)
	}
	// The day-and-type buckets split each day's total by event type.
	perDay := map[string]sitrep.Count{}
	for _, c := range st.ByDayType {
		day, typ, ok := strings.Cut(c.Key, "|")
		if !ok || sitrep.SubEventTypes[typ] == nil {
			t.Errorf("by_day_type key %q: want YYYY-MM-DD|event type", c.Key)
		}
		d := perDay[day]
		d.Count += c.Count
		d.Fatalities += c.Fatalities
		perDay[day] = d
	}
	for _, d := range st.ByDay {
		if got := perDay[d.Key]; got.Count != d.Count || got.Fatalities != d.Fatalities {
			t.Errorf("by_day_type on %s sums to %+v, want %+v", d.Key, got, d)
		}
	}
	// 2026-02-27 is a Friday; its ISO week starts Monday 2026-02-23.
	wantWeek := sitrep.Count{Key: "2026-02-23", Count: 1}
	found := false
	for _, w := range st.ByWeek {
		if w.Key == wantWeek.Key {
			found = true
			if w != wantWeek {
				t.Errorf("week %s = %+v, want %+v", w.Key, w, wantWeek)
			}
		}
	}
	if !found {
		t.Errorf("by_week %+v has no week %s", st.ByWeek, wantWeek.Key)
	}
	occurred, err := s.EventStats(ctx, sitrep.EventFilter{Modality: mp(sitrep.ModalityOccurred)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := occurred.Total, 7; got != want {
		t.Errorf("occurred events = %d, want %d", got, want)
	}
}

func testScan(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := Seeded(t, open)
	f := sitrep.EventFilter{Country: sp("Syria"), Sort: sitrep.SortFatalitiesDesc, Limit: 1, Cursor: "ignored"}
	var got []string
	err := s.ScanEvents(ctx, f, func(e *sitrep.Event, src *sitrep.EventSource) error {
		got = append(got, fmt.Sprintf("%s %v %s", e.DocID, e.Fatalities != nil, src.Source))
		if src.Fetched.IsZero() {
			t.Errorf("event %d: no fetched time", e.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"idlib-strike-b true Example Wire", "idlib-strike-a true Example News", "idlib-strike-b false Example Wire"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("scanned %q, want %q", got, want)
	}
	stop := fmt.Errorf("stop")
	n := 0
	err = s.ScanEvents(ctx, sitrep.EventFilter{}, func(*sitrep.Event, *sitrep.EventSource) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("scan after callback error: err=%v after %d rows, want stop after 1", err, n)
	}
}

func testReextract(t *testing.T, open Opener) {
	ctx := context.Background()
	s, x := Seeded(t, open)
	if ids, err := s.StaleDocumentIDs(ctx); err != nil || len(ids) != 0 {
		t.Fatalf("stale before upgrade = %v, %v; want none", ids, err)
	}
	before, err := s.FindStoredDocument(ctx, "kharkiv-shelling")
	if err != nil {
		t.Fatal(err)
	}
	// A newer engine finds only the shelling, with a corrected toll.
	s.ExtractorVersion = "fixture-2"
	x.Edit = func(ev []sitrep.Event) []sitrep.Event {
		if len(ev) > 0 {
			ev[0].Fatalities = ip(3)
			return ev[:1]
		}
		return ev
	}
	ids, err := s.StaleDocumentIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(ids), len(Corpus()); got != want {
		t.Errorf("%d stale documents, want %d", got, want)
	}
	res, err := s.ReextractDocument(ctx, "kharkiv-shelling")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := *res, (sitrep.IngestResult{DocumentID: "kharkiv-shelling", Events: 1}); got != want {
		t.Errorf("result = %+v, want %+v", got, want)
	}
	after, err := s.FindStoredDocument(ctx, "kharkiv-shelling")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := after.ExtractorVersion, "fixture-2"; got != want {
		t.Errorf("version = %q, want %q", got, want)
	}
	if len(after.Events) != 1 || *after.Events[0].Fatalities != 3 {
		t.Fatalf("events after re-extraction = %+v, want one with 3 fatalities", after.Events)
	}
	for _, e := range before.Events {
		if _, err := s.FindEventByID(ctx, e.ID); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
			t.Errorf("old event %d still there (err %v)", e.ID, err)
		}
	}
	if page, _ := s.FindEvents(ctx, sitrep.EventFilter{Q: sp("repelled")}); page.Total != 0 {
		t.Errorf("full-text index still finds the removed event")
	}
	if _, err := s.ReextractDocument(ctx, "nope"); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
		t.Errorf("missing document: err = %v, want not_found", err)
	}
}
