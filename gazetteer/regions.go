package gazetteer

import (
	"strings"
)

// regionAfterPlace handles a mention followed by a region that may contain
// it: "Patos (Paraiba)", "Hamilton, Ontario", "Haradh district (Hajjah)",
// "Kelly town in Idleb". When the region contains one of the places the
// first name may be, the second means the region, not a town of the same
// name. When, in the hierarchical forms "X (Y" and "X, Y." the region
// contains none of them, X is a place the gazetteer does not know (or knows
// only elsewhere) and is dropped: the region is where the text puts it.
func (g *Gazetteer) regionAfterPlace(d *doc, ms []rawMention) {
	text, toks := d.text, d.toks
	for k := 1; k < len(ms); k++ {
		prev, cur := &ms[k-1], &ms[k]
		between, linked := prev.t1, false
		for between < cur.t0 && between-prev.t1 < 3 {
			w := d.word(between)
			if !d.is(between, wAfter) && w != "in" && w != "of" && w != "the" {
				break
			}
			linked = linked || w == "in" || w == "of"
			between++
		}
		if between != cur.t0 {
			continue
		}
		gap := text[toks[prev.t1-1].end:toks[cur.t0].start]
		if !linked && !strings.ContainsAny(gap, ",(") {
			continue
		}
		if g.contains(cur, prev) {
			cur.kind = "region"
			continue
		}
		if !hierarchical(text, gap, toks[cur.t1-1].end) || prev.kind != "" {
			continue
		}
		// Drop X when regions are named in the chain that follows ("Buea
		// (Fako, Sud-Ouest)", "Al Jabaliyah (At Tuhayat, Al Hudaydah)")
		// and none contains it, unless X is a large place: GeoNames' own
		// region codes are not always those the text uses.
		anyRegion, contained := false, false
		for j := k; j < len(ms) && j < k+3; j++ {
			if g.contains(&ms[j], prev) {
				contained = true
				break
			}
			// Only a name known as written: a transliteration variant
			// ("Hessen" ~ Hassan) is not yet checked against the text.
			if ms[j].bits&(isADM1|isADM2) != 0 && ms[j].exact {
				anyRegion = true
			}
			if j+1 < len(ms) && !strings.ContainsAny(text[toks[ms[j].t1-1].end:toks[ms[j+1].t0].start], ",") {
				break // the chain ends
			}
		}
		if !contained && anyRegion && !prev.sizeable() {
			prev.drop = true
		}
	}
}

// contains reports whether some region the outer mention may be contains
// some place the inner one may be.
func (g *Gazetteer) contains(outer, inner *rawMention) bool {
	if outer.bits&(isADM1|isADM2) == 0 {
		return false // no region among them
	}
	// The regions are gathered first, so that inner's places (hundreds
	// for a name like "Al", a cache miss each) are read once, not once
	// per region.
	var buf [8]int32
	regions := buf[:0]
	for _, r := range outer.refs {
		if g.info[r].bits&(isADM1|isADM2) != 0 {
			regions = append(regions, int32(r))
		}
	}
	if len(regions) == 0 {
		return false
	}
	for _, i := range inner.refs {
		in := &g.info[i]
		for _, r := range regions {
			if in.admin1 == r || in.admin2 == r {
				return true
			}
		}
	}
	return false
}

// hierarchical reports whether "X<gap>Y<rest>" reads as X inside Y: an
// opening parenthesis, or a comma with Y ending the clause ("near Lozove,
// Donetsk."), not a list ("Aleppo, Idlib and Hama").
func hierarchical(text, gap string, end int) bool {
	if strings.Contains(gap, "(") {
		return true
	}
	if !strings.Contains(gap, ",") {
		return false
	}
	rest := strings.TrimLeft(text[end:], " \t")
	return rest == "" || strings.ContainsAny(rest[:1], ".;)\n[")
}
