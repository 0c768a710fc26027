package incident

// Pairwise scores a grouping against the expected one, counting pairs of
// items: precision is the share of pairs put together that belong
// together, recall the share of pairs that belong together that were put
// together. Items are named by string (e.g. document ids); an item missing
// from got counts as alone. With no pairs on a side, the score is 1.
func Pairwise(want, got [][]string) (precision, recall float64) {
	wantOf := groupIndex(want)
	var gotPairs, wantPairs, both int
	for _, g := range got {
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				if g[i] == g[j] {
					continue // one document with two events in one incident
				}
				gotPairs++
				wi, iok := wantOf[g[i]]
				wj, jok := wantOf[g[j]]
				if iok && jok && wi == wj {
					both++
				}
			}
		}
	}
	for _, w := range want {
		for i := range w {
			for j := i + 1; j < len(w); j++ {
				wantPairs++
			}
		}
	}
	precision, recall = 1, 1
	if gotPairs > 0 {
		precision = float64(both) / float64(gotPairs)
	}
	if wantPairs > 0 {
		recall = float64(both) / float64(wantPairs)
	}
	return precision, recall
}

func groupIndex(groups [][]string) map[string]int {
	m := make(map[string]int)
	for i, g := range groups {
		for _, item := range g {
			m[item] = i
		}
	}
	return m
}
