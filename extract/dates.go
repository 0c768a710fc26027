package extract

import (
	"github.com/sitrep/sitrep"
)

// eventDate picks the date of an event triggered at word t of sentence si:
// the date mention in the sentence nearest before the trigger, else the
// nearest after it; else the last one
// before the sentence (news carries a date forward: "On Friday, … . The
// militants also …"); else the publication date.
func eventDate(a *analysis, si int, t int) (dateMention, bool) {
	sn := a.sents[si]
	bi, bd := -1, 1<<30
	for i, d := range a.dates {
		if d.w0 < sn.w0 || d.w1 > sn.w1 {
			continue
		}
		// A date before the trigger tells when it happened ("On Friday,
		// gunmen attacked …"); one after it more often tells background
		// ("… the anniversary of the 6 January 2021 riots"). A date that
		// resolves beats one that does not.
		dist := t - d.w1
		if d.w0 > t {
			dist = 500 + d.w0 - t
		}
		if !d.d.Resolved {
			dist += 1000
		}
		if dist < bd {
			bi, bd = i, dist
		}
	}
	if bi >= 0 && (a.dates[bi].d.Resolved || !earlierResolved(a, sn.w0)) {
		return a.dates[bi], true
	}
	// "later that day", or no date at all: carry the last date forward.
	for i := len(a.dates) - 1; i >= 0; i-- {
		if a.dates[i].w1 <= sn.w0 && a.dates[i].w0 >= a.sents[0].w0 && (a.dates[i].d.Resolved || bi < 0) {
			if a.sents[0].headline && a.dates[i].w1 <= a.sents[0].w1 && si > 0 {
				continue
			}
			return a.dates[i], true
		}
	}
	return dateMention{}, false
}

// setDate writes the date fields of ev.
func setDate(a *analysis, ev *sitrep.Event, d dateMention, ok bool) {
	if ok {
		ev.DateText = d.m.Text
		ev.TimePrecision = d.d.Precision
		ev.EventDate = d.d.ISO()
		ev.EventDateEnd = d.d.EndISO()
		return
	}
	if a.hasPub {
		day := a.pub.Format("2006-01-02")
		ev.EventDate, ev.EventDateEnd, ev.TimePrecision = day, day, 1
	}
}

// earlierResolved reports a resolved date before word w.
func earlierResolved(a *analysis, w int) bool {
	for _, d := range a.dates {
		if d.w1 <= w && d.d.Resolved {
			return true
		}
	}
	return false
}
