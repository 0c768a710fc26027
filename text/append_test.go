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
