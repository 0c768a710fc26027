package eval

import (
	"context"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

func readTiny(t *testing.T) []Row {
	t.Helper()
	f, err := os.Open("testdata/tiny.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := ReadCSV(f, "tiny.csv")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func ip(n int) *int         { return &n }
func fp(x float64) *float64 { return &x }

func TestScoreFollowsTheRules(t *testing.T) {
	rows := readTiny(t)
	if len(rows) != 3 || rows[0].Fatalities != 4 || rows[2].Line != 4 {
		t.Fatalf("got %+v", rows)
	}
	preds := []*sitrep.Event{
		// all four right, location 10 km off
		{EventType: "Battles", SubEventType: "Armed clash", Country: "Mali", EventDate: "2022-02-03", Fatalities: ip(4),
			Latitude: fp(13.99), Longitude: fp(-4.55), Inter1: 1, Inter2: 2, Actor1: "Military Forces of Mali", TimePrecision: 1, GeoPrecision: 1},
		// right type, null fatalities count as 0, but 200 km off
		{EventType: "Protests", SubEventType: "Peaceful protest", Country: "Kenya", EventDate: "2022-02-05", Latitude: fp(-1.28), Longitude: fp(38.6), Inter1: 6},
		nil, // no event: zero on every field
	}
	rep, misses := Score(rows, preds)
	for field, want := range map[string]float64{
		"event_type": 2.0 / 3, "location": 1.0 / 3, "fatalities": 2.0 / 3, "fatalities_nonzero": 1.0 / 2,
		"all_four": 1.0 / 3, "answered": 2.0 / 3, "actor1": 1.0 / 3, "inter2": 2.0 / 3,
	} {
		if got := rep.Scores[field]; math.Abs(got-want) > 1e-9 {
			t.Errorf("%s: got %.3f, want %.3f", field, got, want)
		}
	}
	// F1: Battles 1, Protests 1, VAC 0 → macro 2/3.
	if got := rep.Scores["macro_f1"]; math.Abs(got-2.0/3) > 1e-9 {
		t.Errorf("macro_f1: got %.3f, want 0.667", got)
	}
	if got := rep.Confusion["Violence against civilians"]["(none)"]; got != 1 {
		t.Errorf("confusion VAC→none: got %d, want 1", got)
	}
	if len(misses) != 2 || misses[1].Row.ID != "TST3" {
		t.Errorf("got misses %+v", misses)
	}
}

func TestActorMatchIsLoose(t *testing.T) {
	tests := []struct {
		got, want string
		ok        bool
	}{
		{"Military Forces of Iraq", "Military Forces of Iraq (2014-)", true},
		{"Protesters (India)", "Protesters (India)", true},
		{"Al Shabaab", "Al-Shabaab", true},
		{"Police Forces of Kenya", "Military Forces of Kenya (2013-)", false},
		{"", "", true},
	}
	for _, tt := range tests {
		if got := ActorMatch(tt.got, tt.want); got != tt.ok {
			t.Errorf("ActorMatch(%q, %q) = %v, want %v", tt.got, tt.want, got, tt.ok)
		}
	}
}

func TestReadCSVErrorsNameTheLine(t *testing.T) {
	csv := "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,inter2,country,latitude,longitude,geo_precision,notes,fatalities\n" +
		"A1,2022-01-01,1,Protests,Peaceful protest,P,6,0,Kenya,1,2,1,text,0\n" +
		"A2,2022-01-01,1,Protests,Peaceful protest,P,six,0,Kenya,1,2,1,text,0\n"
	_, err := ReadCSV(strings.NewReader(csv), "g.csv")
	if err == nil || !strings.Contains(err.Error(), "g.csv:3") {
		t.Fatalf("got %v, want an error naming g.csv:3", err)
	}
	_, err = ReadCSV(strings.NewReader("id,notes\n"), "h.csv")
	if err == nil || !strings.Contains(err.Error(), "missing column") {
		t.Fatalf("got %v", err)
	}
}

type fixed map[string][]sitrep.Event

func (f fixed) Extract(d *sitrep.Document) ([]sitrep.Event, error) { return f[d.ID], nil }

func TestRunTakesTheFirstEvent(t *testing.T) {
	rows := readTiny(t)
	ex := fixed{"TST1": {{EventType: "Battles"}, {EventType: "Protests"}}}
	preds, err := Run(context.Background(), ex, rows, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if preds[0] == nil || preds[0].EventType != "Battles" || preds[1] != nil || preds[2] != nil {
		t.Fatalf("got %v", preds)
	}
}

func TestHaversine(t *testing.T) {
	// Baghdad → Mosul is about 340 km.
	if d := Haversine(33.31, 44.36, 36.34, 43.13); d < 330 || d > 360 {
		t.Fatalf("got %.0f km", d)
	}
}
