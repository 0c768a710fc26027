package when

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/text"
)

// skipSamples are phrases that reach the corners of the skip rules: dates
// behind long prefixes, ordinals before "of", relative expressions with
// counts and lead-ins, seasons, decades, glued parts.
var skipSamples = []string{
	"on or around the night of 3-4 March, the first of June, the 3rd of March, the summer of 2022",
	"in the early hours of Sunday, in the past few days, over the past couple of days, in the past 48 hours",
	"a couple of weeks ago, a few days later, several months earlier, twenty-one days ago, the day before yesterday",
	"since mid-March, in mid-2021, late last month, at the start of this week, the 1990s, in the 2010s",
	"between 1 and 3 March 2022 (month of), from Friday to Sunday, last Friday's raid, this past weekend",
	"in the first half of 2021, during the second week of May, the last week of January, by the end of 2022",
	"Friday (3 March), Friday, 3 March, Jan. 1, 2022, 2022-01-01, 05.03.2022, 25/3/2022, in December",
	"a Saudi-led raid in early-2022, the sit-in on the twenty-first of May, Mid-March, late-March 2021, the 21-year-old",
}

// TestSkippedTokensStartNoDate checks that Find skips rules only where
// they cannot match: with the skip indexes built as Find builds them, it
// runs the relative and calendar rules at every token and wants no match
// that parser.may or nextStart would skip.
func TestSkippedTokensStartNoDate(t *testing.T) {
	docs := append([]string(nil), skipSamples...)
	paths, _ := filepath.Glob("testdata/news/*.txt")
	paths = append(paths, "../testdata/seed/article.txt")
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(b))
	}
	docs = append(docs, evalNotes(t)...)
	for _, s := range docs {
		if i, ok := skippedDate(s); ok {
			t.Fatalf("a date starts at skipped token %d of %q", i, s)
		}
	}
}

// FuzzSkippedTokens is TestSkippedTokensStartNoDate on fuzzed text.
func FuzzSkippedTokens(f *testing.F) {
	for _, s := range skipSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if i, ok := skippedDate(s); ok {
			t.Fatalf("a date starts at skipped token %d of %q", i, s)
		}
	})
}

// skippedDate returns the first token of s where Find skips a relative
// or calendar rule that matches there.
func skippedDate(s string) (int, bool) {
	p := parser{toks: text.Tokenize(s)}
	p.indexCores()
	for i := range p.toks {
		if _, _, ok := p.relative(i); ok && p.may[i]&mayRelative == 0 {
			return i, true
		}
		if _, _, ok := p.calendar(i); ok && p.may[i]&mayCalendar == 0 {
			return i, true
		}
		if p.may[i] != 0 && int(p.nextStart[i]) != i {
			return i, true
		}
	}
	return 0, false
}

// evalNotes returns the notes of the evaluation CSV that SITREP_EVAL_CSV
// names, or none.
func evalNotes(t *testing.T) []string {
	path := os.Getenv("SITREP_EVAL_CSV")
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	col := -1
	for i, h := range recs[0] {
		if h == "notes" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("%s: no notes column", path)
	}
	var notes []string
	for _, r := range recs[1:] {
		notes = append(notes, r[col])
	}
	return notes
}

// TestDashesJoinRanges checks that every token folded to "-" joins a
// range, the minus sign (a Symbol) as much as the hyphen and the dashes.
func TestDashesJoinRanges(t *testing.T) {
	for _, dash := range []string{"-", "–", "—", "−", "－", "﹣"} {
		s := "clashes on 1" + dash + "3 March 2022 left"
		ms := Find(s)
		if want := "on 1" + dash + "3 March 2022"; len(ms) != 1 || ms[0].Text != want {
			t.Errorf("Find(%q) = %q, want %q", s, texts(ms), want)
		}
	}
}
