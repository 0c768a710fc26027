package http_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/gazetteer"
	sitrephttp "github.com/sitrep/sitrep/http"
	"github.com/sitrep/sitrep/incident/incidentsql"
	"github.com/sitrep/sitrep/store/sqlite"
)

const dashboardToken = "dashboard-test-token"

// pastedArticle is what the test pastes into the dashboard: an original
// news-style report whose first line has accents, Arabic script and curly
// quotes, so the evidence offsets (UTF-8 bytes) differ from JavaScript's
// UTF-16 indexes and a wrong conversion would highlight the wrong words.
const pastedArticle = "Résumé of the day’s reports from Idlib (إدلب), compiled by our correspondent — “a grim Tuesday”.\n\n" +
	"Government warplanes struck a crowded market in Maarat al-Numan on Tuesday, killing seven civilians and wounding 19 others, local rescuers said.\n\n" +
	"In a separate incident, gunmen ambushed an army patrol near Saraqib, killing three soldiers, a war monitor reported."

// startDemoServer wires a server the way `sitrep serve` does — SQLite
// store, the extraction engine with the embedded gazetteer, the demo corpus
// — and listens on a free loopback port until the test ends.
func startDemoServer(tb testing.TB) *sitrephttp.Server {
	tb.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "sitrep.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	g, err := gazetteer.Default()
	if err != nil {
		tb.Fatal(err)
	}
	x, err := extract.New(extract.Options{Geoparser: g})
	if err != nil {
		tb.Fatal(err)
	}
	db.Store.Extractor, db.Store.ExtractorVersion = x, "dashboard-test"
	docs, err := demo.Documents()
	if err != nil {
		tb.Fatal(err)
	}
	// Ingest links incidents, as the dashboard shows each event's incident.
	incidents := db.IncidentService()
	store := &incidentsql.LinkingStore{DocumentStore: db.Store, Incidents: incidents}
	for i := range docs {
		if _, err := store.IngestDocument(ctx, &docs[i]); err != nil {
			tb.Fatalf("demo corpus %s: %v", docs[i].ID, err)
		}
	}
	srv := sitrephttp.NewServer()
	srv.Addr, srv.Token = "127.0.0.1:0", dashboardToken
	srv.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv.DocumentService, srv.EventService, srv.StatsService = store, db.Store, db.Store
	srv.IncidentService = incidents
	if err := srv.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { srv.Close(context.Background()) })
	return srv
}

// getJSON reads an API answer, for the expectations of the browser test.
func getJSON[T any](tb testing.TB, base, path string, q url.Values) T {
	tb.Helper()
	u := base + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	res, err := http.Get(u)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		tb.Fatalf("GET %s: %s: %s", u, res.Status, body)
	}
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		tb.Fatalf("GET %s: %v", u, err)
	}
	return v
}

// waitFor polls a JavaScript predicate in the page.
func (b *browser) waitFor(tb testing.TB, what, expr string) {
	tb.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second), chromedp.WithPollingInterval(25*time.Millisecond))); err != nil {
		tb.Fatalf("waiting for %s (%s): %v\npage console:\n%s", what, expr, err, b.consoleLog())
	}
}

// number reads an integer the page shows with thousands separators.
func number(tb testing.TB, b *browser, selector string) int {
	tb.Helper()
	s := eval[string](tb, b, fmt.Sprintf(`document.querySelector(%q).textContent`, selector))
	n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(s), ",", ""))
	if err != nil {
		tb.Fatalf("%s shows %q, not a number", selector, s)
	}
	return n
}

var onMapRE = regexp.MustCompile(`^([\d,]+) events on the map`)

// mapCount is the number of events the map says it placed.
func mapCount(tb testing.TB, b *browser) int {
	tb.Helper()
	note := eval[string](tb, b, `document.getElementById('map-note').textContent`)
	m := onMapRE.FindStringSubmatch(note)
	if m == nil {
		tb.Fatalf("map note %q does not say how many events are on the map", note)
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

func placed(p sitrep.EventPage) int {
	n := 0
	for _, e := range p.Events {
		if e.Latitude != nil && e.Longitude != nil {
			n++
		}
	}
	return n
}

func (b *browser) noConsoleErrors(tb testing.TB, when string) {
	tb.Helper()
	if errs := b.consoleErrors(); len(errs) > 0 {
		tb.Fatalf("console errors %s:\n%s", when, strings.Join(errs, "\n"))
	}
}

// TestDashboard drives the dashboard in headless Chromium against a real
// server holding the demo corpus, the way an analyst would use it.
func TestDashboard(t *testing.T) {
	chromiumPath(t)
	srv := startDemoServer(t)
	base := srv.URL()
	b := newBrowser(t, 3*time.Minute)
	all := getJSON[sitrep.EventStats](t, base, "/api/stats", nil)
	if all.Total < 20 {
		t.Fatalf("demo corpus gave %d events; the dashboard test needs a realistic corpus", all.Total)
	}

	t.Run("the page loads with the demo corpus's counts and a first page of events", func(t *testing.T) {
		b.do(t, "open the dashboard", chromedp.Navigate(base+"/"))
		b.waitReady(t)
		if got, want := number(t, b, "#count-total"), all.Total; got != want {
			t.Errorf("header total = %d, want %d (GET /api/stats)", got, want)
		}
		if got, want := eval[int](t, b, `document.querySelectorAll('#events tbody tr[data-id]').length`), min(50, all.Total); got != want {
			t.Errorf("table rows = %d, want %d", got, want)
		}
		if got := eval[int](t, b, `document.querySelectorAll('#timeline rect[data-day]').length`); got == 0 {
			t.Error("the timeline drew no bars")
		}
		b.noConsoleErrors(t, "on load")
	})

	t.Run("the map shows occurred events and hides the others until asked", func(t *testing.T) {
		if got := eval[int](t, b, `document.querySelectorAll('#map path.ev-marker, #map path.ev-cluster').length`); got == 0 {
			t.Fatal("no markers on the map")
		}
		if got := eval[int](t, b, `document.querySelectorAll('#map path.country, #map path').length`); got < 100 {
			t.Errorf("the basemap drew %d paths; want the world's countries", got)
		}
		occurred := getJSON[sitrep.EventPage](t, base, "/api/events", url.Values{"modality": {"occurred"}, "limit": {"1000"}})
		if got, want := mapCount(t, b), placed(occurred); got != want {
			t.Errorf("map places %d events, want the %d occurred events with coordinates", got, want)
		}
		if got := eval[int](t, b, `document.querySelectorAll('#map path.not-occurred').length`); got != 0 {
			t.Errorf("%d not-occurred markers on the map by default, want none", got)
		}
		every := getJSON[sitrep.EventPage](t, base, "/api/events", url.Values{"limit": {"1000"}})
		b.do(t, "show not-occurred events", chromedp.Click(chromedp.CSS(`input[name=notoccurred]`)))
		b.waitFor(t, "the toggle in the URL", `location.search.includes('notoccurred=1')`)
		b.waitReady(t)
		if got, want := mapCount(t, b), placed(every); got != want {
			t.Errorf("with the toggle the map places %d events, want all %d with coordinates", got, want)
		}
		b.do(t, "hide not-occurred events", chromedp.Click(chromedp.CSS(`input[name=notoccurred]`)))
		b.waitFor(t, "the toggle off in the URL", `!location.search.includes('notoccurred')`)
		b.waitReady(t)
	})

	t.Run("not-occurred events are badged and muted in the table", func(t *testing.T) {
		var mod string
		for _, c := range all.ByModality {
			if c.Key != string(sitrep.ModalityOccurred) && c.Key != "" {
				mod = c.Key
				break
			}
		}
		if mod == "" {
			t.Skip("the demo corpus has no not-occurred event")
		}
		b.do(t, "filter by modality", chromedp.SetValue(chromedp.CSS(`select[name=modality]`), mod),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('select[name=modality]').dispatchEvent(new Event('input', {bubbles: true}))`))
		b.waitFor(t, "the modality in the URL", `location.search.includes('modality=`+mod+`')`)
		b.waitReady(t)
		rows := eval[int](t, b, `document.querySelectorAll('#events tbody tr[data-id]').length`)
		muted := eval[int](t, b, `document.querySelectorAll('#events tbody tr.not-occurred[data-id] .badge.not-occurred').length`)
		if rows == 0 || muted != rows {
			t.Errorf("%s filter: %d rows, %d of them muted with a badge; want all", mod, rows, muted)
		}
		b.do(t, "clear filters", chromedp.Click(chromedp.CSS(`#reset-filters`)))
		b.waitFor(t, "an empty query string", `location.search === ''`)
		b.waitReady(t)
	})

	t.Run("a country filter narrows the table, the counts and the export, and survives a reload", func(t *testing.T) {
		var country string
		var want int
		for _, c := range all.ByCountry {
			if c.Key != "" && c.Count < all.Total {
				country, want = c.Key, c.Count
				break
			}
		}
		if country == "" {
			t.Fatal("the demo corpus has events of only one country")
		}
		b.do(t, "type a country", chromedp.SendKeys(chromedp.CSS(`input[name=country]`), country))
		b.waitFor(t, "the country in the URL", `new URLSearchParams(location.search).get('country') === `+strconv.Quote(country))
		b.waitReady(t)
		if got := number(t, b, "#count-total"); got != want {
			t.Errorf("header total with country=%s = %d, want %d", country, got, want)
		}
		places := eval[[]string](t, b, `[...document.querySelectorAll('#events tbody tr[data-id] td:nth-child(6)')].map((td) => td.textContent)`)
		if len(places) != min(50, want) {
			t.Errorf("table rows = %d, want %d", len(places), min(50, want))
		}
		for _, p := range places {
			if !strings.HasSuffix(p, country) {
				t.Errorf("row place %q is not in %s", p, country)
			}
		}
		href := eval[string](t, b, `document.getElementById('export-csv').href`)
		if !strings.Contains(href, "country="+url.QueryEscape(country)) {
			t.Errorf("CSV export %s does not carry the country filter", href)
		}
		res, err := http.Get(href)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(res.Body).ReadAll()
		res.Body.Close()
		if err != nil {
			t.Fatalf("export %s: %v", href, err)
		}
		if got := len(recs) - 1; got != want {
			t.Errorf("CSV export has %d events, want %d", got, want)
		}
		b.do(t, "reload the shared URL", chromedp.Reload())
		b.waitReady(t)
		if got := eval[string](t, b, `document.querySelector('input[name=country]').value`); got != country {
			t.Errorf("after reload the country field shows %q, want %q", got, country)
		}
		if got := number(t, b, "#count-total"); got != want {
			t.Errorf("after reload the header total = %d, want %d", got, want)
		}
		b.noConsoleErrors(t, "while filtering")
	})

	t.Run("brushing the timeline sets the date range", func(t *testing.T) {
		b.do(t, "clear filters", chromedp.Click(chromedp.CSS(`#reset-filters`)))
		b.waitFor(t, "an empty query string", `location.search === ''`)
		b.waitReady(t)
		box := eval[map[string]float64](t, b, `(() => { const r = document.getElementById('timeline').getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; })()`)
		y := box["y"] + box["h"]/2
		b.do(t, "drag across the timeline",
			chromedp.MouseEvent(chromedp.MouseMoved, box["x"]+45, y),
			chromedp.MouseEvent(chromedp.MousePressed, box["x"]+45, y, chromedp.ButtonType("left"), chromedp.ClickCount(1)),
			chromedp.MouseEvent(chromedp.MouseMoved, box["x"]+box["w"]/2, y, chromedp.ButtonType("left")),
			chromedp.MouseEvent(chromedp.MouseMoved, box["x"]+box["w"]-20, y, chromedp.ButtonType("left")),
			chromedp.MouseEvent(chromedp.MouseReleased, box["x"]+box["w"]-20, y, chromedp.ButtonType("left"), chromedp.ClickCount(1)))
		b.waitFor(t, "dates in the URL", `/from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/.test(location.search)`)
		b.waitReady(t)
		q, err := url.ParseQuery(strings.TrimPrefix(eval[string](t, b, `location.search`), "?"))
		if err != nil {
			t.Fatal(err)
		}
		want := getJSON[sitrep.EventStats](t, base, "/api/stats", url.Values{"from": {q.Get("from")}, "to": {q.Get("to")}}).Total
		if got := number(t, b, "#count-total"); got != want || want == 0 || want >= all.Total {
			t.Errorf("brushed %s..%s: header total %d, want %d (0 < want < %d: dated events inside, undated ones out)", q.Get("from"), q.Get("to"), got, want, all.Total)
		}
		b.do(t, "clear dates", chromedp.Click(chromedp.CSS(`#timeline-clear`)))
		b.waitFor(t, "no dates in the URL", `!location.search.includes('from=')`)
		b.waitReady(t)
	})

	t.Run("the table sorts by fatalities and pages with the API's cursor", func(t *testing.T) {
		b.do(t, "sort by fatalities", chromedp.Click(chromedp.CSS(`#events th[data-sort=fatalities]`)))
		b.waitFor(t, "the sort in the URL", `location.search.includes('sort=-fatalities')`)
		b.waitReady(t)
		want := getJSON[sitrep.EventPage](t, base, "/api/events", url.Values{"sort": {"-fatalities"}, "limit": {"50"}})
		got := eval[[]string](t, b, `[...document.querySelectorAll('#events tbody tr[data-id]')].map((tr) => tr.dataset.id)`)
		if len(got) != len(want.Events) {
			t.Fatalf("sorted table has %d rows, want %d", len(got), len(want.Events))
		}
		for i, e := range want.Events {
			if got[i] != strconv.FormatInt(e.ID, 10) {
				t.Fatalf("row %d is event %s, want %d (sort=-fatalities)", i+1, got[i], e.ID)
			}
		}
		if all.Total <= 50 {
			return
		}
		b.do(t, "next page", chromedp.Click(chromedp.CSS(`#page-next`)))
		b.waitFor(t, "page 2", `document.getElementById('page-info').textContent.startsWith('51')`)
		b.waitReady(t)
		page2 := getJSON[sitrep.EventPage](t, base, "/api/events", url.Values{"sort": {"-fatalities"}, "limit": {"50"}, "cursor": {want.NextCursor}})
		first := eval[string](t, b, `document.querySelector('#events tbody tr[data-id]').dataset.id`)
		if rows := eval[int](t, b, `document.querySelectorAll('#events tbody tr[data-id]').length`); rows != len(page2.Events) || first != strconv.FormatInt(page2.Events[0].ID, 10) {
			t.Errorf("page 2 shows %d rows starting with event %s, want %d rows starting with %d", rows, first, len(page2.Events), page2.Events[0].ID)
		}
		b.do(t, "previous page", chromedp.Click(chromedp.CSS(`#page-prev`)))
		b.waitFor(t, "page 1", `document.getElementById('page-info').textContent.startsWith('1–')`)
		b.do(t, "sort by date again", chromedp.Click(chromedp.CSS(`#events th[data-sort=event_date]`)))
		b.waitFor(t, "the default sort", `!location.search.includes('sort=')`)
		b.waitReady(t)
	})

	t.Run("clicking an event shows its fields and highlights its evidence in the document", func(t *testing.T) {
		id := eval[string](t, b, `document.querySelector('#events tbody tr[data-id]').dataset.id`)
		want := getJSON[sitrephttp.EventDetail](t, base, "/api/events/"+id, nil)
		b.do(t, "click the first row", chromedp.Click(chromedp.CSS(`#events tbody tr[data-id]`)))
		b.waitFor(t, "the evidence highlight", `!!document.querySelector('#detail:not([hidden]) mark.evidence')`)
		if got := eval[string](t, b, `document.querySelector('#detail mark.evidence').textContent`); got != want.Event.Evidence.Text {
			t.Errorf("highlighted %q, want the evidence %q", got, want.Event.Evidence.Text)
		}
		if got := eval[string](t, b, `document.getElementById('doc-text').textContent`); got != want.Document.Text {
			t.Errorf("the detail panel shows %d characters of document text, want the whole document (%d)", len(got), len(want.Document.Text))
		}
		if got := eval[int](t, b, `document.querySelectorAll('#detail ul.related a[data-id]').length`); got != len(want.Related) {
			t.Errorf("%d other events of the document listed, want %d", got, len(want.Related))
		}
		if want.Document.URL != "" {
			if got := eval[string](t, b, `document.querySelector('#detail dd a[href]')?.href || ''`); got != want.Document.URL {
				t.Errorf("link to the original = %q, want %q", got, want.Document.URL)
			}
		}
		if os.Getenv("SITREP_SCREENSHOT") == "1" {
			png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join("..", "docs", "dashboard.png")
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(out, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s", out)
		}
		b.do(t, "close the detail", chromedp.Click(chromedp.CSS(`#detail-close`)))
		b.noConsoleErrors(t, "showing an event")
	})

	t.Run("an event reported by several outlets shows every source's casualty claim", func(t *testing.T) {
		page := getJSON[sitrep.EventPage](t, base, "/api/events", url.Values{"limit": {"1000"}})
		var ev *sitrep.Event
		var inc sitrephttp.IncidentDetail
		for _, e := range page.Events {
			if e.IncidentID == 0 {
				continue
			}
			inc = getJSON[sitrephttp.IncidentDetail](t, base, "/api/incidents/"+strconv.FormatInt(e.IncidentID, 10), nil)
			if inc.Sources >= 2 {
				ev = e
				break
			}
		}
		if ev == nil {
			t.Skip("no incident of the demo corpus has two sources")
		}
		b.do(t, "open the event's document", chromedp.Navigate(base+"/?doc_id="+url.QueryEscape(ev.DocID)))
		b.waitReady(t)
		b.do(t, "open the event", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#events tbody tr[data-id="%d"]`, ev.ID))))
		b.waitFor(t, "the incident's claims", `!!document.querySelector('#incident ul.claims')`)
		if got, want := eval[int](t, b, `document.querySelectorAll('#incident ul.claims li').length`), len(inc.Claims); got != want {
			t.Errorf("incident %d: %d claims listed, want %d", inc.ID, got, want)
		}
		if got := eval[string](t, b, `document.querySelector('#incident h2').textContent`); !strings.Contains(got, strconv.Itoa(inc.Sources)+" sources") {
			t.Errorf("incident heading %q does not give its %d sources", got, inc.Sources)
		}
		b.do(t, "close the detail", chromedp.Click(chromedp.CSS(`#detail-close`)))
		b.noConsoleErrors(t, "showing an incident")
	})

	t.Run("pasting an article adds its events, with multibyte text highlighted right", func(t *testing.T) {
		before := getJSON[sitrep.EventStats](t, base, "/api/stats", nil).Total
		b.do(t, "fill the article form",
			chromedp.Click(chromedp.CSS(`#open-upload`)),
			chromedp.WaitVisible(chromedp.CSS(`#upload-form textarea[name=text]`)),
			chromedp.SetValue(chromedp.CSS(`#upload-form input[name=title]`), "Market strike in Maarat al-Numan"),
			chromedp.SetValue(chromedp.CSS(`#upload-form input[name=published]`), "2022-03-16"),
			chromedp.SetValue(chromedp.CSS(`#upload-form textarea[name=text]`), pastedArticle),
			chromedp.SetValue(chromedp.CSS(`#upload-form input[name=token]`), dashboardToken),
			chromedp.Click(chromedp.CSS(`#upload-submit`)))
		b.waitFor(t, "the new article's events", `location.search.includes('doc_id=')`)
		b.waitReady(t)
		q, _ := url.ParseQuery(strings.TrimPrefix(eval[string](t, b, `location.search`), "?"))
		doc := getJSON[sitrep.StoredDocument](t, base, "/api/documents/"+url.PathEscape(q.Get("doc_id")), nil)
		if len(doc.Events) == 0 {
			t.Fatal("the pasted article gave no events")
		}
		if got := eval[int](t, b, `document.querySelectorAll('#events tbody tr[data-id]').length`); got != len(doc.Events) {
			t.Errorf("table shows %d rows for the new article, want its %d events", got, len(doc.Events))
		}
		if after := getJSON[sitrep.EventStats](t, base, "/api/stats", nil).Total; after != before+len(doc.Events) {
			t.Errorf("total went from %d to %d, want +%d", before, after, len(doc.Events))
		}
		if got := eval[string](t, b, `localStorage.getItem('sitrep.token')`); got != dashboardToken {
			t.Errorf("token kept in localStorage = %q", got)
		}
		checked := 0
		for _, e := range doc.Events {
			if start := strings.Index(pastedArticle, e.Evidence.Text); start <= 0 || !bytes.ContainsRune([]byte(pastedArticle[:start]), 'إ') {
				continue // the test is about evidence after multibyte text
			}
			b.do(t, "open the event", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#events tbody tr[data-id="%d"]`, e.ID))))
			b.waitFor(t, "its highlight", fmt.Sprintf(`document.querySelector('#detail-body')?.textContent.includes('Event id') && document.querySelector('#detail dd')?.textContent === '%d' && !!document.querySelector('#detail mark.evidence')`, e.ID))
			if got := eval[string](t, b, `document.querySelector('#detail mark.evidence').textContent`); got != e.Evidence.Text {
				t.Errorf("event %d: highlighted %q, want %q", e.ID, got, e.Evidence.Text)
			}
			// Found through the converted byte offsets, not by searching the text.
			if got := eval[string](t, b, `document.querySelector('#detail mark.evidence').dataset.foundBy`); got != "offsets" {
				t.Errorf("event %d: evidence found by %q, want by its offsets", e.ID, got)
			}
			checked++
		}
		if checked == 0 {
			t.Errorf("no event of the pasted article has its evidence after the multibyte first line; events: %+v", doc.Events)
		}
		b.do(t, "close the detail", chromedp.Click(chromedp.CSS(`#detail-close`)))
		b.noConsoleErrors(t, "after pasting an article")
	})

	t.Run("a text file fills the form, and a wrong token is refused with a clear message", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "protest.txt")
		const text = "Teachers rally in Nairobi over unpaid wages\n\nHundreds of teachers marched to parliament in Nairobi on Monday to demand unpaid wages, union officials said."
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		b.do(t, "load a file and submit with a bad token",
			chromedp.Click(chromedp.CSS(`#open-upload`)),
			chromedp.WaitVisible(chromedp.CSS(`#upload-form textarea[name=text]`)),
			chromedp.SetUploadFiles(chromedp.CSS(`#upload-form input[name=file]`), []string{file}))
		b.waitFor(t, "the file's text in the form", `document.querySelector('#upload-form textarea[name=text]').value.length > 0`)
		if got := eval[string](t, b, `document.querySelector('#upload-form textarea[name=text]').value`); got != text {
			t.Errorf("text from the file = %q, want %q", got, text)
		}
		if got := eval[string](t, b, `document.querySelector('#upload-form input[name=title]').value`); got != "Teachers rally in Nairobi over unpaid wages" {
			t.Errorf("title from the file's first line = %q", got)
		}
		b.do(t, "submit with a bad token",
			chromedp.SetValue(chromedp.CSS(`#upload-form input[name=token]`), "wrong-token"),
			chromedp.Click(chromedp.CSS(`#upload-submit`)))
		b.waitFor(t, "the error", `document.getElementById('upload-status').textContent.includes('401')`)
		b.do(t, "cancel", chromedp.Click(chromedp.CSS(`#upload-cancel`)))
		b.mu.Lock()
		b.errors = nil // the browser logs the refused request itself; that is the expected outcome here
		b.mu.Unlock()
	})
}
