package extract

import (
	"time"

	"github.com/sitrep/sitrep"
)

// eventDate picks the date of an event triggered at word t of sentence si:
// the date mention in the sentence nearest before the trigger, else the
// nearest after it; else the last one before the sentence (news carries a
// date forward: "On Friday, … . The militants also …"); else the
// publication date. Dates of statements ("said on Monday") come last: the
// event happened on or before them, so one alone gives its day at time
// precision 2 (see statementWindow) — unless the event is itself
// something said (a threat, a plan, a denial), which the statement dates.
func eventDate(a *analysis, si int, t int, m sitrep.Modality) (dateMention, bool) {
	sn := a.sents[si]
	spoken := m == sitrep.ModalityThreatened || m == sitrep.ModalityPlanned || m == sitrep.ModalityDenied
	bi, bd := -1, 1<<30
	for i := range a.dates {
		d := &a.dates[i]
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
		if d.statement && !spoken {
			dist += 3000
		}
		if d.since && m != sitrep.ModalityCumulative {
			dist += 2000 // "in permanent garrison since December 2021": how long, not when
		}
		if dist < bd {
			bi, bd = i, dist
		}
	}
	// "On 6 March, …" opens the sentence to date what it tells; dates
	// inside it ("a man who was arrested on 2 March") are background.
	if oi := openingDate(a, sn, t); oi >= 0 && bi != oi && a.dates[oi].d.Resolved {
		bi = oi
	}
	if bi >= 0 && (!a.dates[bi].statement || spoken) && (a.dates[bi].d.Resolved || !earlierResolved(a, sn.w0)) {
		return a.dates[bi], true
	}
	// "later that day", or no date at all: carry the last event date
	// forward, a resolved one if there is any.
	carried := -1
	for i := len(a.dates) - 1; i >= 0; i-- {
		if a.dates[i].w1 <= sn.w0 && a.dates[i].w0 >= a.sents[0].w0 && !a.dates[i].statement && !a.dates[i].since && (a.dates[i].d.Resolved || bi < 0) {
			if a.sents[0].headline && a.dates[i].w1 <= a.sents[0].w1 && si > 0 {
				continue
			}
			if a.dates[i].d.Resolved {
				return a.dates[i], true
			}
			if carried < 0 {
				carried = i
			}
		}
	}
	if carried >= 0 {
		return a.dates[carried], true
	}
	if bi >= 0 && a.dates[bi].statement && a.dates[bi].d.Resolved {
		return statementWindow(a.dates[bi]), true
	}
	return dateMention{}, false
}

// statementWindow dates an event known only from when a source spoke of
// it as ACLED does an event reported without its own date: on the day of
// the report, with time precision 2 (within the week up to it).
func statementWindow(d dateMention) dateMention {
	d.d.End = d.d.Start
	d.d.Precision = max(d.d.Precision, 2)
	return d
}

// setDate writes the date fields of ev.
func setDate(a *analysis, ev *sitrep.Event, d dateMention, ok bool) {
	if ok {
		ev.DateText = d.m.Text
		ev.TimePrecision = d.d.Precision
		ev.EventDate, ev.EventDateEnd = "", ""
		if d.d.Resolved { // as d.d.ISO() and d.d.EndISO(), one string when they agree
			ev.EventDate = isoDay(d.d.Start)
			ev.EventDateEnd = ev.EventDate
			if !sameDay(d.d.Start, d.d.End) {
				ev.EventDateEnd = isoDay(d.d.End)
			}
		}
		return
	}
	if !a.hasPub {
		return
	}
	if a.pubDay == "" {
		a.pubDay = isoDay(a.pub)
	}
	// A threat or plan nobody dated was made public the day of the report.
	if !ev.Occurred() && ev.Modality != sitrep.ModalityReported {
		ev.EventDate, ev.EventDateEnd, ev.TimePrecision = a.pubDay, a.pubDay, 1
		return
	}
	// Nothing in the text dates the event: it happened recently, on or
	// before publication, not necessarily on the day. ACLED codes such an
	// event on the day of the report with time precision 2.
	ev.EventDate, ev.EventDateEnd, ev.TimePrecision = a.pubDay, a.pubDay, 2
}

// isoDay is t.Format("2006-01-02"), which every event calls for two
// dates, without Format's general layout machinery and its buffer.
func isoDay(t time.Time) string {
	var b [10]byte
	return string(appendISO(b[:0], t))
}

// appendISO appends t as "2006-01-02", as t.Format would write it.
func appendISO(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, "2006-01-02") // Format's own rules for odd years
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
}

func sameDay(s, e time.Time) bool {
	y1, m1, d1 := s.Date()
	y2, m2, d2 := e.Date()
	return y1 == y2 && m1 == m2 && d1 == d2
}

// earlierResolved reports a resolved date before word w.
func earlierResolved(a *analysis, w int) bool {
	for di := range a.dates {
		d := &a.dates[di]
		if d.w1 <= w && d.d.Resolved {
			return true
		}
	}
	return false
}

// openingDate returns the index of a resolved date that opens sentence sn
// before word t and is closed by a comma — "On 6 March 2022, …",
// "Security measures: On 15 January, …" — or -1.
func openingDate(a *analysis, sn sentence, t int) int {
	for i := range a.dates {
		d := &a.dates[i]
		if d.w0 < sn.w0 || d.w1 > t || d.statement {
			continue
		}
		if d.w0 > sn.w0 && a.ws[d.w0-1].norm != ":" {
			return -1
		}
		if d.w1 < sn.w1 && a.ws[d.w1].norm == "," {
			return i
		}
		return -1
	}
	return -1
}
