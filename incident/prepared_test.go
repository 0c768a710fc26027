package incident

import (
	"reflect"
	"testing"
)

func TestPreparedReportsGroupLikeReports(t *testing.T) {
	reports := synthetic(2000, 3)
	want, err := Group(reports)
	if err != nil {
		t.Fatal(err)
	}
	ps := make([]Prepared, len(reports))
	for i, r := range reports {
		ps[i] = Prepare(r)
	}
	// One set of prepared reports, shared by two linkers in two batches.
	for run := 0; run < 2; run++ {
		l := NewLinker()
		if err := l.AddPrepared(ps[:len(ps)/2]...); err != nil {
			t.Fatal(err)
		}
		if err := l.AddPrepared(ps[len(ps)/2:]...); err != nil {
			t.Fatal(err)
		}
		if got := l.Incidents(); !reflect.DeepEqual(got, want) {
			t.Fatalf("run %d: %d incidents from prepared reports, %d from reports, and they differ", run, len(got), len(want))
		}
	}
	if err := NewLinker().AddPrepared(ps[0], ps[0]); err == nil {
		t.Errorf("one prepared report added twice: no error")
	}
}

func TestIncidentsExceptSummarizesOnlyChangedGroups(t *testing.T) {
	reports := synthetic(1500, 4)
	l := NewLinker()
	if err := l.Add(reports...); err != nil {
		t.Fatal(err)
	}
	all := l.Incidents()
	t.Run("nothing unchanged gives every incident", func(t *testing.T) {
		got, kept := l.IncidentsExcept(func([]int64) bool { return false })
		if !reflect.DeepEqual(got, all) || len(kept) != 0 {
			t.Errorf("got %d incidents and %d kept, want %d and 0", len(got), len(kept), len(all))
		}
	})
	t.Run("groups of two or more events kept as ids", func(t *testing.T) {
		got, kept := l.IncidentsExcept(func(ids []int64) bool { return len(ids) >= 2 })
		var wantChanged []Incident
		wantKept := map[int64][]int64{}
		for _, inc := range all {
			if len(inc.EventIDs) >= 2 {
				wantKept[inc.ID] = inc.EventIDs
			} else {
				wantChanged = append(wantChanged, inc)
			}
		}
		if len(wantKept) == 0 || len(wantChanged) == 0 {
			t.Fatalf("corpus has %d multi-event and %d single-event incidents: not a test", len(wantKept), len(wantChanged))
		}
		if !reflect.DeepEqual(got, wantChanged) {
			t.Errorf("changed: got %d incidents, want %d", len(got), len(wantChanged))
		}
		gotKept := map[int64][]int64{}
		for _, ids := range kept {
			gotKept[ids[0]] = ids
		}
		if !reflect.DeepEqual(gotKept, wantKept) {
			t.Errorf("kept: got %d groups, want %d (first id must be the incident id, ids ascending)", len(gotKept), len(wantKept))
		}
	})
}
