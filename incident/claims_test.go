package incident

import (
	"testing"

	"github.com/sitrep/sitrep"
)

const strike = "Air/drone strike"

func TestIncidentFiguresAndGrade(t *testing.T) {
	at := func(id int64, fat int, source, published string, opts ...func(*sitrep.Event)) Report {
		opts = append([]func(*sitrep.Event){killed(fat)}, opts...)
		return rep(ev(id, strike, "2024-03-04", "Idlib", 35.930, 36.633, opts...), source, published)
	}
	tests := []struct {
		name         string
		reports      []Report
		lo, hi, best int
		grade        string
		sources      int
	}{
		{"one outlet", []Report{at(1, 5, "Enab Baladi", "2024-03-04")}, 5, 5, 5, GradeSingle, 1},
		{"one outlet twice is still one source",
			[]Report{at(1, 5, "Enab Baladi", "2024-03-04"), at(2, 6, "Enab Baladi", "2024-03-05")}, 5, 6, 6, GradeSingle, 1},
		{"two outlets roughly agree",
			[]Report{at(1, 12, "Reuters", "2024-03-04"), at(2, 14, "AFP", "2024-03-04")}, 12, 14, 12, GradeMultiple, 2},
		{"a toll rising over days is not a dispute; best is the lowest latest figure",
			[]Report{at(1, 3, "Reuters", "2024-03-04"), at(2, 11, "AFP", "2024-03-05"), at(3, 9, "SOHR", "2024-03-05")},
			3, 11, 9, GradeMultiple, 3},
		{"same-day figures far apart are contested",
			[]Report{at(1, 4, "State TV", "2024-03-04"), at(2, 30, "White Helmets", "2024-03-04")}, 4, 30, 4, GradeContested, 2},
		{"a later, much lower count is contested",
			[]Report{at(1, 30, "White Helmets", "2024-03-04"), at(2, 4, "State TV", "2024-03-06")}, 4, 30, 4, GradeContested, 2},
		{"a denial published after the reports discounts the incident",
			[]Report{at(1, 12, "Reuters", "2024-03-04"), at(2, 12, "AFP", "2024-03-04"),
				rep(ev(3, strike, "2024-03-04", "Idlib", 35.930, 36.633, modality(sitrep.ModalityDenied)), "Ministry of Defence", "2024-03-05")},
			12, 12, 12, GradeDiscounted, 2},
		{"syndicated wire copy counts once",
			[]Report{at(1, 7, "Daily Star", "2024-03-04", text("An air strike hit a crowded fuel market in the town of Binnish on Monday, rescuers said")),
				at(2, 7, "Gulf Times", "2024-03-04", text("An air strike hit a crowded fuel market in the town of Binnish on Monday, rescuers said."))},
			7, 7, 7, GradeSingle, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := Group(tt.reports)
			if err != nil {
				t.Fatal(err)
			}
			if len(incs) != 1 {
				t.Fatalf("got %d incidents, want 1", len(incs))
			}
			inc := incs[0]
			got := [3]int{deref(inc.FatalitiesMin), deref(inc.FatalitiesMax), deref(inc.FatalitiesBest)}
			if want := [3]int{tt.lo, tt.hi, tt.best}; got != want {
				t.Errorf("min, max, best = %v, want %v", got, want)
			}
			if inc.Grade != tt.grade {
				t.Errorf("grade = %q, want %q", inc.Grade, tt.grade)
			}
			if inc.Sources != tt.sources {
				t.Errorf("sources = %d, want %d", inc.Sources, tt.sources)
			}
			if len(inc.Claims) != len(tt.reports) {
				t.Errorf("kept %d claims, want one per report (%d)", len(inc.Claims), len(tt.reports))
			}
		})
	}
}

func deref(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

func TestIncidentWithoutFiguresHasNilFatalities(t *testing.T) {
	incs, err := Group([]Report{rep(ev(1, strike, "2024-03-04", "Idlib", 35.930, 36.633), "AFP", "2024-03-04")})
	if err != nil {
		t.Fatal(err)
	}
	if inc := incs[0]; inc.FatalitiesMin != nil || inc.FatalitiesMax != nil || inc.FatalitiesBest != nil {
		t.Errorf("figures = %v %v %v, want all nil: no source gave a number", inc.FatalitiesMin, inc.FatalitiesMax, inc.FatalitiesBest)
	}
}

func TestTalliesAreKeptApart(t *testing.T) {
	tally := func(id int64, n int, published string) Report {
		return rep(ev(id, strike, "2014-09-23", "", 0, 0, noCoords, killed(n), actor("Coalition", ""),
			window("2014-09-23", "2017-06-01", 3), modality(sitrep.ModalityCumulative), country("Iraq", "")), "Airwatch", published)
	}
	reports := []Report{
		tally(10, 484, "2017-06-02"),
		rep(ev(1, strike, "2017-06-01", "Mosul", 36.34, 43.13, killed(5), country("Iraq", "Nineveh"), actor("Coalition", "")), "AFP", "2017-06-01"),
		tally(11, 460, "2017-05-20"),
	}
	l := NewLinker()
	if err := l.Add(reports...); err != nil {
		t.Fatal(err)
	}
	incs := l.Incidents()
	if len(incs) != 1 || deref(incs[0].FatalitiesBest) != 5 {
		t.Fatalf("incidents = %+v, want one with 5 killed (tallies not counted)", incs)
	}
	series := l.Tallies()
	if len(series) != 1 {
		t.Fatalf("got %d tally series, want 1", len(series))
	}
	var got []int
	for _, p := range series[0].Points {
		got = append(got, deref(p.Fatalities))
	}
	if len(got) != 2 || got[0] != 460 || got[1] != 484 {
		t.Errorf("series = %v, want [460 484] oldest first", got)
	}
}
