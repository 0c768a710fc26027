package when

import (
	"os"
	"strings"
	"testing"
	"time"
)

// pub is a Monday: 5 June 2017.
var pub = time.Date(2017, 6, 5, 14, 30, 0, 0, time.UTC)

type want struct {
	text       string // the mention as found
	start, end string // resolved window, "" when unresolved
	prec       int
	relative   bool
}

func check(t *testing.T, in string, hasPub bool, w want) {
	t.Helper()
	ms := Find(in)
	if w.text == "" {
		if len(ms) != 0 {
			t.Fatalf("Find(%q) = %q, want no date", in, texts(ms))
		}
		return
	}
	if len(ms) != 1 {
		t.Fatalf("Find(%q) = %q, want [%q]", in, texts(ms), w.text)
	}
	m := ms[0]
	if m.Text != w.text || in[m.Start:m.End] != m.Text {
		t.Errorf("mention = %q [%d:%d], want %q", m.Text, m.Start, m.End, w.text)
	}
	d := m.Resolve(pub, hasPub)
	if got := d.ISO(); got != w.start {
		t.Errorf("Start = %q, want %q", got, w.start)
	}
	if got := d.EndISO(); got != w.end {
		t.Errorf("End = %q, want %q", got, w.end)
	}
	if d.Precision != w.prec {
		t.Errorf("Precision = %d, want %d", d.Precision, w.prec)
	}
	if d.Relative != w.relative {
		t.Errorf("Relative = %v, want %v", d.Relative, w.relative)
	}
	if d.Resolved != (w.start != "") {
		t.Errorf("Resolved = %v, want %v", d.Resolved, w.start != "")
	}
}

func texts(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func TestFindAbsolute(t *testing.T) {
	tests := []struct {
		name, in string
		want     want
	}{
		{"day month year", "Clashes on 1 January 2022 left two dead.", want{"on 1 January 2022", "2022-01-01", "2022-01-01", 1, false}},
		{"month day comma year", "Police said that January 1, 2022 was calm.", want{"January 1, 2022", "2022-01-01", "2022-01-01", 1, false}},
		{"abbreviated month with stop", "The raid on Jan. 1, 2022 failed.", want{"on Jan. 1, 2022", "2022-01-01", "2022-01-01", 1, false}},
		{"abbreviated month without stop", "Shelling 1 Jan 2022 hit Donetsk.", want{"1 Jan 2022", "2022-01-01", "2022-01-01", 1, false}},
		{"ISO date", "Report dated 2022-01-01 says", want{"dated 2022-01-01", "2022-01-01", "2022-01-01", 1, false}},
		{"year-first slashes", "Report 2022/03/05 says", want{"2022/03/05", "2022-03-05", "2022-03-05", 1, false}},
		{"dotted European date", "am 05.03.2022 in Kyiv", want{"05.03.2022", "2022-03-05", "2022-03-05", 1, false}},
		{"slashed date with a day above 12", "on 25/3/2022 gunmen", want{"on 25/3/2022", "2022-03-25", "2022-03-25", 1, false}},
		{"American slashed date with a day above 12", "on 3/25/2022 gunmen", want{"on 3/25/2022", "2022-03-25", "2022-03-25", 1, false}},
		{"ordinal of month year", "on the 1st of June 2017 troops", want{"on the 1st of June 2017", "2017-06-01", "2017-06-01", 1, false}},
		{"day month without year takes the publication year", "Fighting on 3 March in Marib", want{"on 3 March", "2017-03-03", "2017-03-03", 1, true}},
		{"month day without year", "five June 1 strikes near Raqqa", want{"June 1", "2017-06-01", "2017-06-01", 1, true}},
		{"date days after publication is previous year", "Protests on 20 December turned violent", want{"on 20 December", "2016-12-20", "2016-12-20", 1, true}},
		{"date a few days ahead stays this year", "a vote planned for June 9 in Kabul", want{"June 9", "2017-06-09", "2017-06-09", 1, true}},
		{"month and year", "Displacement rose in March 2022 across", want{"in March 2022", "2022-03-01", "2022-03-31", 3, false}},
		{"month year without preposition", "The March 2022 offensive", want{"March 2022", "2022-03-01", "2022-03-31", 3, false}},
		{"month after in", "Talks collapsed in March and", want{"in March", "2017-03-01", "2017-03-31", 3, true}},
		{"year after in", "The group was founded in 2014 by", want{"in 2014", "2014-01-01", "2014-12-31", 3, false}},
		{"year after since", "killed since 2014 in", want{"since 2014", "2014-01-01", "2014-12-31", 3, false}},
		{"early month", "Shelling resumed in early March near", want{"in early March", "2017-03-01", "2017-03-10", 3, true}},
		{"mid month hyphenated with year", "a lull until mid-March 2022 when", want{"until mid-March 2022", "2022-03-11", "2022-03-20", 3, false}},
		{"late month", "late February 2022 saw", want{"late February 2022", "2022-02-21", "2022-02-28", 3, false}},
		{"month range with year", "Between January and March 2022, raids", want{"Between January and March 2022", "2022-01-01", "2022-03-31", 3, false}},
		{"month range without year after a preposition", "from January to March the siege", want{"from January to March", "2017-01-01", "2017-03-31", 3, true}},
		{"year range", "killed 2014-2017 in", want{"2014-2017", "2014-01-01", "2017-12-31", 3, false}},
		{"year range after between", "between 2014 and 2017 more than", want{"between 2014 and 2017", "2014-01-01", "2017-12-31", 3, false}},
		{"first week of a month", "in the first week of March 2022, raids", want{"in the first week of March 2022", "2022-03-01", "2022-03-07", 2, false}},
		{"last week of a month", "during the last week of February 2022", want{"during the last week of February 2022", "2022-02-22", "2022-02-28", 2, false}},
		{"second half of a month", "the second half of January 2022 saw", want{"the second half of January 2022", "2022-01-16", "2022-01-31", 3, false}},
		{"first half of a year", "in the first half of 2021 there", want{"in the first half of 2021", "2021-01-01", "2021-06-30", 3, false}},
		{"mid year glued", "since mid-2021 the", want{"since mid-2021", "2021-05-01", "2021-08-31", 3, false}},
		{"season with year", "in the summer of 2021 the", want{"in the summer of 2021", "2021-06-01", "2021-08-31", 3, false}},
		{"winter runs into the next year", "winter 2021 was", want{"winter 2021", "2021-12-01", "2022-02-28", 3, false}},
		{"decade", "fighting in the 1990s displaced", want{"in the 1990s", "1990-01-01", "1999-12-31", 3, false}},
		{"weekday before a calendar date", "on Friday, 3 March 2017 gunmen", want{"on Friday, 3 March 2017", "2017-03-03", "2017-03-03", 1, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.in, true, tt.want) })
	}
}

func TestFindRanges(t *testing.T) {
	tests := []struct {
		name, in string
		want     want
	}{
		{"between days", "strikes between 1 and 3 March 2022 hit", want{"between 1 and 3 March 2022", "2022-03-01", "2022-03-03", 2, false}},
		{"hyphen days", "Between raids 1-3 March the town", want{"1-3 March", "2017-03-01", "2017-03-03", 2, true}},
		{"cross-month range", "from 28 February to 2 March fighting", want{"from 28 February to 2 March", "2017-02-28", "2017-03-02", 2, true}},
		{"long range is coarse", "from 1 to 20 March 2022 curfews", want{"from 1 to 20 March 2022", "2022-03-01", "2022-03-20", 3, false}},
		{"month first range", "March 1-3, 2022 protests", want{"March 1-3, 2022", "2022-03-01", "2022-03-03", 2, false}},
		{"range across the new year", "from 28 December 2021 to 2 January 2022", want{"from 28 December 2021 to 2 January 2022", "2021-12-28", "2022-01-02", 2, false}},
		{"on or around", "on or around 5 March 2022 gunmen", want{"on or around 5 March 2022", "2022-03-05", "2022-03-05", 1, false}},
		{"month of", "Around 1 January 2022 (month of), two men", want{"Around 1 January 2022 (month of)", "2022-01-01", "2022-01-31", 3, false}},
		{"month of keeps the stated day", "Around 15 February 2022 (month of), police raided", want{"Around 15 February 2022 (month of)", "2022-02-15", "2022-02-28", 3, false}},
		{"around a day is within a week", "around 5 March 2022 gunmen", want{"around 5 March 2022", "2022-03-05", "2022-03-05", 2, false}},
		{"around with a bracketed window", "Around 10 March 2022 (between 8 - 11 March), troops", want{"Around 10 March 2022 (between 8 - 11 March)", "2022-03-10", "2022-03-10", 2, false}},
		{"around with a long bracketed window", "Around 10 March 2022 (between 1 - 20 March), troops", want{"Around 10 March 2022 (between 1 - 20 March)", "2022-03-10", "2022-03-10", 3, false}},
		{"as reported changes nothing", "On 10 March 2022 (as reported), troops", want{"On 10 March 2022 (as reported)", "2022-03-10", "2022-03-10", 1, false}},
		{"week of", "Around 10 January 2022 (week of), two men", want{"Around 10 January 2022 (week of)", "2022-01-10", "2022-01-16", 2, false}},
		{"week of as a prefix", "In the week of 28 February, airstrikes", want{"In the week of 28 February", "2017-02-28", "2017-03-06", 2, true}},
		{"weekend of a day", "Police raided the market on the weekend of 11 March as", want{"on the weekend of 11 March", "2017-03-11", "2017-03-12", 2, true}},
		{"overnight", "overnight on 3 March 2022 drones", want{"overnight on 3 March 2022", "2022-03-03", "2022-03-03", 1, false}},
		{"night of a two-day range", "during the night of 3-4 March 2022 shells", want{"during the night of 3-4 March 2022", "2022-03-03", "2022-03-04", 1, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.in, true, tt.want) })
	}
}

func TestFindRelative(t *testing.T) {
	// pub is Monday 5 June 2017.
	tests := []struct {
		name, in string
		want     want
	}{
		{"today", "Gunmen today stormed", want{"today", "2017-06-05", "2017-06-05", 1, true}},
		{"this morning", "A bomb this morning killed", want{"this morning", "2017-06-05", "2017-06-05", 1, true}},
		{"tonight", "Curfew from tonight", want{"tonight", "2017-06-05", "2017-06-05", 1, true}},
		{"overnight", "Russian forces shelled Kharkiv overnight, killing", want{"overnight", "2017-06-04", "2017-06-04", 1, true}},
		{"earlier in the week", "raids earlier in the week", want{"earlier in the week", "2017-06-05", "2017-06-05", 2, true}},
		{"fortnight ago", "a fortnight ago the", want{"a fortnight ago", "2017-05-22", "2017-05-22", 2, true}},
		{"yesterday", "Militants yesterday attacked", want{"yesterday", "2017-06-04", "2017-06-04", 1, true}},
		{"day before yesterday", "It happened the day before yesterday.", want{"the day before yesterday", "2017-06-03", "2017-06-03", 1, true}},
		{"on weekday", "The PMU on Friday crossed the border", want{"on Friday", "2017-06-02", "2017-06-02", 1, true}},
		{"bare weekday", "Friday's attack killed five", want{"Friday's", "2017-06-02", "2017-06-02", 1, true}},
		{"weekday of publication is that day", "on Monday police said", want{"on Monday", "2017-06-05", "2017-06-05", 1, true}},
		{"last weekday is strictly before", "last Monday police said", want{"last Monday", "2017-05-29", "2017-05-29", 1, true}},
		{"capitalised last weekday", "Last Friday, gunmen attacked", want{"Last Friday", "2017-06-02", "2017-06-02", 1, true}},
		{"late weekday", "late Friday gunmen", want{"late Friday", "2017-06-02", "2017-06-02", 1, true}},
		{"this past weekday", "this past Sunday police", want{"this past Sunday", "2017-06-04", "2017-06-04", 1, true}},
		{"late last month", "clashes late last month", want{"late last month", "2017-05-01", "2017-05-31", 3, true}},
		{"this past weekend", "this past weekend protests", want{"this past weekend", "2017-06-03", "2017-06-04", 2, true}},
		{"weekday with a bracketed date", "on Thursday (1 June), gunmen", want{"on Thursday (1 June)", "2017-06-01", "2017-06-01", 1, true}},
		{"early hours of a weekday", "in the early hours of Sunday, drones", want{"in the early hours of Sunday", "2017-06-04", "2017-06-04", 1, true}},
		{"recent days", "clashes in recent days have", want{"in recent days", "2017-05-29", "2017-06-05", 2, true}},
		{"weekday range", "clashes from Friday to Sunday left", want{"from Friday to Sunday", "2017-06-02", "2017-06-04", 2, true}},
		{"weekday range after between", "between Thursday and Saturday night", want{"between Thursday and Saturday night", "2017-06-01", "2017-06-03", 2, true}},
		{"past months", "in the past three months, 40", want{"in the past three months", "2017-03-07", "2017-06-05", 3, true}},
		{"weekday night", "Friday night clashes", want{"Friday night", "2017-06-02", "2017-06-02", 1, true}},
		{"weekend", "leaflets dropped over the weekend.", want{"over the weekend", "2017-06-03", "2017-06-04", 2, true}},
		{"this week", "raids earlier this week in", want{"earlier this week", "2017-06-05", "2017-06-05", 2, true}},
		{"last week", "Clashes last week killed", want{"last week", "2017-05-29", "2017-06-04", 2, true}},
		{"past week", "21 strikes in the past week in", want{"in the past week", "2017-05-29", "2017-06-05", 2, true}},
		{"past seven days", "over the past seven days", want{"over the past seven days", "2017-05-29", "2017-06-05", 2, true}},
		{"past n days", "in the past 10 days", want{"in the past 10 days", "2017-05-26", "2017-06-05", 3, true}},
		{"last month", "Prices rose last month", want{"last month", "2017-05-01", "2017-05-31", 3, true}},
		{"past year without article", "took Tanf from ISIS past year,", want{"past year", "2016-01-01", "2016-12-31", 3, true}},
		{"last year", "Fighting last year displaced", want{"last year", "2016-01-01", "2016-12-31", 3, true}},
		{"days ago", "two days ago gunmen", want{"two days ago", "2017-06-03", "2017-06-03", 1, true}},
		{"days earlier", "3 days earlier the convoy", want{"3 days earlier", "2017-06-02", "2017-06-02", 1, true}},
		{"week ago", "a week ago the town fell", want{"a week ago", "2017-05-29", "2017-05-29", 2, true}},
		{"year ago", "Nearly a year ago the town fell", want{"a year ago", "2016-06-05", "2016-06-05", 3, true}},
		{"months ago", "two months ago the town fell", want{"two months ago", "2017-04-05", "2017-04-05", 3, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.in, true, tt.want) })
	}
}

func TestResolveWithoutPublicationDate(t *testing.T) {
	tests := []struct {
		name, in string
		want     want
	}{
		{"weekday stays unresolved", "on Friday crossed", want{"on Friday", "", "", 1, true}},
		{"month day stays unresolved", "June 1 strikes", want{"June 1", "", "", 1, true}},
		{"past week stays unresolved", "in the past week", want{"in the past week", "", "", 2, true}},
		{"full date resolves anyway", "On 5 January 2022, workers", want{"On 5 January 2022", "2022-01-05", "2022-01-05", 1, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.in, false, tt.want) })
	}
}

func TestFindRejects(t *testing.T) {
	tests := []struct{ name, in string }{
		{"may the verb", "they may attack the town"},
		{"march the noun", "a march by protesters"},
		{"marched", "protesters marched to the square"},
		{"capitalised March without context", "March organisers said"},
		{"bare number is not a year", "2017 people fled"},
		{"clock time", "at 10:30 the convoy"},
		{"counts", "21 strikes and 90,000 leaflets"},
		{"recently", "recently the group said"},
		{"Sun", "the Sun newspaper"},
		{"ambiguous slashed date", "on 05/03/2022 gunmen"},
		{"decimal is no date", "a 1.5 km road and 12.5.3 rules"},
		{"days after an event named later", "The strike came two days after a deadly raid"},
		{"season without a year", "in the summer the"},
		{"year after of is a count or a label", "demanding the payment of 2022 wages"},
		{"weekday inside a holiday name", "on the eve of Good Friday prayers"},
		{"weekday inside a newspaper name", "told the Sunday Times that"},
		{"impossible day", "on 31 February"},
		{"day without a month", "on 3 of the roads"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ms := Find(tt.in); len(ms) != 0 {
				t.Errorf("Find(%q) = %q, want none", tt.in, texts(ms))
			}
		})
	}
}

func TestFindSeed(t *testing.T) {
	b, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := texts(Find(string(b)))
	want := []string{"past year", "over the weekend", "in the past week", "June 1", "on Friday"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("seed dates = %q, want %q", got, want)
	}
}

func BenchmarkFind(b *testing.B) {
	buf, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat(string(buf)+"\n\n", 50)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Find(s)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("On 5 January 2022, between 1 and 3 March, on Friday, 2022-01-01, mid-March, in 2014")
	f.Add("the night of 3-4 March (month of) last Friday night over the weekend two days ago")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for i, m := range Find(s) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) || s[m.Start:m.End] != m.Text {
				t.Fatalf("mention %d %q has bad offsets [%d:%d] after %d", i, m.Text, m.Start, m.End, prev)
			}
			prev = m.End
		}
	})
}

func FuzzResolve(f *testing.F) {
	f.Add("from 28 December to 2 January", int64(1500000000))
	f.Add("on Friday and last week and past 30 days", int64(-100))
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		p := time.Unix(sec%(1<<40), 0)
		ms := Find(s)
		for i, d := range ResolveAll(ms, p, true) {
			if d.Resolved && d.End.Before(d.Start) {
				t.Fatalf("%q: ResolveAll End %v before Start %v", ms[i].Text, d.End, d.Start)
			}
		}
		for _, m := range ms {
			for _, has := range []bool{true, false} {
				d := m.Resolve(p, has)
				if d.Precision < 1 || d.Precision > 3 {
					t.Fatalf("%q: precision %d", m.Text, d.Precision)
				}
				if d.Resolved && d.End.Before(d.Start) {
					t.Fatalf("%q: End %v before Start %v", m.Text, d.End, d.Start)
				}
				if !d.Resolved && d.ISO() != "" {
					t.Fatalf("%q: unresolved date has ISO %q", m.Text, d.ISO())
				}
			}
		}
	})
}

func TestCovers(t *testing.T) {
	s := "five June 1 strikes in the past 48 hours"
	ms := Find(s)
	tests := []struct {
		num  string
		want bool
	}{{"five", false}, {"1", true}, {"48", true}}
	for _, tt := range tests {
		i := strings.Index(s, tt.num)
		if got := Covers(ms, i, i+len(tt.num)); got != tt.want {
			t.Errorf("Covers(%q) = %v, want %v", tt.num, got, tt.want)
		}
	}
}

func TestResolveAllAnchorsToThePreviousDate(t *testing.T) {
	s := "Gunmen attacked Goma on 3 March 2022. Two days later, troops arrived, and on the same day " +
		"curfew began. The following day, and a week earlier, and on Friday."
	ms := Find(s)
	want := []struct{ text, alone, all string }{
		{"on 3 March 2022", "2022-03-03", "2022-03-03"},
		{"Two days later", "", "2022-03-05"},
		{"on the same day", "", "2022-03-05"},
		{"The following day", "", "2022-03-06"},
		{"a week earlier", "2017-05-29", "2022-02-27"},
		{"on Friday", "2017-06-02", "2017-06-02"},
	}
	if len(ms) != len(want) {
		t.Fatalf("Find = %q, want %d mentions", texts(ms), len(want))
	}
	all := ResolveAll(ms, pub, true)
	for i, w := range want {
		if ms[i].Text != w.text {
			t.Errorf("mention %d = %q, want %q", i, ms[i].Text, w.text)
		}
		if got := ms[i].Resolve(pub, true).ISO(); got != w.alone {
			t.Errorf("%q: Resolve = %q, want %q", w.text, got, w.alone)
		}
		if got := all[i].ISO(); got != w.all {
			t.Errorf("%q: ResolveAll = %q, want %q", w.text, got, w.all)
		}
	}
}

func TestResolveAllWithoutAnchor(t *testing.T) {
	ms := Find("The next day, police said.")
	if len(ms) != 1 {
		t.Fatalf("Find = %q, want one", texts(ms))
	}
	if d := ResolveAll(ms, pub, true)[0]; d.Resolved || d.Precision != 1 {
		t.Errorf("ResolveAll = %+v, want unresolved with precision 1", d)
	}
}

func TestResolveAllTakesTheYearFromAnEarlierDate(t *testing.T) {
	s := "On 15 January 2022, police said the attack on 9 January killed two, and that in December a bus was hit. On Friday they left."
	ms := Find(s)
	want := []string{"2022-01-15", "2022-01-09", "2021-12-01", ""}
	if len(ms) != len(want) {
		t.Fatalf("Find = %q, want %d mentions", texts(ms), len(want))
	}
	for i, d := range ResolveAll(ms, time.Time{}, false) {
		if got := d.ISO(); got != want[i] {
			t.Errorf("%q: ResolveAll = %q, want %q", ms[i].Text, got, want[i])
		}
	}
}

// TestFindConcurrent checks that Find's pooled token buffers are never
// shared between goroutines. Run with -race.
func TestFindConcurrent(t *testing.T) {
	docs := []string{"on Friday and 3 March 2022", "in the past week, over the weekend", "June 1 strikes since 2014"}
	want := make([][]string, len(docs))
	for i, s := range docs {
		want[i] = texts(Find(s))
	}
	done := make(chan string)
	for g := 0; g < 8; g++ {
		go func() {
			for n := 0; n < 50; n++ {
				i := (g + n) % len(docs)
				if got := texts(Find(docs[i])); strings.Join(got, "|") != strings.Join(want[i], "|") {
					done <- strings.Join(got, "|")
					return
				}
			}
			done <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if bad := <-done; bad != "" {
			t.Errorf("concurrent Find = %q", bad)
		}
	}
}

// TestISODayMatchesFormat checks isoDay against time.Format, also for
// years that need the fallback.
func TestISODayMatchesFormat(t *testing.T) {
	for _, y := range []int{-5, 0, 7, 99, 1900, 2022, 9999, 10000} {
		for _, md := range [][2]int{{1, 1}, {2, 29}, {12, 31}, {10, 9}} {
			d := time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC)
			if got, want := isoDay(d), d.Format("2006-01-02"); got != want {
				t.Errorf("isoDay(%v) = %q, want %q", d, got, want)
			}
		}
	}
}

// TestDaysInMatchesTime checks the month-length table against package
// time, leap years included.
func TestDaysInMatchesTime(t *testing.T) {
	for _, y := range []int{-400, -100, -4, -1, 0, 1, 1900, 2000, 2022, 2024, 2100} {
		for m := time.Month(0); m <= 13; m++ {
			if got, want := daysIn(y, m), time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Errorf("daysIn(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
}

// TestBackwardRange checks that a range written backwards, a slip of the
// pen, resolves to the span between its two days rather than to an end
// before its start (FuzzResolve found "2 Dec to 1 Dec").
func TestBackwardRange(t *testing.T) {
	tests := []struct{ text, start, end string }{
		{"fighting from 5 March 2022 to 2 March 2022", "2022-03-02", "2022-03-05"},
		{"curfew from 2 Dec to 1 Dec", "2021-12-01", "2021-12-02"},
	}
	p := time.Date(2022, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		ms := Find(tt.text)
		if len(ms) != 1 {
			t.Fatalf("%q: Find = %q, want one mention", tt.text, texts(ms))
		}
		d := ResolveAll(ms, p, true)[0]
		if got, gotEnd := d.Start.Format(time.DateOnly), d.End.Format(time.DateOnly); got != tt.start || gotEnd != tt.end {
			t.Errorf("%q: %s..%s, want %s..%s", tt.text, got, gotEnd, tt.start, tt.end)
		}
	}
}
