package incident

import (
	"math"
	"time"

	"github.com/sitrep/sitrep"
)

// Report is an event together with the facts of the document it came from
// that linking and grading need.
type Report struct {
	Event     sitrep.Event `json:"event"`
	Source    string       `json:"source"`    // outlet, e.g. "Reuters"
	Published string       `json:"published"` // YYYY-MM-DD or RFC 3339, "" when unknown
}

// Link explains why two events were put in one incident.
type Link = sitrep.IncidentLink

// Place matches recorded on a Link.
const (
	PlaceLocation = "location" // same location name (and, with coordinates, within the precision radius)
	PlaceDistance = "distance" // different names, coordinates within the precision radius
	PlaceAdmin1   = "admin1"   // one side is only a region, same admin1
)

// samePlaceKM is how far apart two differently named places may lie and
// still be one place: transliterations resolved by different gazetteers
// ("Deir ez-Zor" / "Deir al-Zour") land within it; neighbouring villages
// and city districts do not.
const samePlaceKM = 2.0

// similarityHigh is the evidence similarity above which two reports may
// bridge a one-day gap or disagree on the perpetrator: wording that close
// describes one occurrence.
const similarityHigh = 0.5

// maxWindowDays is the widest date window that still links: a "this month"
// report can join an incident, a "this year" one cannot.
const maxWindowDays = 62

// node is an event prepared for comparison; computed once per event.
type node struct {
	report   Report
	id       int64
	from, to int // date window in days since 1970, inclusive
	dated    bool
	vague    bool
	denial   bool
	hasXY    bool
	lat, lon float64
	country  string
	admin1   string
	location string
	terms    []uint64
	actor1   string // canonical, "" when unknown
	actor2   string
	pub      int // publication day, -1 when unknown
}

func dayNumber(s string) (int, bool) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

func newNode(r Report) *node {
	e := &r.Event
	n := &node{
		report:   r,
		id:       e.ID,
		country:  fold(e.Country),
		admin1:   fold(e.Admin1),
		location: fold(e.Location),
		terms:    terms(e.Evidence.Text),
		actor1:   canonicalActor(e.Actor1),
		actor2:   canonicalActor(e.Actor2),
		denial:   e.Modality == sitrep.ModalityDenied,
		pub:      -1,
	}
	if t, ok, err := sitrep.ParseDate(r.Published); ok && err == nil {
		n.pub = int(t.Unix() / 86400)
	}
	if from, ok := dayNumber(e.EventDate); ok {
		to, ok := dayNumber(e.EventDateEnd)
		if !ok || to < from {
			to = from
		}
		n.from, n.to = from, to
		n.dated = to-from < maxWindowDays
	}
	if e.Latitude != nil && e.Longitude != nil && math.Abs(*e.Latitude) <= 90 && math.Abs(*e.Longitude) <= 180 {
		// (NaN fails both tests, so bad coordinates count as none.)
		n.hasXY, n.lat, n.lon = true, *e.Latitude, *e.Longitude
	}
	n.vague = n.denial || n.to > n.from || e.TimePrecision >= 2 || e.GeoPrecision >= 3
	return n
}

// Compare decides whether two reports describe one occurrence and says
// why. It is symmetric: Compare(a, b) and Compare(b, a) agree.
func Compare(a, b Report) (Link, bool) {
	return compare(newNode(a), newNode(b))
}

func compare(a, b *node) (Link, bool) {
	if a.id > b.id {
		a, b = b, a
	}
	l := Link{From: a.id, To: b.id, DistanceKM: unknownDistance}
	if !a.dated || !b.dated {
		return l, false
	}
	if a.country != "" && b.country != "" && a.country != b.country {
		return l, false
	}
	ea, eb := &a.report.Event, &b.report.Event
	if l.TypeScore = typeScore(ea, eb); l.TypeScore == 0 {
		return l, false
	}

	// Date: overlapping windows, or one day apart with near-identical text.
	gap := max(a.from, b.from) - min(a.to, b.to)
	if gap < 0 {
		gap = 0
	}
	l.DateGapDays = gap
	if gap > 1 {
		return l, false
	}
	l.Similarity = math.Round(similarity(a.terms, b.terms)*1000) / 1000
	if gap == 1 && l.Similarity < similarityHigh {
		return l, false
	}

	placeScore, ok := comparePlace(a, b, &l)
	if !ok {
		return l, false
	}

	l.ActorMatch = matchActors(a.actor1, a.actor2, b.actor1, b.actor2)
	if l.ActorMatch == ActorDifferent && l.Similarity < similarityHigh {
		return l, false
	}

	dateScore := 1.0
	switch {
	case gap == 1:
		dateScore = 0.3
	case a.to > a.from || b.to > b.from:
		dateScore = 0.5
	}
	score := 0.3*l.TypeScore + 0.25*placeScore + 0.2*dateScore + 0.1*actorScore(l.ActorMatch) + 0.15*l.Similarity
	l.Score = math.Round(score*1000) / 1000
	return l, true
}

// comparePlace applies the place gate and returns a score in 0..1.
func comparePlace(a, b *node, l *Link) (float64, bool) {
	pa, pb := a.report.Event.GeoPrecision, b.report.Event.GeoPrecision
	region := pa >= 3 || pb >= 3
	if region && a.admin1 != "" && b.admin1 != "" && a.admin1 != b.admin1 {
		return 0, false
	}
	sameName := a.location != "" && a.location == b.location
	if a.hasXY && b.hasXY {
		d := haversine(a.lat, a.lon, b.lat, b.lon)
		l.DistanceKM = math.Round(d*10) / 10
		r := max(radius(pa), radius(pb))
		switch {
		case d > r:
			return 0, false
		case sameName:
			l.PlaceMatch = PlaceLocation
		case pa == 1 && pb == 1 && d > samePlaceKM:
			return 0, false // two towns, each named exactly
		default:
			l.PlaceMatch = PlaceDistance
		}
		return 1 - d/r, true
	}
	if sameName {
		l.PlaceMatch = PlaceLocation
		return 0.8, true
	}
	if region && a.admin1 != "" && a.admin1 == b.admin1 {
		l.PlaceMatch = PlaceAdmin1
		return 0.3, true
	}
	return 0, false
}

func dayString(d int) string {
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}
