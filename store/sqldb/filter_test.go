package sqldb

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

func TestRebind(t *testing.T) {
	for _, tc := range []struct{ in, sqlite, postgres string }{
		{"SELECT 1", "SELECT 1", "SELECT 1"},
		{"a = ? AND b IN (?, ?)", "a = ? AND b IN (?, ?)", "a = $1 AND b IN ($2, $3)"},
	} {
		if got := SQLite.Rebind(tc.in); got != tc.sqlite {
			t.Errorf("SQLite.Rebind(%q) = %q, want %q", tc.in, got, tc.sqlite)
		}
		if got := Postgres.Rebind(tc.in); got != tc.postgres {
			t.Errorf("Postgres.Rebind(%q) = %q, want %q", tc.in, got, tc.postgres)
		}
	}
}

func TestFTS5Query(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"air strike", `"air" "strike"`},
		{`"unbalanced AND (NEAR`, `"unbalanced" "AND" "NEAR"`},
		{"Al-Shabaab's", `"Al-Shabaab's"`},
		{"Mariupol Маріуполь", `"Mariupol" "Маріуполь"`},
		{"*:^", ""},
	} {
		if got := fts5Query(tc.in); got != tc.want {
			t.Errorf("fts5Query(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	nine := 9
	for _, sort := range []string{"", sitrep.SortDateAsc, sitrep.SortFatalitiesDesc, sitrep.SortFatalitiesAsc} {
		for _, e := range []*sitrep.Event{
			{ID: 42, EventDate: "2026-03-03", Fatalities: &nine},
			{ID: 7}, // no date, unknown toll
		} {
			c, err := decodeCursor(encodeCursor(sort, e), sort)
			if err != nil {
				t.Fatalf("sort %q: %v", sort, err)
			}
			want := any(e.EventDate)
			if orderOf(sort).col == "fsort" {
				want = -1
				if e.Fatalities != nil {
					want = *e.Fatalities
				}
			}
			if c.ID != e.ID || c.key() != want {
				t.Errorf("sort %q: cursor %+v, want id %d key %v", sort, c, e.ID, want)
			}
		}
	}
}

// FuzzDecodeCursor checks that no client-supplied cursor crashes the store
// or is accepted for the wrong sort order.
func FuzzDecodeCursor(f *testing.F) {
	nine := 9
	f.Add(encodeCursor("", &sitrep.Event{ID: 3, EventDate: "2026-01-01"}), "")
	f.Add(encodeCursor(sitrep.SortFatalitiesDesc, &sitrep.Event{ID: 3, Fatalities: &nine}), sitrep.SortFatalitiesDesc)
	f.Add("eyJzIjoiLWV2ZW50X2RhdGUiLCJpIjotMX0", "")
	f.Add("%%%", "fatalities")
	f.Fuzz(func(t *testing.T, s, sort string) {
		c, err := decodeCursor(s, sort)
		if err != nil {
			if sitrep.ErrorCode(err) != sitrep.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		if c.ID <= 0 || c.Sort != sortName(sort) {
			t.Fatalf("accepted cursor %+v for sort %q", c, sort)
		}
	})
}

// FuzzFTS5Query checks that any user text becomes only quoted terms.
func FuzzFTS5Query(f *testing.F) {
	for _, s := range []string{"air strike", `"x" OR y*`, "NEAR(a b)", "col:term", "Маріуполь", "a\"b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := fts5Query(s)
		if q == "" {
			return
		}
		for _, term := range strings.Split(q, " ") {
			inner := strings.TrimSuffix(strings.TrimPrefix(term, `"`), `"`)
			if len(term) < 3 || term[0] != '"' || term[len(term)-1] != '"' || strings.Contains(strings.ReplaceAll(inner, `""`, ""), `"`) {
				t.Fatalf("fts5Query(%q) has unquoted term %q", s, term)
			}
		}
	})
}

func TestWhereUsesEveryFilter(t *testing.T) {
	s := func(v string) *string { return &v }
	m := sitrep.ModalityOccurred
	f := sitrep.EventFilter{From: s("2026-01-01"), To: s("2026-02-01"), EventType: s("Battles"), SubEventType: s("Armed clash"),
		Actor: s("50%_off"), Country: s("Syria"), Admin1: s("Idleb"), BBox: &sitrep.BBox{MinLon: 1, MinLat: 2, MaxLon: 3, MaxLat: 4},
		Modality: &m, Q: s("market"), DocID: s("d1")}
	where, args := Postgres.where(f)
	if got, want := strings.Count(Postgres.Rebind(where), "$"), len(args); got != want {
		t.Errorf("%d placeholders for %d arguments in %s", got, want, where)
	}
	if got, want := len(args), 17; got != want {
		t.Errorf("%d arguments, want %d", got, want)
	}
	if args[5] != `%50\%\_off%` {
		t.Errorf("actor pattern %q: LIKE wildcards not escaped", args[5])
	}
}
