package when

import (
	"os"
	"testing"
	"time"

	"github.com/sitrep/sitrep/eval"
)

// TestACLEDNotes measures Find + ResolveAll (no publication date) on an
// ACLED-format CSV named by SITREP_EVAL_CSV: the first date in each row's
// notes must give the gold event_date and time_precision. It is skipped
// when the variable is unset, so a fresh clone needs no data:
//
//	SITREP_EVAL_CSV=../../shared/eval/acled-2022q1.csv go test ./when -run ACLED -v
func TestACLEDNotes(t *testing.T) {
	path := os.Getenv("SITREP_EVAL_CSV")
	if path == "" {
		t.Skip("SITREP_EVAL_CSV not set")
	}
	gold, err := eval.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows, date, prec, none int
	for _, row := range gold {
		rows++
		ms := Find(row.Notes)
		if len(ms) == 0 {
			none++
			continue
		}
		d := ResolveAll(ms, time.Time{}, false)[0]
		if d.ISO() == row.EventDate {
			date++
		}
		if d.Precision == row.TimePrecision {
			prec++
		}
	}
	if rows == 0 {
		t.Fatalf("%s: no rows", path)
	}
	dateRate, precRate := float64(date)/float64(rows), float64(prec)/float64(rows)
	t.Logf("%d rows: event_date %.4f, time_precision %.4f, no date found in %d", rows, dateRate, precRate, none)
	if dateRate < 0.95 || precRate < 0.95 {
		t.Errorf("agreement below 0.95: event_date %.4f, time_precision %.4f", dateRate, precRate)
	}
}
