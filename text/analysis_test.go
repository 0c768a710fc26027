package text

import (
	"strings"
	"testing"
)

func TestAnalyzer(t *testing.T) {
	s := "Iran-backed forces of the PMU, near Al-Qa’im."
	tests := []struct {
		name    string
		filters []TokenFilter
		want    string
	}{
		{"zero analyzer is Tokenize", nil, "iran-backed forces of the pmu , near al-qa'im ."},
		{"split hyphens", []TokenFilter{SplitHyphens}, "iran backed forces of the pmu , near al qa'im ."},
		{"drop punctuation and stop words", []TokenFilter{DropPunct, StopWords("of", "The")}, "iran-backed forces pmu near al-qa'im"},
		{"chained in order", []TokenFilter{SplitHyphens, DropPunct, StopWords("al")}, "iran backed forces of the pmu near qa'im"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Analyzer{Filters: tt.filters}.Analyze(s)
			var norms []string
			for _, tok := range toks {
				norms = append(norms, tok.Norm)
				if s[tok.Start:tok.End] != tok.Text {
					t.Errorf("token %q has offsets [%d:%d] = %q", tok.Text, tok.Start, tok.End, s[tok.Start:tok.End])
				}
			}
			if got := strings.Join(norms, " "); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
