package when

import "time"

// Date is a resolved (or unresolved) date window. Start..End are whole
// days at midnight UTC (End inclusive, == Start for one day).
type Date struct {
	Start, End time.Time
	// Precision is ACLED's time_precision: 1 exact day, 2 within a week
	// (or a span of a few days), 3 month or coarser. It is set even when
	// the date is unresolved, because the wording alone decides it.
	Precision int
	// Resolved is false when the expression is relative and no
	// publication date is known.
	Resolved bool
	// Relative is set when the expression depended on the publication
	// date ("on Friday", and also "June 1", whose year comes from it).
	Relative bool
}

// ISO returns Start as "2006-01-02", or "" when the date is unresolved.
func (d Date) ISO() string {
	if !d.Resolved {
		return ""
	}
	return isoDay(d.Start)
}

// EndISO returns End as "2006-01-02", or "" when the date is unresolved.
func (d Date) EndISO() string {
	if !d.Resolved {
		return ""
	}
	return isoDay(d.End)
}

// isoDay formats t as "2006-01-02" without the layout interpreter of
// time.Format: the extractor formats two dates per event.
func isoDay(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format("2006-01-02")
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

// futureSlack is how far after publication a date without a year may lie
// before it is taken to mean the previous year: reports announce things a
// few days ahead, but "December 28" in a January article is last year.
const futureSlack = 7 * 24 * time.Hour

// Resolve turns the mention into a date window. pub is the publication
// time (only its calendar day in its own location counts); hasPub says
// whether it is known. Relative expressions resolve as follows, with the
// publication day as day 0:
//
//   - a weekday ("on Friday", "Friday night") is the latest such day on or
//     before publication — news reports "on Friday" for the past week, and
//     the publication day itself when it is a Friday; "last Friday" is
//     strictly before publication;
//   - "over the weekend" is the latest Saturday on or before publication
//     and the Sunday after it (precision 2);
//   - "this week" runs from Monday to publication, "last week" is the
//     previous Monday–Sunday, "the past week" the seven days before
//     publication through publication (precision 2);
//   - "last month"/"last year" are the previous calendar month/year,
//     "the past month/year" the 30/365 days up to publication (precision 3).
//
// Without a publication date such expressions come back with Resolved
// false and their precision set.
func (m Mention) Resolve(pub time.Time, hasPub bool) Date {
	e := m.e
	d := Date{Precision: precision(e)}
	var p time.Time
	if hasPub {
		p = day(pub.Year(), pub.Month(), pub.Day())
	}
	switch e.kind {
	case kDay, kMonth, kYear:
		if e.y == 0 && e.kind != kYear {
			d.Relative = true
			if !hasPub {
				return d
			}
		}
		d.Start, d.End = absolute(e, p)
		if d.End.Before(d.Start) {
			// A range written backwards ("5 March to 2 March"): the
			// report names both days, so the span covers both.
			d.Start, d.End = d.End, d.Start
		}
		d.Resolved = true
		return d
	}
	d.Relative = true
	if !hasPub || e.kind == kAnchor {
		return d // an anchored expression needs ResolveAll
	}
	d.Resolved = true
	switch e.kind {
	case kOffset:
		d.Start = p.AddDate(0, 0, -e.n)
		d.End = d.Start
	case kWeekday:
		last := e.wd
		if e.wdRange {
			last = e.wd2
		}
		back := (int(p.Weekday()) - int(last) + 7) % 7
		if back == 0 && e.strict {
			back = 7
		}
		d.End = p.AddDate(0, 0, -back)
		d.Start = d.End
		if e.wdRange {
			d.Start = d.End.AddDate(0, 0, -((int(e.wd2) - int(e.wd) + 7) % 7))
		}
	case kWeekend:
		back := (int(p.Weekday()) - int(time.Saturday) + 7) % 7
		d.Start = p.AddDate(0, 0, -back)
		d.End = d.Start.AddDate(0, 0, 1)
	case kThisWeek:
		d.Start = p.AddDate(0, 0, -((int(p.Weekday()) + 6) % 7))
		d.End = p
	case kLastWeek:
		monday := p.AddDate(0, 0, -((int(p.Weekday())+6)%7)-7)
		d.Start, d.End = monday, monday.AddDate(0, 0, 6)
	case kPastDays:
		d.Start, d.End = p.AddDate(0, 0, -e.n), p
	case kThisMonth:
		d.Start, d.End = day(p.Year(), p.Month(), 1), p
	case kLastMonth:
		first := day(p.Year(), p.Month()-1, 1)
		d.Start, d.End = first, first.AddDate(0, 1, -1)
	case kThisYear:
		d.Start, d.End = day(p.Year(), 1, 1), p
	case kLastYear:
		d.Start, d.End = day(p.Year()-1, 1, 1), day(p.Year()-1, 12, 31)
	case kMonthsAgo:
		// "two months ago" names a day only roughly: keep the day, coarse.
		d.Start = p.AddDate(0, -e.n, 0)
		d.End = d.Start
	case kYearsAgo:
		d.Start = p.AddDate(-e.n, 0, 0)
		d.End = d.Start
	default:
		d.Resolved = false
	}
	return d
}

// ResolveAll resolves the mentions of one document in order. It differs
// from calling Resolve on each in one way: expressions that count from
// another event — "the next day", "two days later", "on the same day",
// "a week earlier" — count from the previous mention that resolved to a
// day or a week (precision 1 or 2), as a reader would. Without such a
// mention, "earlier" counts from the publication day and the others stay
// unresolved.
//
// And when the publication date is unknown, a day or month written
// without a year ("on 9 January") takes its year from the previous
// mention that gave one, as if that date had been the publication day:
// "On 15 January 2022 … on 9 January" is 9 January 2022, "On 1 March
// 2022 … in December" is December 2021.
func ResolveAll(ms []Mention, pub time.Time, hasPub bool) []Date {
	out := make([]Date, len(ms))
	var anchor, yearRef time.Time
	hasAnchor, hasYearRef := false, false
	for i, m := range ms {
		e := m.e
		switch {
		case (e.kind == kAnchor || e.chain) && hasAnchor:
			d := Date{Precision: precision(e), Resolved: true, Relative: true}
			d.Start = anchor.AddDate(0, 0, -e.n)
			d.End = d.Start
			out[i] = d
		case !hasPub && hasYearRef && e.y == 0 && (e.kind == kDay || e.kind == kMonth):
			out[i] = m.Resolve(yearRef, true)
		default:
			out[i] = m.Resolve(pub, hasPub)
		}
		d := out[i]
		if d.Resolved && d.Precision <= 2 {
			anchor, hasAnchor = d.Start, true
		}
		if d.Resolved && !d.Relative && (e.kind == kDay || e.kind == kMonth) {
			yearRef, hasYearRef = d.Start, true
		}
	}
	return out
}

// absolute resolves a calendar expression; p is the publication day (zero
// when unknown, in which case e has a year).
func absolute(e expr, p time.Time) (time.Time, time.Time) {
	y := e.y
	if y == 0 {
		y = p.Year()
		first := e.d
		if first == 0 {
			first = 1
		}
		if day(y, time.Month(e.m), first).Sub(p) > futureSlack {
			y--
		}
	}
	switch e.kind {
	case kYear:
		a, b := day(y, 1, 1), day(y, 12, 31)
		if e.y2 != 0 {
			return a, day(e.y2, 12, 31)
		}
		switch e.part {
		case partEarly:
			b = day(y, 4, 30)
		case partMid:
			a, b = day(y, 5, 1), day(y, 8, 31)
		case partLate:
			a = day(y, 9, 1)
		case partFirstHalf:
			b = day(y, 6, 30)
		case partSecondHalf:
			a = day(y, 7, 1)
		}
		return a, b
	case kMonth:
		m := time.Month(e.m)
		a, b := day(y, m, 1), day(y, m, daysIn(y, m))
		if e.m2 != 0 {
			y2 := e.y2
			if y2 == 0 {
				y2 = y
				if e.m2 < e.m {
					y2++
				}
			}
			m2 := time.Month(e.m2)
			return a, day(y2, m2, daysIn(y2, m2))
		}
		last := daysIn(y, m)
		switch e.part {
		case partEarly:
			b = day(y, m, 10)
		case partMid:
			a, b = day(y, m, 11), day(y, m, 20)
		case partLate:
			a = day(y, m, 21)
		case partFirstHalf:
			b = day(y, m, 15)
		case partSecondHalf:
			a = day(y, m, 16)
		case partLastWeek:
			a = day(y, m, last-6)
		case partWeek1, partWeek1 + 1, partWeek1 + 2, partWeek1 + 3:
			first := (e.part-partWeek1)*7 + 1
			a, b = day(y, m, first), day(y, m, min(first+6, last))
		}
		return a, b
	}
	a := day(y, time.Month(e.m), e.d)
	if e.weekOf {
		return a, a.AddDate(0, 0, 6)
	}
	if e.weekendOf {
		// The stated day, through the Sunday of that weekend.
		return a, a.AddDate(0, 0, (7-int(a.Weekday()))%7)
	}
	if e.monthOf {
		return a, day(y, time.Month(e.m), daysIn(y, time.Month(e.m)))
	}
	if e.m2 == 0 {
		return a, a
	}
	y2 := e.y2
	if e.y == 0 {
		y2 = y
		if e.m2 < e.m {
			y2++
		}
	}
	return a, day(y2, time.Month(e.m2), e.d2)
}

// weekSpan is the longest range, in days counting both ends, that ACLED
// still codes as "within a week" (precision 2): a week plus its edges, as
// in "between 31 January and 8 February".
const weekSpan = 9

// precision derives ACLED's time_precision from the expression alone.
func precision(e expr) int {
	if e.prec != 0 {
		return e.prec
	}
	switch e.kind {
	case kDay:
		if e.night || e.m2 == 0 {
			return 1
		}
		if spanDays(e) <= weekSpan {
			return 2
		}
		return 3
	case kMonth:
		if e.part >= partWeek1 && e.m2 == 0 {
			return 2 // "the first week of March"
		}
	case kWeekday:
		if e.wdRange {
			return 2
		}
		return 1
	case kWeekend, kThisWeek, kLastWeek:
		return 2
	case kPastDays:
		if e.n <= 7 {
			return 2
		}
		return 3
	}
	return 3
}

// spanDays counts the days of a range, using a leap year when the year is
// unknown (the count only decides between precision 2 and 3).
func spanDays(e expr) int {
	y, y2 := e.y, e.y2
	if y == 0 {
		y, y2 = 2024, 2024
		if e.m2 < e.m {
			y2++
		}
	}
	a, b := day(y, time.Month(e.m), e.d), day(y2, time.Month(e.m2), e.d2)
	return int(b.Sub(a).Hours()/24) + 1
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
