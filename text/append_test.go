package text

import (
	"reflect"
	"testing"
)

// TestAppendVariantsMatch checks that the buffer-reusing variants give
// what the plain functions give, keep what the buffer held, and do not
// carry results from one text into the next.
func TestAppendVariantsMatch(t *testing.T) {
	texts := []string{
		"At least 12 people were killed on 3 March 2022. Dozens more were wounded.",
		"Two soldiers died.\n\nOfficials said a few hundred families fled the town.",
		"No figures.",
	}
	var nums []Number
	var spans []Span
	for _, s := range texts {
		toks := Tokenize(s)
		t.Run(s, func(t *testing.T) {
			nums = AppendNumbers(nums[:0], s, toks)
			if got, want := nums, Numbers(s, toks); !reflect.DeepEqual(got, want) && len(want)+len(got) > 0 {
				t.Errorf("AppendNumbers = %+v, want %+v", got, want)
			}
			spans = AppendSentencesOf(spans[:0], s, toks)
			if got, want := spans, SentencesOf(s, toks); !reflect.DeepEqual(got, want) {
				t.Errorf("AppendSentencesOf = %+v, want %+v", got, want)
			}
			head := []Span{{Text: "kept", Start: -1, End: -1}}
			if got := AppendSentencesOf(head, s, toks); got[0] != head[0] || len(got) != 1+len(spans) {
				t.Errorf("AppendSentencesOf lost the buffer's contents: %+v", got)
			}
		})
	}
}

func TestAppendHyphenPartsMatchesSplitHyphen(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int // parts appended
	}{{"US-led", 2}, {"al-Shabaab-affiliated", 3}, {"Raqqa", 0}, {"F-16", 2}, {"twenty-one", 2}} {
		t.Run(tc.word, func(t *testing.T) {
			tok := Tokenize(tc.word)[0]
			head := []Token{{Text: "kept"}}
			got := AppendHyphenParts(head, tok)
			if len(got)-1 != tc.want || got[0].Text != "kept" {
				t.Fatalf("AppendHyphenParts(%q) appended %d parts (%+v), want %d after the kept token", tc.word, len(got)-1, got, tc.want)
			}
			if want := SplitHyphen(tok); tc.want > 0 && !reflect.DeepEqual(got[1:], want) {
				t.Errorf("parts = %+v, SplitHyphen gives %+v", got[1:], want)
			}
		})
	}
}
