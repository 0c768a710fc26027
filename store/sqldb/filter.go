package sqldb

import (
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/sitrep/sitrep"
)

// where builds the WHERE clause (without the keyword; "1=1" when empty) and
// its arguments for every set field of f except Cursor.
func (d Dialect) where(f sitrep.EventFilter) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.From != nil {
		add("event_date >= ?", *f.From)
	}
	if f.To != nil {
		add("event_date <> '' AND event_date <= ?", *f.To)
	}
	if f.EventType != nil {
		add("event_type = ?", *f.EventType)
	}
	if f.SubEventType != nil {
		add("sub_event_type = ?", *f.SubEventType)
	}
	if f.Actor != nil {
		p := "%" + escapeLike(*f.Actor) + "%"
		l := " " + d.Like + ` ? ESCAPE '\'`
		add("(actor1"+l+" OR actor2"+l+" OR assoc_actor_1"+l+" OR assoc_actor_2"+l+")", p, p, p, p)
	}
	if f.Country != nil {
		add(d.CaseEq("country"), *f.Country)
	}
	if f.Admin1 != nil {
		add(d.CaseEq("admin1"), *f.Admin1)
	}
	if b := f.BBox; b != nil {
		add("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?", b.MinLon, b.MaxLon, b.MinLat, b.MaxLat)
	}
	if f.Modality != nil {
		add("modality = ?", string(*f.Modality))
	}
	if f.Q != nil {
		if q := d.FTSQuery(*f.Q); strings.TrimSpace(q) != "" {
			add(d.TextMatch, q)
		}
	}
	if f.DocID != nil {
		add("doc_id = ?", *f.DocID)
	}
	if len(conds) == 0 {
		return "1=1", nil
	}
	return strings.Join(conds, " AND "), args
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// order describes one sort order: the column it sorts on and the direction.
// fsort is a stored column COALESCE(fatalities, -1), so events with an
// unknown toll sort below those with zero and the key is never NULL.
type order struct {
	col  string
	desc bool
}

func orderOf(sort string) order {
	switch sort {
	case sitrep.SortDateAsc:
		return order{"event_date", false}
	case sitrep.SortFatalitiesDesc:
		return order{"fsort", true}
	case sitrep.SortFatalitiesAsc:
		return order{"fsort", false}
	}
	return order{"event_date", true}
}

func (o order) orderBy() string {
	if o.desc {
		return o.col + " DESC, id DESC"
	}
	return o.col + " ASC, id ASC"
}

// after is the keyset condition for rows following the cursor position.
// Because id breaks ties, rows inserted while a client pages never make it
// see a row twice or skip one that existed when it started.
func (o order) after() string {
	if o.desc {
		return "(" + o.col + " < ? OR (" + o.col + " = ? AND id < ?))"
	}
	return "(" + o.col + " > ? OR (" + o.col + " = ? AND id > ?))"
}

// cursor is the position after the last row of a page. It is sent to clients
// base64-encoded and must come back with the same sort order.
type cursor struct {
	Sort string `json:"s"`
	Date string `json:"d,omitempty"`
	Fat  int    `json:"f,omitempty"`
	ID   int64  `json:"i"`
}

func (c cursor) key() any {
	if orderOf(c.Sort).col == "fsort" {
		return c.Fat
	}
	return c.Date
}

func encodeCursor(sort string, e *sitrep.Event) string {
	c := cursor{Sort: sortName(sort), ID: e.ID}
	if orderOf(sort).col == "fsort" {
		c.Fat = -1
		if e.Fatalities != nil {
			c.Fat = *e.Fatalities
		}
	} else {
		c.Date = e.EventDate
	}
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s, sort string) (cursor, error) {
	var c cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil || c.ID <= 0 {
		return c, sitrep.Errorf(sitrep.EINVALID, "invalid cursor %q", s)
	}
	if c.Sort != sortName(sort) {
		return c, sitrep.Errorf(sitrep.EINVALID, "cursor belongs to sort %q, not %q", c.Sort, sortName(sort))
	}
	return c, nil
}

func sortName(s string) string {
	if s == "" {
		return sitrep.SortDateDesc
	}
	return s
}
