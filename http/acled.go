package http

import (
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
)

// ACLEDColumns is ACLED's export layout followed by sitrep's own columns,
// so a CSV export opens in tools built for ACLED data and still carries the
// evidence offsets and provenance.
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities", "tags", "timestamp",
	"modality", "evidence_start", "evidence_end", "doc_id", "incident_id",
}

// countryInfo is ACLED's event id prefix, ISO 3166 numeric code and region
// for a country.
type countryInfo struct {
	prefix string
	iso    int
	region string
}

// countries covers the countries sitrep's users report on most; others
// export with an "XXX" prefix and empty iso and region.
var countries = map[string]countryInfo{
	"Afghanistan": {"AFG", 4, "Caucasus and Central Asia"}, "Algeria": {"ALG", 12, "Northern Africa"},
	"Angola": {"ANG", 24, "Middle Africa"}, "Armenia": {"ARM", 51, "Caucasus and Central Asia"},
	"Azerbaijan": {"AZE", 31, "Caucasus and Central Asia"}, "Bahrain": {"BHR", 48, "Middle East"},
	"Bangladesh": {"BGD", 50, "South Asia"}, "Benin": {"BEN", 204, "Western Africa"},
	"Burkina Faso": {"BFO", 854, "Western Africa"}, "Burundi": {"BUR", 108, "Eastern Africa"},
	"Cameroon": {"CAO", 120, "Middle Africa"}, "Central African Republic": {"CEN", 140, "Middle Africa"},
	"Chad": {"CHA", 148, "Middle Africa"}, "Colombia": {"COL", 170, "South America"},
	"Democratic Republic of Congo": {"DRC", 180, "Middle Africa"}, "Egypt": {"EGY", 818, "Northern Africa"},
	"Ethiopia": {"ETH", 231, "Eastern Africa"}, "Georgia": {"GEO", 268, "Caucasus and Central Asia"},
	"Haiti": {"HTI", 332, "Caribbean"}, "India": {"IND", 356, "South Asia"}, "Iran": {"IRN", 364, "Middle East"},
	"Iraq": {"IRQ", 368, "Middle East"}, "Israel": {"ISR", 376, "Middle East"}, "Jordan": {"JOR", 400, "Middle East"},
	"Kenya": {"KEN", 404, "Eastern Africa"}, "Lebanon": {"LBN", 422, "Middle East"}, "Libya": {"LBY", 434, "Northern Africa"},
	"Mali": {"MLI", 466, "Western Africa"}, "Mexico": {"MEX", 484, "North America"},
	"Mozambique": {"MZM", 508, "Eastern Africa"}, "Myanmar": {"MMR", 104, "Southeast Asia"},
	"Niger": {"NIR", 562, "Western Africa"}, "Nigeria": {"NIG", 566, "Western Africa"},
	"Pakistan": {"PAK", 586, "South Asia"}, "Palestine": {"PSE", 275, "Middle East"},
	"Philippines": {"PHL", 608, "Southeast Asia"}, "Russia": {"RUS", 643, "Europe"},
	"Saudi Arabia": {"SAU", 682, "Middle East"}, "Somalia": {"SOM", 706, "Eastern Africa"},
	"South Sudan": {"SSD", 728, "Eastern Africa"}, "Sudan": {"SUD", 729, "Northern Africa"},
	"Syria": {"SYR", 760, "Middle East"}, "Turkey": {"TUR", 792, "Middle East"}, "Uganda": {"UGA", 800, "Eastern Africa"},
	"Ukraine": {"UKR", 804, "Europe"}, "United States": {"USA", 840, "North America"},
	"Venezuela": {"VEN", 862, "South America"}, "Yemen": {"YEM", 887, "Middle East"},
}

// disorderType follows ACLED: demonstrations are peaceful protests and
// violent demonstrations, strategic developments are their own disorder,
// everything else is political violence.
func disorderType(e *sitrep.Event) string {
	switch {
	case e.EventType == "":
		return ""
	case e.EventType == sitrep.Protests || e.SubEventType == "Violent demonstration":
		return "Demonstrations"
	case e.EventType == sitrep.StrategicDevelopment:
		return "Strategic developments"
	}
	return "Political violence"
}

// ACLEDRecord returns the CSV fields of e in ACLEDColumns order.
func ACLEDRecord(e *sitrep.Event, src *sitrep.EventSource) []string {
	c, ok := countries[e.Country]
	prefix, iso := "XXX", ""
	if ok {
		prefix, iso = c.prefix, strconv.Itoa(c.iso)
	}
	year := ""
	if len(e.EventDate) >= 4 {
		year = e.EventDate[:4]
	}
	civ := ""
	if e.Inter1 == 7 || e.Inter2 == 7 {
		civ = "Civilian targeting"
	}
	fat := 0
	if e.Fatalities != nil {
		fat = *e.Fatalities
	}
	ts := ""
	if !src.Fetched.IsZero() {
		ts = strconv.FormatInt(src.Fetched.Unix(), 10)
	}
	incident := ""
	if e.IncidentID != 0 {
		incident = strconv.FormatInt(e.IncidentID, 10)
	}
	return []string{
		prefix + strconv.FormatInt(e.ID, 10), e.EventDate, year, itoa0(e.TimePrecision), disorderType(e), e.EventType, e.SubEventType,
		e.Actor1, e.AssocActor1, strconv.Itoa(e.Inter1), e.Actor2, e.AssocActor2, strconv.Itoa(e.Inter2), strconv.Itoa(e.Interaction()), civ,
		iso, c.region, e.Country, e.Admin1, "", "", e.Location, coord(e.Latitude), coord(e.Longitude), itoa0(e.GeoPrecision),
		src.Source, "", oneLine(e.Evidence.Text), strconv.Itoa(fat), "", ts,
		string(e.Modality), strconv.Itoa(e.Evidence.Start), strconv.Itoa(e.Evidence.End), e.DocID, incident,
	}
}

func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func coord(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', 4, 64)
}

// oneLine keeps notes on one line, as ACLED's are, so spreadsheet tools
// that split on newlines despite quoting still read the file.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
