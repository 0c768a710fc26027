package incident

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
)

// acledPath is ACLED's coded events (see /work/shared/eval/README.md). They
// are absent from a fresh clone, so the test skips without them.
const acledPath = "/work/shared/eval/acled-2022q1.csv"

// TestACLEDFalseMerges links ACLED's own events. ACLED codes each event
// once, so two ACLED events linked into one incident are, nearly always,
// a false merge: it measures how well the rules keep apart distinct events
// in one place on one day — the hard near-misses — at scale.
//
// Measured (Nov 2026): 6.1% of events merged. Most are shellings of
// several villages on one day that ACLED codes separately but locates at
// one town with geo precision 2, and protests by different groups in one
// city on one day: same type, place, day and actor, told apart only by
// detail a linker of reports cannot see. The bound guards against
// regressions.
func TestACLEDFalseMerges(t *testing.T) {
	reports := loadACLED(t)
	incs, err := Group(reports)
	if err != nil {
		t.Fatal(err)
	}
	merged, pairs := 0, 0
	for _, inc := range incs {
		if k := len(inc.EventIDs); k > 1 {
			merged += k
			pairs += k * (k - 1) / 2
		}
	}
	rate := float64(merged) / float64(len(reports))
	t.Logf("ACLED 2022Q1: %d events → %d incidents; %d events (%.1f%%) merged with another, %d pairs",
		len(reports), len(incs), merged, 100*rate, pairs)
	if rate > 0.07 {
		t.Errorf("%.1f%% of distinct ACLED events were merged, want ≤ 7%%", 100*rate)
	}
}

// loadACLED reads the ACLED rows as reports, each row its own document.
func loadACLED(t *testing.T) []Report {
	t.Helper()
	f, err := os.Open(acledPath)
	if os.IsNotExist(err) {
		t.Skip("no ACLED evaluation data at " + acledPath)
	} else if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", acledPath, err)
	}
	col := make(map[string]int)
	for i, name := range rows[0] {
		col[name] = i
	}
	var reports []Report
	for n, row := range rows[1:] {
		get := func(name string) string { return row[col[name]] }
		lat, _ := strconv.ParseFloat(get("latitude"), 64)
		lon, _ := strconv.ParseFloat(get("longitude"), 64)
		tp, _ := strconv.Atoi(get("time_precision"))
		gp, _ := strconv.Atoi(get("geo_precision"))
		from, to := get("event_date"), get("event_date")
		if d, err := time.Parse("2006-01-02", from); err == nil {
			switch tp {
			case 2: // within a week around the date
				from, to = d.AddDate(0, 0, -3).Format("2006-01-02"), d.AddDate(0, 0, 3).Format("2006-01-02")
			case 3: // within the month
				first := d.AddDate(0, 0, 1-d.Day())
				from, to = first.Format("2006-01-02"), first.AddDate(0, 1, -1).Format("2006-01-02")
			}
		}
		e := sitrep.Event{
			ID: int64(n + 1), DocID: get("event_id_cnty"), EventType: get("event_type"), SubEventType: get("sub_event_type"),
			Modality: sitrep.ModalityOccurred, EventDate: from, EventDateEnd: to, TimePrecision: tp,
			Actor1: get("actor1"), Actor2: get("actor2"), Country: get("country"), Admin1: get("admin1"),
			Location: get("location"), Latitude: &lat, Longitude: &lon, GeoPrecision: gp,
			Evidence: sitrep.Evidence{Text: get("notes")},
		}
		reports = append(reports, Report{Event: e, Source: get("source"), Published: get("event_date")})
	}
	return reports
}
