// Package workertest builds the synthetic corpus that the worker tests and
// `sitrep workerbench` queue: any number of distinct, realistic conflict
// reports from a handful of original templates, the same for a given size
// on every run.
package workertest

import (
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
)

// place is a town with the region and country a report names.
type place struct{ town, region, country string }

var places = []place{
	{"Maiduguri", "Borno", "Nigeria"},
	{"Baidoa", "Bay", "Somalia"},
	{"Gao", "Gao", "Mali"},
	{"Djibo", "Sahel", "Burkina Faso"},
	{"Beni", "North Kivu", "Democratic Republic of Congo"},
	{"Marib", "Marib", "Yemen"},
	{"Kirkuk", "Kirkuk", "Iraq"},
	{"Idlib", "Idlib", "Syria"},
	{"Kandahar", "Kandahar", "Afghanistan"},
	{"Sittwe", "Rakhine", "Myanmar"},
	{"Bunia", "Ituri", "Democratic Republic of Congo"},
	{"Menaka", "Menaka", "Mali"},
}

var armed = []string{"Islamic State", "al-Shabaab", "Boko Haram", "ADF", "JNIM", "Houthi"}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// templates are original sentences in the style of wire reports. Verbs
// %[1]s town, %[2]s region, %[3]s country, %[4]s weekday, %[5]d and %[6]d
// figures, %[7]s armed group, %[8]s another town.
var templates = []string{
	"Fighters from %[7]s attacked an army checkpoint near %[1]s in %[2]s on %[4]s, killing %[5]d soldiers, a local official said. " +
		"The army said it repelled the assault after a two-hour exchange of fire and that %[6]d attackers were killed.",
	"An air strike hit a crowded market in %[1]s, %[3]s, on %[4]s, killing at least %[5]d civilians and wounding %[6]d others, " +
		"according to medical staff at the town's main hospital. Residents said the aircraft circled the town before the strike.",
	"Hundreds of people marched through %[1]s on %[4]s to protest against rising fuel prices. " +
		"Police fired tear gas to disperse the crowd and arrested %[6]d demonstrators, witnesses said.",
	"A roadside bomb exploded as a police patrol drove through %[1]s in %[2]s on %[4]s, killing %[5]d officers. " +
		"No group has claimed responsibility for the blast, which damaged two vehicles.",
	"Gunmen believed to belong to %[7]s abducted %[5]d passengers from a bus on the road between %[1]s and %[8]s late on %[4]s, " +
		"residents told reporters. Security forces have launched a search of the area.",
	"Government forces retook the village of %[8]s near %[1]s from %[7]s on %[4]s after three days of fighting, the defence ministry said. " +
		"At least %[5]d fighters were killed in the clashes, it added.",
}

// closings vary the end of a report so that documents built from one
// template differ in more than their figures.
var closings = []string{
	"The report could not be independently verified.",
	"Aid agencies said they were sending medical supplies.",
	"Local authorities imposed a curfew in the area.",
	"The interior ministry promised an investigation.",
}

// Documents returns n distinct reports: Range(0, n).
func Documents(n int) []sitrep.Document { return Range(0, n) }

// Range returns reports from, from+1, … from+n-1. Report i is dated in the
// three months from 1 January 2022 and carries a dispatch number, so no two
// reports share a text or an id, within one range or across ranges.
func Range(from, n int) []sitrep.Document {
	docs := make([]sitrep.Document, n)
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for j := range docs {
		i := from + j
		p := places[i%len(places)]
		other := places[(i/len(places)+i+1)%len(places)]
		day := start.AddDate(0, 0, (i*7)%90)
		body := fmt.Sprintf(templates[i%len(templates)],
			p.town, p.region, p.country, weekdays[(i/3)%len(weekdays)],
			2+i%37, 3+(i*7)%23, armed[(i/5)%len(armed)], other.town)
		var b strings.Builder
		fmt.Fprintf(&b, "%s (%s) — %s\n\n%s\n\nDispatch %d from our correspondent in %s.\n",
			strings.ToUpper(p.town), p.country, body, closings[(i/7)%len(closings)], 1000+i, p.country)
		docs[j] = sitrep.Document{
			ID:        fmt.Sprintf("synth-%05d", i),
			URL:       fmt.Sprintf("https://news.example/%s/%05d", strings.ToLower(strings.ReplaceAll(p.country, " ", "-")), i),
			Title:     fmt.Sprintf("Report %d from %s", i, p.town),
			Source:    "Example Wire",
			Published: day.Format("2006-01-02"),
			Text:      b.String(),
		}
	}
	return docs
}
