package http

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
)

// ParseEventFilter reads the query parameters shared by the events, stats
// and export endpoints. Empty parameters are unset. It returns EINVALID,
// naming the parameter, for values that cannot be parsed; the store
// validates the rest.
func ParseEventFilter(q url.Values) (sitrep.EventFilter, error) {
	var f sitrep.EventFilter
	str := func(name string) *string {
		if v := strings.TrimSpace(q.Get(name)); v != "" {
			return &v
		}
		return nil
	}
	f.From, f.To = str("from"), str("to")
	f.EventType, f.SubEventType = str("event_type"), str("sub_event_type")
	f.Actor, f.Country, f.Admin1 = str("actor"), str("country"), str("admin1")
	f.Q, f.DocID = str("q"), str("doc_id")
	if m := str("modality"); m != nil && *m != "all" {
		mod := sitrep.Modality(*m)
		f.Modality = &mod
	}
	if b := str("bbox"); b != nil {
		parts := strings.Split(*b, ",")
		if len(parts) != 4 {
			return f, sitrep.Errorf(sitrep.EINVALID, "bbox must be minLon,minLat,maxLon,maxLat, got %q", *b)
		}
		var v [4]float64
		for i, p := range parts {
			x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return f, sitrep.Errorf(sitrep.EINVALID, "bbox must be minLon,minLat,maxLon,maxLat numbers, got %q", *b)
			}
			v[i] = x
		}
		f.BBox = &sitrep.BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}
	}
	f.Sort = q.Get("sort")
	f.Cursor = q.Get("cursor")
	if l := str("limit"); l != nil {
		n, err := strconv.Atoi(*l)
		if err != nil || n < 1 {
			return f, sitrep.Errorf(sitrep.EINVALID, "limit must be a positive integer, got %q", *l)
		}
		f.Limit = n
	}
	return f, f.Validate()
}
