package gazetteer

import "testing"

// Spellings of one place that reporting uses interchangeably must share a
// key, or at least a skeleton.
func TestKeyFoldsSpellingVariants(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Sanaa", "Sana'a"},
		{"Sanaa", "Sana’a"},
		{"Raqqah", "Ar-Raqqah"},
		{"Raqqah", "ar Raqqah"},
		{"Tanf", "Al-Tanf"},
		{"Tanf", "At Tanf"},
		{"Bukamal", "Al Bukamal"},
		{"Bukamal", "al-Bukamal"},
		{"Deir Zor", "Deir ez-Zor"},
		{"Hasakah", "Al Ḩasakah"},
		{"Marib", "Ma’rib"},
		{"Kharkiv", "KHARKIV"},
		{"Yarmouk", "Yarmoük"},
		{"Sinjar", "  Sinjar\t"},
		{"Sadr City", "Sadr-City"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"="+tt.b, func(t *testing.T) {
			if got, want := Key(tt.b), Key(tt.a); got != want {
				t.Errorf("Key(%q) = %q, want %q (= Key(%q))", tt.b, got, want, tt.a)
			}
		})
	}
}

func TestSkeletonJoinsTransliterations(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Deir ez-Zor", "Deir al-Zour"},
		{"Deir ez-Zor", "Dayr az Zawr"},
		{"Raqqa", "Ar-Raqqah"},
		{"Raqqa", "Rakka"},
		{"Hodeidah", "Al Hudaydah"},
		{"Fallujah", "Falluja"},
		{"Kunduz", "Kondooz"},
		{"Mosul", "Mossoul"},
		{"Idlib", "Edlib"},
		{"Qamishli", "Kamishly"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"~"+tt.b, func(t *testing.T) {
			if got, want := Skeleton(Key(tt.b)), Skeleton(Key(tt.a)); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q", tt.b, got, want)
			}
		})
	}
}

func TestSkeletonKeepsDistinctNamesApart(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Mosul", "Mardin"},
		{"Homs", "Hama"},
		{"Aleppo", "Afrin"},
		{"Kabul", "Kandahar"},
	}
	for _, tt := range tests {
		if Skeleton(Key(tt.a)) == Skeleton(Key(tt.b)) {
			t.Errorf("Skeleton(%q) = Skeleton(%q) = %q", tt.a, tt.b, Skeleton(Key(tt.a)))
		}
	}
}

func TestKeyKeepsLoneArticle(t *testing.T) {
	if got, want := Key("As"), "as"; got != want {
		t.Errorf("Key(As) = %q, want %q", got, want)
	}
	if got, want := Key("—"), ""; got != want {
		t.Errorf("Key(dash) = %q, want empty", got)
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Deir ez-Zor", "Sana'a", "Al Ḩasakah", "الرقة", "U.S.", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key not idempotent: Key(%q) = %q, Key of that = %q", s, k, Key(k))
		}
		_ = Skeleton(k)
	})
}

func TestTokenizeOffsetsAndAbbreviations(t *testing.T) {
	text := "The U.S. struck Sana’a and Syria's north — near Ḩasakah."
	toks, buf := tokenize(text, nil, nil)
	var got []string
	for _, tk := range toks {
		got = append(got, string(buf[tk.k0:tk.k1])+"="+text[tk.start:tk.end])
	}
	want := []string{"the=The", "us=U.S", "struck=struck", "sanaa=Sana’a", "and=and", "syria=Syria", "north=north", "near=near", "hasaka=Ḩasakah"}
	if len(got) != len(want) {
		t.Fatalf("tokens %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %q, want %q", i, got[i], want[i])
		}
	}
	if !toks[0].cap || toks[2].cap {
		t.Errorf("capitalisation flags wrong: %+v", toks[:3])
	}
	if toks[6].joined {
		t.Errorf("a dash between words must break a name")
	}
}
