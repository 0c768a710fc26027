package text

import (
	"strings"
	"testing"
)

func TestNumbers(t *testing.T) {
	type num struct {
		text             string
		value, min, max  int64
		qual             string
		vague, date, pct bool
	}
	tests := []struct {
		name string
		in   string
		want []num
	}{
		{"digits", "21 strikes", []num{{text: "21", value: 21, min: 21, max: 21}}},
		{"thousands separator", "90,000 leaflets", []num{{text: "90,000", value: 90000, min: 90000, max: 90000}}},
		{"no-break space groups digits", "10\u00a0000 displaced", []num{{text: "10\u00a0000", value: 10000, min: 10000, max: 10000}}},
		{"ordinary space does not group digits", "in 2019 500 people", []num{{text: "2019", value: 2019, min: 2019, max: 2019, date: true}, {text: "500", value: 500, min: 500, max: 500}}},
		{"decimal with scale", "1.5 million people", []num{{text: "1.5 million", value: 1500000, min: 1500000, max: 1500000}}},
		{"decimal scale rounds", "2.3 million and 4.35 million", []num{{text: "2.3 million", value: 2300000, min: 2300000, max: 2300000}, {text: "4.35 million", value: 4350000, min: 4350000, max: 4350000}}},
		{"absurd figures are not counts", "999999999999999 billion and million million million million million", nil},
		{"bare decimal is not a count", "a 1.5 km road", nil},
		{"number word", "five strikes", []num{{text: "five", value: 5, min: 5, max: 5}}},
		{"hyphenated compound", "twenty-one dead", []num{{text: "twenty-one", value: 21, min: 21, max: 21}}},
		{"spaced compound", "twenty one dead", []num{{text: "twenty one", value: 21, min: 21, max: 21}}},
		{"british and", "one hundred and five homes", []num{{text: "one hundred and five", value: 105, min: 105, max: 105}}},
		{"a hundred", "a hundred troops", []num{{text: "a hundred", value: 100, min: 100, max: 100}}},
		{"two dozen", "two dozen fighters", []num{{text: "two dozen", value: 24, min: 24, max: 24}}},
		{"a dozen", "a dozen fighters", []num{{text: "a dozen", value: 12, min: 12, max: 12}}},
		{"dozens", "dozens killed", []num{{text: "dozens", value: 12, min: 12, vague: true}}},
		{"tens of thousands", "tens of thousands fled", []num{{text: "tens of thousands", value: 10000, min: 10000, vague: true}}},
		{"tens needs of", "in tens", nil},
		{"hundreds", "hundreds protested", []num{{text: "hundreds", value: 100, min: 100, vague: true}}},
		{"scores of", "scores of homes", []num{{text: "scores", value: 20, min: 20, vague: true}}},
		{"several", "several civilians", []num{{text: "several", value: 3, min: 3, vague: true}}},
		{"a few hundred", "a few hundred people", []num{{text: "a few hundred", value: 300, min: 300, vague: true}}},
		{"a number of", "a number of workers", []num{{text: "a number of", value: 3, min: 3, vague: true}}},
		{"at least", "At least 484 civilians", []num{{text: "At least 484", value: 484, min: 484, qual: "at least"}}},
		{"more than", "more than 100 dead", []num{{text: "more than 100", value: 100, min: 100, qual: "more than"}}},
		{"up to", "up to 30 people", []num{{text: "up to 30", value: 30, max: 30, qual: "up to"}}},
		{"around", "around 40 militiamen", []num{{text: "around 40", value: 40, min: 40, max: 40, qual: "around"}}},
		{"over is a qualifier only before a number", "over the weekend over 200 children", []num{{text: "over 200", value: 200, min: 200, qual: "over"}}},
		{"hyphen range", "10-15 killed", []num{{text: "10-15", value: 10, min: 10, max: 15}}},
		{"en dash range", "3–4 members", []num{{text: "3–4", value: 3, min: 3, max: 4}}},
		{"to range", "10 to 15 killed", []num{{text: "10 to 15", value: 10, min: 10, max: 15}}},
		{"between range", "between 10 and 15 killed", []num{{text: "between 10 and 15", value: 10, min: 10, max: 15}}},
		{"or range", "two or three", []num{{text: "two or three", value: 2, min: 2, max: 3}}},
		{"article is not a number", "a town", nil},
		{"no one is zero", "no one was hurt", []num{{text: "no one"}}},
		{"none is zero", "none were killed", []num{{text: "none"}}},
		{"age compound is no count", "a 21-year-old man", nil},
		{"strong compound counts people", "a 10,000-strong crowd", []num{{text: "10,000-strong", value: 10000, min: 10000, max: 10000}}},
		{"one is a number word", "one soldier", []num{{text: "one", value: 1, min: 1, max: 1}}},
		{"ordinal is not a count", "the first strike on the 21st", nil},
		{"clock time skipped", "at 10:30 and 9 a.m.", nil},
		{"percent", "40% and 12 per cent", []num{{text: "40%", value: 40, min: 40, max: 40, pct: true}, {text: "12 per cent", value: 12, min: 12, max: 12, pct: true}}},
		{"day beside month", "five June 1 strikes", []num{{text: "five", value: 5, min: 5, max: 5}, {text: "1", value: 1, min: 1, max: 1, date: true}}},
		{"day before month", "on 3 March 2022", []num{{text: "3", value: 3, min: 3, max: 3, date: true}, {text: "2022", value: 2022, min: 2022, max: 2022, date: true}}},
		{"year after in", "in 2017 and 2000 people", []num{{text: "2017", value: 2017, min: 2017, max: 2017, date: true}, {text: "2000", value: 2000, min: 2000, max: 2000}}},
		{"american date", "Jan. 5, 2022", []num{{text: "5", value: 5, min: 5, max: 5, date: true}, {text: "2022", value: 2022, min: 2022, max: 2022, date: true}}},
		{"ISO date is one date number", "on 2022-01-05 3 died", []num{{text: "2022-01-05", value: 2022, min: 2022, max: 2022, date: true}, {text: "3", value: 3, min: 3, max: 3}}},
		{"slashed date is one date number", "on 05/01/2022 3 died", []num{{text: "05/01/2022", value: 2022, min: 2022, max: 2022, date: true}, {text: "3", value: 3, min: 3, max: 3}}},
		{"span of years", "killed 2014-2017 and 2000-3000 people", []num{{text: "2014-2017", value: 2014, min: 2014, max: 2017, date: true}, {text: "2000-3000", value: 2000, min: 2000, max: 3000}}},
		{"fraction-like pair is no date", "a 3/4 majority", []num{{text: "3", value: 3, min: 3, max: 3}, {text: "4", value: 4, min: 4, max: 4}}},
		{"day range before month", "1-3 March", []num{{text: "1-3", value: 1, min: 1, max: 3, date: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Numbers(tt.in, Tokenize(tt.in))
			if len(got) != len(tt.want) {
				t.Fatalf("Numbers(%q) = %+v, want %d numbers", tt.in, got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				gt := tt.in[g.Start:g.End]
				if gt != w.text || g.Value != w.value || g.Min != w.min || g.Max != w.max || g.Qualifier != w.qual ||
					g.Vague != w.vague || g.Date != w.date || g.Percent != w.pct {
					t.Errorf("number %d = %q %+v\nwant %+v", i, gt, g, w)
				}
			}
		})
	}
}

func TestNumbersAttributiveYears(t *testing.T) {
	tests := []struct {
		in   string
		year bool
	}{
		{"during the 2014 elections", true},
		{"against Russia's 2022 invasion", true},
		{"ahead of the Winter Olympics 2022 opening", true},
		{"a 2015 case", true},
		{"about 2000 refugees", false},
		{"more than 2000 people", false},
		{"2000 people marched", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ns := Numbers(tt.in, Tokenize(tt.in))
			if len(ns) != 1 {
				t.Fatalf("Numbers = %+v, want one", ns)
			}
			if ns[0].Year != tt.year || ns[0].Date != tt.year {
				t.Errorf("Year, Date = %v, %v, want %v", ns[0].Year, ns[0].Date, tt.year)
			}
		})
	}
}

func TestNumbersYearFlag(t *testing.T) {
	s := "since 2014 and 2,014 people"
	got := Numbers(s, Tokenize(s))
	if len(got) != 2 || !got[0].Year || got[1].Year {
		t.Fatalf("Numbers(%q) = %+v, want 2014 a year and 2,014 a count", s, got)
	}
}

func TestOrdinal(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1st", 1, true}, {"22nd", 22, true}, {"3rd", 3, true}, {"21st", 21, true},
		{"first", 1, true}, {"twenty-first", 21, true}, {"thirtieth", 30, true},
		{"21", 0, false}, {"1sts", 0, false}, {"fist", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Ordinal(Tokenize(tt.in)[0])
			if got != tt.want || ok != tt.ok {
				t.Errorf("Ordinal(%q) = %d, %v, want %d, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func BenchmarkNumbers(b *testing.B) {
	s := seedArticle(b)
	toks := Tokenize(s)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Numbers(s, toks)
	}
}

func FuzzNumbers(f *testing.F) {
	f.Add("At least 484 civilians, 90,000 leaflets, between 10 and 15, tens of thousands, two dozen")
	f.Add("a few hundred 1.5 million 3–4 one hundred and five 10:30")
	f.Add("999999999999999 billion, billion billion billion, 2.3 million")
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		prev := 0
		for i, n := range Numbers(s, toks) {
			if n.Start < prev || n.End <= n.Start || n.End > len(s) {
				t.Fatalf("number %d has bad offsets [%d:%d] after %d", i, n.Start, n.End, prev)
			}
			if n.First < 0 || n.Last <= n.First || n.Last > len(toks) {
				t.Fatalf("number %d has bad token range [%d:%d)", i, n.First, n.Last)
			}
			if toks[n.First].Start != n.Start || toks[n.Last-1].End != n.End {
				t.Fatalf("number %d offsets [%d:%d] disagree with its tokens", i, n.Start, n.End)
			}
			if n.Max != 0 && n.Min > n.Max {
				t.Fatalf("number %d %q has Min %d > Max %d", i, s[n.Start:n.End], n.Min, n.Max)
			}
			if n.Value < n.Min || (n.Max != 0 && n.Value > n.Max) || n.Value < 0 {
				t.Fatalf("number %d %q has Value %d outside [%d, %d]", i, s[n.Start:n.End], n.Value, n.Min, n.Max)
			}
			prev = n.End
		}
	})
}

func TestNumbersUnit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"in the past 48 hours", "hours"},
		{"a 5 km stretch", "km"},
		{"three days of fighting", "days"},
		{"ransom of 5 million naira", "naira"},
		{"17 fighting positions", ""},
		{"struck three times", "times"},
		{"was hit twice", "times"},
		{"a man aged 45", "age"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ns := Numbers(tt.in, Tokenize(tt.in))
			if len(ns) != 1 {
				t.Fatalf("Numbers(%q) = %+v, want one", tt.in, ns)
			}
			if ns[0].Unit != tt.want {
				t.Errorf("Unit = %q, want %q", ns[0].Unit, tt.want)
			}
		})
	}
}

func TestNumbersSeed(t *testing.T) {
	s := seedArticle(t)
	var got []string
	for _, n := range Numbers(s, Tokenize(s)) {
		g := s[n.Start:n.End]
		if n.Date {
			g += " (date)"
		}
		got = append(got, g)
	}
	want := []string{"At least 484", "90,000", "21", "five", "1 (date)", "two", "17"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("seed numbers = %q, want %q", got, want)
	}
}

// TestParseDigitsFastPath checks the plain-digits path of parseDigits
// against the general one.
func TestParseDigitsFastPath(t *testing.T) {
	for _, s := range []string{"", "0", "7", "007", "21", "2022", "90,000", "1.5", "123456789012345", "1234567890123456", "12a", "٣"} {
		f, isInt, ok := parseDigits(s)
		g, isInt2, ok2 := parseDigitsSlow(s)
		if f != g || isInt != isInt2 || ok != ok2 {
			t.Errorf("parseDigits(%q) = %v, %v, %v; the general path gives %v, %v, %v", s, f, isInt, ok, g, isInt2, ok2)
		}
	}
}
