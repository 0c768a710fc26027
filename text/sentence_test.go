package text

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain full stops", "Gunmen attacked a checkpoint. Two soldiers died.",
			[]string{"Gunmen attacked a checkpoint.", "Two soldiers died."}},
		{"initialism inside a sentence", "The U.S. military said the U.N. team left.",
			[]string{"The U.S. military said the U.N. team left."}},
		{"initialism before a lower-case opener word", "Two U.S. officials said the U.S. military left.",
			[]string{"Two U.S. officials said the U.S. military left."}},
		{"initialism before an opening quote", `It struck at 8 a.m. "We ran," he said.`,
			[]string{"It struck at 8 a.m.", `"We ran," he said.`}},
		{"clock time ends a sentence before a capitalised word", "They struck at 6 p.m. Residents fled.",
			[]string{"They struck at 6 p.m.", "Residents fled."}},
		{"clock time before a zone, a day or a place", "At 6 p.m. GMT and 7 p.m. Friday and 8 p.m. Kabul time, shots.",
			[]string{"At 6 p.m. GMT and 7 p.m. Friday and 8 p.m. Kabul time, shots."}},
		{"retired title", "Gen. (ret.) Ali said so. Nobody agreed.", []string{"Gen. (ret.) Ali said so.", "Nobody agreed."}},
		{"initialism ending a sentence", "Troops arrived from the U.S. The army denied it.",
			[]string{"Troops arrived from the U.S.", "The army denied it."}},
		{"titles before names", "Gen. Mark Milley met Lt. Col. Ahmed Saleh in Baghdad. He left.",
			[]string{"Gen. Mark Milley met Lt. Col. Ahmed Saleh in Baghdad.", "He left."}},
		{"month abbreviation before a day", "The raid on Jan. 5 killed three. Police said so.",
			[]string{"The raid on Jan. 5 killed three.", "Police said so."}},
		{"number abbreviation", "He was held in Cell No. 5 for a week. Then he was freed.",
			[]string{"He was held in Cell No. 5 for a week.", "Then he was freed."}},
		{"road number", "It hit a bus on Rd. 5 near Mt. Sinjar. Three died.",
			[]string{"It hit a bus on Rd. 5 near Mt. Sinjar.", "Three died."}},
		{"company letter", "Troops from Co. A and Ltd. firms left. Police said so.",
			[]string{"Troops from Co. A and Ltd. firms left.", "Police said so."}},
		{"saint in a place name", "Fighting spread to St. Louis. Residents fled.",
			[]string{"Fighting spread to St. Louis.", "Residents fled."}},
		{"initials", "Reporter J. Smith wrote it. Officials agreed.",
			[]string{"Reporter J. Smith wrote it.", "Officials agreed."}},
		{"decimal", "About 1.5 million people fled. Aid arrived.",
			[]string{"About 1.5 million people fled.", "Aid arrived."}},
		{"closing quote stays with its sentence", `"We will respond," he said. "They came at night." Then silence.`,
			[]string{`"We will respond," he said.`, `"They came at night."`, "Then silence."}},
		{"curly quotes after the stop", "He said: “It is over.” Residents disagreed.",
			[]string{"He said: “It is over.”", "Residents disagreed."}},
		{"question inside quotes followed by lower case", `"Why now?" he asked. Nobody knew.`,
			[]string{`"Why now?" he asked.`, "Nobody knew."}},
		{"ellipsis then capital", "They waited… Nothing came.",
			[]string{"They waited…", "Nothing came."}},
		{"headline without punctuation", "Dozens killed in clashes near Marib\n\nFighting resumed on Sunday.",
			[]string{"Dozens killed in clashes near Marib", "Fighting resumed on Sunday."}},
		{"headline before a single newline", "Car bomb hits market in Mogadishu\nA car bomb exploded on Monday.",
			[]string{"Car bomb hits market in Mogadishu", "A car bomb exploded on Monday."}},
		{"hard-wrapped prose is not cut", "The convoy was attacked near the\nSyrian border by militants.",
			[]string{"The convoy was attacked near the\nSyrian border by militants."}},
		{"wrapped prose breaking before a name", "Officials met with President\nBiden on Monday and\nthen left for the\ncapital.",
			[]string{"Officials met with President\nBiden on Monday and\nthen left for the\ncapital."}},
		{"headline above wrapped prose", "Clashes in Marib\nHouthi forces attacked government positions south of\nthe city on Sunday and fighters from the Giants Brigades\nresponded with artillery, a source said.",
			[]string{"Clashes in Marib", "Houthi forces attacked government positions south of\nthe city on Sunday and fighters from the Giants Brigades\nresponded with artillery, a source said."}},
		{"bullets", "Key points:\n• Two killed\n• Five wounded\n- Roads closed\n* Curfew imposed",
			[]string{"Key points:", "Two killed", "Five wounded", "Roads closed", "Curfew imposed"}},
		{"numbered list", "Casualties:\n1. Two soldiers died in Gao.\n2) A civilian was hurt.",
			[]string{"Casualties:", "Two soldiers died in Gao.", "A civilian was hurt."}},
		{"number at a line start that is no list", "Police said\n12.5 tonnes were seized.",
			[]string{"Police said", "12.5 tonnes were seized."}},
		{"trailing bullet byline", "The end.\n\n  • Leroy Wright", []string{"The end.", "Leroy Wright"}},
		{"surrounding white space trimmed", "  \n Shelling hit Kharkiv.  \n", []string{"Shelling hit Kharkiv."}},
		{"exclamation", "Stop! The bridge is down.", []string{"Stop!", "The bridge is down."}},
		{"lower-case after a stop is no boundary", "It hit approx. ten homes.", []string{"It hit approx. ten homes."}},
		{"lost space after a stop", "Strikes hit Idlib.Officials said five died.",
			[]string{"Strikes hit Idlib.", "Officials said five died."}},
		{"number starts a sentence", "Clashes continued. 12 people died.", []string{"Clashes continued.", "12 people died."}},
		{"empty", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Sentences(tt.in)
			var got []string
			for _, sp := range spans {
				got = append(got, sp.Text)
				if tt.in[sp.Start:sp.End] != sp.Text {
					t.Errorf("span %q: s[%d:%d] = %q", sp.Text, sp.Start, sp.End, tt.in[sp.Start:sp.End])
				}
			}
			if strings.Join(got, "⏎") != strings.Join(tt.want, "⏎") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesSeed(t *testing.T) {
	s := seedArticle(t)
	spans := Sentences(s)
	if got, want := len(spans), 17; got != want {
		for _, sp := range spans {
			t.Logf("%q", sp.Text)
		}
		t.Fatalf("seed has %d sentences, want %d", got, want)
	}
	if got, want := spans[0].Text, "At least 484 civilians killed in US-led strikes in Iraq, Syria"; got != want {
		t.Errorf("headline = %q, want %q", got, want)
	}
	if got := spans[5].Text; !strings.HasPrefix(got, "The U.S. military says") || !strings.HasSuffix(got, "to leave.") {
		t.Errorf("U.S. sentence = %q, want one whole sentence", got)
	}
	if got, want := spans[len(spans)-1].Text, "Leroy Wright"; got != want {
		t.Errorf("byline = %q, want %q", got, want)
	}
}

func BenchmarkSentences(b *testing.B) {
	s := strings.Repeat(seedArticle(b)+"\n\n", 50)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(s)
	}
}

func FuzzSentences(f *testing.F) {
	f.Add(seedArticle(f))
	f.Add("Gen. Smith said \"no.\" Then\n\n• U.S. troops… left!")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for i, sp := range Sentences(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("span %d has bad offsets [%d:%d] after %d", i, sp.Start, sp.End, prev)
			}
			if s[sp.Start:sp.End] != sp.Text {
				t.Fatalf("span %d: s[%d:%d] != Text", i, sp.Start, sp.End)
			}
			if strings.TrimSpace(sp.Text) != sp.Text {
				t.Fatalf("span %d %q is not trimmed", i, sp.Text)
			}
			prev = sp.End
		}
	})
}
