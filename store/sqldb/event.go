package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/sitrep/sitrep"
)

// FindEvents returns one page of events matching f, the cursor of the next
// page and the number of matches across pages. EINVALID for a bad filter
// or a cursor of another sort order.
func (s *Store) FindEvents(ctx context.Context, f sitrep.EventFilter) (*sitrep.EventPage, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return cached(ctx, s, "events", f, func() (*sitrep.EventPage, error) { return s.findEvents(ctx, f) })
}

func (s *Store) findEvents(ctx context.Context, f sitrep.EventFilter) (*sitrep.EventPage, error) {
	where, args := s.Dialect.where(f)
	o := orderOf(f.Sort)

	page := &sitrep.EventPage{Events: []*sitrep.Event{}}
	if err := s.R.QueryRowContext(ctx, s.q("SELECT count(*) FROM events WHERE "+where), args...).Scan(&page.Total); err != nil {
		return nil, fmt.Errorf("count events: %w", err)
	}

	if f.Cursor != "" {
		c, err := decodeCursor(f.Cursor, f.Sort)
		if err != nil {
			return nil, err
		}
		where += " AND " + o.after()
		args = append(args, c.key(), c.key(), c.ID)
	}
	limit := f.PageLimit()
	// One row more than the page tells whether there is a next page. The
	// inner query picks the page's ids from an index where one covers the
	// filter and the sort key; only those rows are then read whole, instead
	// of every match being read to be sorted.
	rows, err := s.R.QueryContext(ctx, s.q(fmt.Sprintf("SELECT %s FROM events WHERE id IN (SELECT id FROM events WHERE %s ORDER BY %s LIMIT %d) ORDER BY %s",
		selectEventCols, where, o.orderBy(), limit+1, o.orderBy())), args...)
	if err != nil {
		return nil, fmt.Errorf("find events: %w", err)
	}
	events, err := scanEvents(rows)
	if err != nil {
		return nil, err
	}
	if len(events) > limit {
		events = events[:limit]
		page.NextCursor = encodeCursor(f.Sort, events[limit-1])
	}
	if events != nil {
		page.Events = events
	}
	return page, nil
}

// FindEventByID returns ENOTFOUND if there is no event with id.
func (s *Store) FindEventByID(ctx context.Context, id int64) (*sitrep.Event, error) {
	e, err := scanEvent(s.R.QueryRowContext(ctx, s.q("SELECT "+selectEventCols+" FROM events WHERE id = ?"), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, "event %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("find event %d: %w", id, err)
	}
	return e, nil
}

// ScanEvents calls fn for every event matching f in f's sort order, reading
// one row at a time. Cursor and Limit are ignored.
func (s *Store) ScanEvents(ctx context.Context, f sitrep.EventFilter, fn func(*sitrep.Event, *sitrep.EventSource) error) error {
	if err := f.Validate(); err != nil {
		return err
	}
	where, args := s.Dialect.where(f)
	o := orderOf(f.Sort)
	cols := ""
	for _, c := range eventCols {
		cols += "e." + c + ", "
	}
	query := "SELECT " + cols + "d.url, d.title, d.source, d.published, d.fetched FROM (SELECT * FROM events WHERE " + where +
		") e JOIN documents d ON d.id = e.doc_id ORDER BY e." + o.col + " " + dir(o) + ", e.id " + dir(o)
	rows, err := s.R.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return fmt.Errorf("scan events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var src sitrep.EventSource
		var fetched string
		e, err := scanEvent(scanFunc(func(dest ...any) error {
			return rows.Scan(append(dest, &src.URL, &src.Title, &src.Source, &src.Published, &fetched)...)
		}))
		if err != nil {
			return fmt.Errorf("scan event: %w", err)
		}
		src.Fetched = parseTime(fetched)
		if err := fn(e, &src); err != nil {
			return err
		}
	}
	return rows.Err()
}

type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

func dir(o order) string {
	if o.desc {
		return "DESC"
	}
	return "ASC"
}
