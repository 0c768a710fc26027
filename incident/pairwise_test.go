package incident

import "testing"

func TestPairwise(t *testing.T) {
	want := [][]string{{"a", "b", "c"}, {"d", "e"}, {"f"}}
	tests := []struct {
		name              string
		got               [][]string
		precision, recall float64
	}{
		{"perfect", [][]string{{"c", "b", "a"}, {"e", "d"}, {"f"}}, 1, 1},
		{"everything alone", [][]string{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}}, 1, 0},
		{"one split", [][]string{{"a", "b"}, {"c"}, {"d", "e"}, {"f"}}, 1, 2.0 / 4},
		{"one wrong merge", [][]string{{"a", "b", "c"}, {"d", "e", "f"}}, 4.0 / 6, 1},
		{"items missing from got count as alone", [][]string{{"a", "b", "c"}}, 1, 3.0 / 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r := Pairwise(want, tt.got)
			if p != tt.precision || r != tt.recall {
				t.Errorf("precision, recall = %v, %v; want %v, %v", p, r, tt.precision, tt.recall)
			}
		})
	}
}
