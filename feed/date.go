package feed

import (
	"strings"
	"time"
)

// dateLayouts are the forms publication dates take in feeds and meta tags,
// most specific first.
var dateLayouts = []struct {
	layout  string
	hasTime bool
}{
	{time.RFC3339Nano, true},
	{time.RFC3339, true},
	{"2006-01-02T15:04:05Z0700", true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02T15:04Z07:00", true},
	{"2006-01-02T15:04", true},
	{"2006-01-02 15:04:05Z07:00", true},
	{"2006-01-02 15:04:05 -0700", true},
	{"2006-01-02 15:04:05", true},
	{time.RFC1123Z, true},
	{time.RFC1123, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true},
	{"2 Jan 2006 15:04:05 -0700", true},
	{"2006-01-02", false},
	{"2006/01/02", false},
	{"20060102", false},
	{"January 2, 2006", false},
	{"Jan 2, 2006", false},
	{"2 January 2006", false},
	{"2 Jan 2006", false},
}

// NormalizeDate turns a publication date as a publisher wrote it into the
// form sitrep.Document.Published takes: RFC 3339 when it has a time of day,
// YYYY-MM-DD when it is a date only, "" when it cannot be read.
func NormalizeDate(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > 64 {
		return ""
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			if t.Year() < 1900 || t.Year() > 2200 {
				return ""
			}
			return formatDate(t, l.hasTime)
		}
	}
	return ""
}

// formatDate writes t as RFC 3339 or, without a time of day, YYYY-MM-DD.
func formatDate(t time.Time, hasTime bool) string {
	if !hasTime {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}
