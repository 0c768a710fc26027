package sqldb

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/sitrep/sitrep"
)

// EventStats counts the events matching f by type, country, modality, day
// and week, with the sum of their best-estimate fatalities. Only events reported as
// having happened (occurred, or a source's claim) add to the fatality sums:
// a cumulative tally ("thousands killed since 2014"), a denial, a threat or
// a plan is counted as an event, but its figure is not deaths that happened
// in it.
func (s *Store) EventStats(ctx context.Context, f sitrep.EventFilter) (*sitrep.EventStats, error) {
	f.Cursor, f.Limit, f.Sort = "", 0, ""
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return cached(ctx, s, "stats", f, func() (*sitrep.EventStats, error) { return s.eventStats(ctx, f) })
}

func (s *Store) eventStats(ctx context.Context, f sitrep.EventFilter) (*sitrep.EventStats, error) {
	where, args := s.Dialect.where(f)
	st := &sitrep.EventStats{}
	// The five aggregates are independent scans: run them side by side on
	// the reader pool, so a cold dashboard load waits for the slowest one
	// rather than for their sum.
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		err := s.R.QueryRowContext(gctx, s.q("SELECT count(*), COALESCE(SUM(CASE WHEN modality IN ('occurred', 'reported') THEN fatalities END), 0) FROM events WHERE "+where), args...).
			Scan(&st.Total, &st.Fatalities)
		if err != nil {
			return fmt.Errorf("count events: %w", err)
		}
		return nil
	})
	by := func(dst *[]sitrep.Count, col, where string) {
		g.Go(func() (err error) {
			*dst, err = s.countBy(gctx, col, where, args)
			return err
		})
	}
	by(&st.ByEventType, "event_type", where)
	by(&st.ByCountry, "country", where)
	by(&st.ByModality, "modality", where)
	// One scan by day and type feeds both the timeline's stacked bars and
	// the daily totals.
	by(&st.ByDayType, "event_date || '|' || event_type", where+" AND event_date <> ''")
	if err := g.Wait(); err != nil {
		return nil, err
	}
	sitrepSortByKey(st.ByDayType)
	st.ByDay = dailyTotals(st.ByDayType)
	st.ByWeek = sitrep.WeeklyCounts(st.ByDay)
	sitrep.SortCounts(st.ByEventType)
	sitrep.SortCounts(st.ByCountry)
	sitrep.SortCounts(st.ByModality)
	return st, nil
}

func (s *Store) countBy(ctx context.Context, col, where string, args []any) ([]sitrep.Count, error) {
	rows, err := s.R.QueryContext(ctx, s.q("SELECT "+col+", count(*), COALESCE(SUM(CASE WHEN modality IN ('occurred', 'reported') THEN fatalities END), 0) FROM events WHERE "+where+" GROUP BY "+col), args...)
	if err != nil {
		return nil, fmt.Errorf("count events by %s: %w", col, err)
	}
	defer rows.Close()
	out := []sitrep.Count{}
	for rows.Next() {
		var c sitrep.Count
		if err := rows.Scan(&c.Key, &c.Count, &c.Fatalities); err != nil {
			return nil, fmt.Errorf("count events by %s: %w", col, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// dailyTotals sums "YYYY-MM-DD|type" buckets, sorted by key, into one
// bucket per day.
func dailyTotals(byDayType []sitrep.Count) []sitrep.Count {
	days := []sitrep.Count{}
	for _, c := range byDayType {
		day, _, _ := strings.Cut(c.Key, "|")
		if n := len(days); n > 0 && days[n-1].Key == day {
			days[n-1].Count += c.Count
			days[n-1].Fatalities += c.Fatalities
			continue
		}
		days = append(days, sitrep.Count{Key: day, Count: c.Count, Fatalities: c.Fatalities})
	}
	return days
}

func sitrepSortByKey(c []sitrep.Count) {
	sort.Slice(c, func(i, j int) bool { return c[i].Key < c[j].Key })
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
