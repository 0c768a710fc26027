package text

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	type tok struct {
		text, norm string
		kind       Kind
	}
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"hyphenated words stay whole", "US-led strikes", []tok{{"US-led", "us-led", Word}, {"strikes", "strikes", Word}}},
		{"initialism keeps its full stops", "The U.S. military", []tok{{"The", "the", Word}, {"U.S.", "u.s.", Word}, {"military", "military", Word}}},
		{"initialism with hyphenated tail", "U.S.-backed rebels", []tok{{"U.S.-backed", "u.s.-backed", Word}, {"rebels", "rebels", Word}}},
		{"curly apostrophe inside a word", "Kyiv’s Sana’a", []tok{{"Kyiv’s", "kyiv's", Word}, {"Sana’a", "sana'a", Word}}},
		{"trailing apostrophe is punctuation", "forces' efforts", []tok{{"forces", "forces", Word}, {"'", "'", Punct}, {"efforts", "efforts", Word}}},
		{"thousands separator and decimal", "90,000 and 1.5", []tok{{"90,000", "90,000", Numeral}, {"and", "and", Word}, {"1.5", "1.5", Numeral}}},
		{"list commas are not separators", "1,2", []tok{{"1", "1", Numeral}, {",", ",", Punct}, {"2", "2", Numeral}}},
		{"numeric range splits", "10-15", []tok{{"10", "10", Numeral}, {"-", "-", Punct}, {"15", "15", Numeral}}},
		{"en dash folds to hyphen", "10–15", []tok{{"10", "10", Numeral}, {"–", "-", Punct}, {"15", "15", Numeral}}},
		{"weapon designator", "an F-16 jet", []tok{{"an", "an", Word}, {"F-16", "f-16", Word}, {"jet", "jet", Word}}},
		{"age compound is a word", "a 21-year-old man", []tok{{"a", "a", Word}, {"21-year-old", "21-year-old", Word}, {"man", "man", Word}}},
		{"ordinal is a word", "21st", []tok{{"21st", "21st", Word}}},
		{"curly quotes fold", "“no”", []tok{{"“", "\"", Punct}, {"no", "no", Word}, {"”", "\"", Punct}}},
		{"diacritics removed", "Ménaka Aïn Öcalan", []tok{{"Ménaka", "menaka", Word}, {"Aïn", "ain", Word}, {"Öcalan", "ocalan", Word}}},
		{"ellipsis is one token", "wait... what", []tok{{"wait", "wait", Word}, {"...", "...", Punct}, {"what", "what", Word}}},
		{"NBSP and zero-width space separate", "al\u00a0Bab\u200bcity", []tok{{"al", "al", Word}, {"Bab", "bab", Word}, {"city", "city", Word}}},
		{"soft hyphen stays inside and folds away", "Raq\u00adqa", []tok{{"Raq\u00adqa", "raqqa", Word}}},
		{"symbols", "$5 40%", []tok{{"$", "$", Symbol}, {"5", "5", Numeral}, {"40", "40", Numeral}, {"%", "%", Symbol}}},
		{"arabic script", "قتل ١٢ شخصا", []tok{{"قتل", "قتل", Word}, {"١٢", "١٢", Numeral}, {"شخصا", "شخصا", Word}}},
		{"sentence-final initial stop", "left the U.S.", []tok{{"left", "left", Word}, {"the", "the", Word}, {"U.S.", "u.s.", Word}}},
		{"a lone tatweel keeps a Norm", "ـ", []tok{{"ـ", "ـ", Word}}},
		{"title abbreviation keeps its stop apart", "Gen. Smith", []tok{{"Gen", "gen", Word}, {".", ".", Punct}, {"Smith", "smith", Word}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokenize(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Tokenize(%q) = %d tokens %v, want %d", tt.in, len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Norm != w.norm || g.Kind != w.kind {
					t.Errorf("token %d = {%q %q %v}, want {%q %q %v}", i, g.Text, g.Norm, g.Kind, w.text, w.norm, w.kind)
				}
				if tt.in[g.Start:g.End] != g.Text {
					t.Errorf("token %d: s[%d:%d] = %q, want %q", i, g.Start, g.End, tt.in[g.Start:g.End], g.Text)
				}
			}
		})
	}
}

func TestTokenizeOffsetsIndexTheOriginal(t *testing.T) {
	// Multibyte runes before a token shift byte offsets away from rune
	// counts; Bleve-style, assert the exact byte positions.
	s := "Ḥasakah’s “Ṣanʿāʾ” clashes"
	toks := Tokenize(s)
	want := []struct {
		text       string
		start, end int
	}{{"Ḥasakah’s", 0, 13}, {"“", 14, 17}, {"Ṣanʿāʾ", 17, 28}, {"”", 28, 31}, {"clashes", 32, 39}}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %v, want %d", len(toks), toks, len(want))
	}
	for i, w := range want {
		if toks[i].Text != w.text || toks[i].Start != w.start || toks[i].End != w.end {
			t.Errorf("token %d = %q [%d:%d], want %q [%d:%d]", i, toks[i].Text, toks[i].Start, toks[i].End, w.text, w.start, w.end)
		}
	}
	if got, want := toks[0].Norm, "hasakah's"; got != want {
		t.Errorf("Norm = %q, want %q", got, want)
	}
}

func TestSplitHyphen(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"US-led", []string{"US", "led"}},
		{"pro-Syrian-government", []string{"pro", "Syrian", "government"}},
		{"F-16", []string{"F", "16"}},
		{"Raqqa", []string{"Raqqa"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s := "near " + tt.in
			tok := Tokenize(s)[1]
			parts := SplitHyphen(tok)
			var got []string
			for _, p := range parts {
				got = append(got, p.Text)
				if s[p.Start:p.End] != p.Text {
					t.Errorf("part %q has offsets [%d:%d] = %q", p.Text, p.Start, p.End, s[p.Start:p.End])
				}
				if p.Norm != strings.ToLower(p.Text) {
					t.Errorf("part %q Norm = %q", p.Text, p.Norm)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("SplitHyphen(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := SplitHyphen(Tokenize("F-16")[0]); got[1].Kind != Numeral {
		t.Errorf("digit part kind = %v, want Numeral", got[1].Kind)
	}
}

func TestFoldAndKey(t *testing.T) {
	tests := []struct{ fn, in, want string }{
		{"Fold", "  Popular\u00a0Mobilisation   Units ", "popular mobilisation units"},
		{"Fold", "Hay’at Taḥrīr al-Shām", "hay'at tahrir al-sham"},
		{"Fold", "Kyiv — “Ukraine”", "kyiv - \"ukraine\""},
		{"Fold", "Straße Œuvre", "strasse oeuvre"},
		{"Fold", "مُحَمَّد الـرقة", "محمد الرقة"},
		{"Fold", "İdlib Şırnak", "idlib sirnak"},
		{"Fold", "ĐẮK LẮK", "dak lak"},
		{"Fold", "Raq\u00adqa\u200b", "raqqa"},
		{"Key", "U.S.-led coalition", "u.s.-led coalition"},
		{"Key", "Hashd, PMF", "hashd , pmf"},
		{"Key", "Kyiv’s", "kyiv's"},
	}
	for _, tt := range tests {
		t.Run(tt.fn+" "+tt.in, func(t *testing.T) {
			var got string
			if tt.fn == "Fold" {
				got = Fold(tt.in)
			} else {
				got = Key(tt.in)
			}
			if got != tt.want {
				t.Errorf("%s(%q) = %q, want %q", tt.fn, tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldMatchesTokenNorm(t *testing.T) {
	s := "Ḥasakah’s Öcalan U.S. AL-SHABAAB Sana’a"
	for _, tok := range Tokenize(s) {
		if got := Fold(tok.Text); got != tok.Norm {
			t.Errorf("Fold(%q) = %q, but Norm = %q", tok.Text, got, tok.Norm)
		}
	}
}

func seedArticle(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func BenchmarkTokenize(b *testing.B) {
	s := strings.Repeat(seedArticle(b)+"\n\n", 50)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(s)
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add(seedArticle(f))
	f.Add("U.S.-led “Sana’a” 90,000 1.5\u00a0\u200b\xff e.g. 10-15")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for i, tok := range Tokenize(s) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("token %d %q has bad offsets [%d:%d] after %d", i, tok.Text, tok.Start, tok.End, prev)
			}
			if s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %d: s[%d:%d] = %q, Text %q", i, tok.Start, tok.End, s[tok.Start:tok.End], tok.Text)
			}
			if tok.Norm == "" {
				t.Fatalf("token %d %q has an empty Norm", i, tok.Text)
			}
			if f := Fold(tok.Text); tok.Kind == Word && f != "" && f != tok.Norm {
				t.Fatalf("token %d %q has Norm %q but Fold gives %q", i, tok.Text, tok.Norm, f)
			}
			// The tokenizer's fast path must cut words where scanWord does.
			if tok.Kind == Word || tok.Kind == Numeral {
				if end, kind := scanWord(s, tok.Start); end != tok.End || kind != tok.Kind {
					t.Fatalf("token %d %q is %v up to %d, scanWord says %v up to %d", i, tok.Text, tok.Kind, tok.End, kind, end)
				}
			}
			if tok.Kind < Word || tok.Kind > Symbol {
				t.Fatalf("token %d %q has kind %d", i, tok.Text, tok.Kind)
			}
			prev = tok.End
		}
	})
}

func TestAppendTokensReusesBuffer(t *testing.T) {
	buf := make([]Token, 0, 64)
	a := AppendTokens(buf[:0], "Gunmen killed five")
	b := AppendTokens(buf[:0], "Shelling hit Kharkiv")
	if len(a) != 3 || len(b) != 3 || &a[0] != &b[0] {
		t.Fatalf("AppendTokens did not reuse the buffer: %d %d", len(a), len(b))
	}
	if got, want := b[2].Norm, "kharkiv"; got != want {
		t.Errorf("Norm = %q, want %q", got, want)
	}
}

func BenchmarkAppendTokens(b *testing.B) {
	s := strings.Repeat(seedArticle(b)+"\n\n", 50)
	buf := Tokenize(s)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendTokens(buf[:0], s)
	}
}

func TestIsCap(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{{"Raqqa", true}, {"raqqa", false}, {"Öcalan", true}, {"ölçü", false}, {"21st", false}, {"قتل", false}}
	for _, tt := range tests {
		if got := Tokenize(tt.in)[0].IsCap(); got != tt.want {
			t.Errorf("IsCap(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Hay’at Taḥrīr al-Shām — “U.S.” İdlib\u00a0Straße")
	f.Add("ـ\u200b\u00ad")
	f.Add("STRAẞE")
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Fatalf("Fold is not idempotent: Fold(%q) = %q, Fold again = %q", s, once, twice)
		}
		if strings.TrimSpace(once) != once || strings.Contains(once, "  ") {
			t.Fatalf("Fold(%q) = %q has untrimmed or doubled spaces", s, once)
		}
	})
}

// TestTokenizeConcurrent checks that the pooled scratch buffers are never
// shared: goroutines tokenizing different texts at once get the same
// tokens as a lone call. Run with -race.
func TestTokenizeConcurrent(t *testing.T) {
	texts := []string{seedArticle(t), "Ḥasakah’s Öcalan U.S.-led Sana’a", strings.Repeat("Kyiv’s MARCH ", 200)}
	want := make([][]Token, len(texts))
	for i, s := range texts {
		want[i] = Tokenize(s)
	}
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			for n := 0; n < 20; n++ {
				i := (g + n) % len(texts)
				got := Tokenize(texts[i])
				if len(got) != len(want[i]) {
					done <- fmt.Errorf("text %d: %d tokens, want %d", i, len(got), len(want[i]))
					return
				}
				for k := range got {
					if got[k] != want[i][k] {
						done <- fmt.Errorf("text %d token %d = %+v, want %+v", i, k, got[k], want[i][k])
						return
					}
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
