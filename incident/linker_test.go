package incident

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/sitrep/sitrep"
)

func TestLinkerOrderDoesNotMatter(t *testing.T) {
	reports := synthetic(3000, 1)
	want, err := Group(reports)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) >= len(reports) || len(want) < len(reports)/4 {
		t.Fatalf("%d incidents from %d reports: the corpus does not exercise merging", len(want), len(reports))
	}
	for seed := uint64(1); seed <= 5; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		shuffled := append([]Report(nil), reports...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		l := NewLinker()
		for len(shuffled) > 0 { // incremental: batches of 1..50 reports
			k := min(len(shuffled), 1+rng.IntN(50))
			if err := l.Add(shuffled[:k]...); err != nil {
				t.Fatal(err)
			}
			shuffled = shuffled[k:]
		}
		if got := l.Incidents(); !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffle %d: incremental incidents differ from batch (%d vs %d incidents)", seed, len(got), len(want))
		}
	}
}

func TestVagueReportDoesNotBridgeIncidents(t *testing.T) {
	// Two strikes on Idlib on two days; a weekly round-up covers both.
	reports := []Report{
		rep(ev(1, strike, "2024-03-04", "Idlib", 35.930, 36.633, text("A strike hit the grain silo in Idlib")), "AFP", "2024-03-04"),
		rep(ev(2, strike, "2024-03-04", "Idlib", 35.931, 36.632, text("Jets bombed the silo at Idlib")), "SANA", "2024-03-04"),
		rep(ev(3, strike, "2024-03-06", "Idlib", 35.930, 36.633, text("A drone struck a minibus in Idlib")), "Reuters", "2024-03-06"),
		rep(ev(4, strike, "2024-03-01", "Idlib", 35.930, 36.633, window("2024-03-01", "2024-03-07", 2),
			text("Strikes hit Idlib repeatedly this week")), "Weekly", "2024-03-08"),
	}
	incs, err := Group(reports)
	if err != nil {
		t.Fatal(err)
	}
	var got [][]int64
	for _, inc := range incs {
		got = append(got, inc.EventIDs)
	}
	// The round-up joins exactly one of the two incidents; which one is
	// decided by score, then by the smaller event id.
	if len(got) != 2 || len(got[0])+len(got[1]) != 4 || !reflect.DeepEqual(got[0][:2], []int64{1, 2}) || got[1][0] != 3 {
		t.Errorf("groups = %v, want {1,2,(4)} and {3,(4)}", got)
	}
}

func TestDenialAloneIsNoIncident(t *testing.T) {
	incs, err := Group([]Report{rep(ev(1, strike, "2024-03-04", "Idlib", 35.930, 36.633, modality(sitrep.ModalityDenied)), "MoD", "2024-03-04")})
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) != 0 {
		t.Errorf("got %d incidents from a lone denial, want 0", len(incs))
	}
}

func TestLinkerRejectsBadIDs(t *testing.T) {
	l := NewLinker()
	if err := l.Add(rep(ev(0, strike, "2024-03-04", "Idlib", 35.9, 36.6), "AFP", "")); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("id 0: err = %v, want EINVALID", err)
	}
	ok := rep(ev(5, strike, "2024-03-04", "Idlib", 35.9, 36.6), "AFP", "")
	if err := l.Add(ok); err != nil {
		t.Fatal(err)
	}
	if err := l.Add(rep(ev(6, strike, "2024-03-04", "Idlib", 35.9, 36.6), "AFP", ""), ok); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("repeated id: err = %v, want EINVALID", err)
	}
	if l.Len() != 1 {
		t.Errorf("after rejected batch Len = %d, want 1 (nothing of a bad batch added)", l.Len())
	}
}
