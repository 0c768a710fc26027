package extract

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep"
)

// elaborate folds a sentence without an event word into the event before
// it: "… killing three. Two more died in hospital." adds casualties, and
// a date or place the event lacked.
func elaborate(a *analysis, d *draft, si int, cs []casualty) {
	d.cs = append(d.cs, cs...)
	if !typeTakesCasualties(d.ev) {
		return
	}
	setCasualties(&d.ev, d.cs)
}

// typeTakesCasualties: a peaceful protest has no deaths of its own; the
// killing it protests against is another event.
func typeTakesCasualties(ev sitrep.Event) bool {
	return !(ev.EventType == sitrep.Protests && ev.SubEventType == "Peaceful protest")
}

// merge joins consecutive events of one type and modality that do not
// contradict each other in date or place: a lead sentence and the
// sentence that elaborates it are one event. The higher-priority trigger
// decides the sub-type, so "Police dispersed them" turns the protest
// before it into a protest with intervention.
func merge(ds []*draft) []*draft {
	out := ds[:0] // in place: out never gets ahead of the draft being read
	for _, d := range ds {
		if len(out) > 0 {
			p := out[len(out)-1]
			refines := d.needs != "" && d.needs == p.ev.EventType
			// A headline and the lead after it tell one event, even when
			// their words differ ("Gunmen kill nine in village raid" /
			// "Gunmen attacked the village …, killing nine").
			lead := p.headline && d.si == p.si+1 && violent(p.ev) == violent(d.ev) && p.ev.Occurred() && d.ev.Occurred()
			if (p.ev.EventType == d.ev.EventType || refines || lead) && p.ev.Modality == d.ev.Modality && compatible(p, d) {
				absorb(p, d)
				continue
			}
		}
		out = append(out, d)
	}
	// Deaths reported next to a non-violent development ("1 person was
	// killed, and 3 houses torched") belong to the violent event before it.
	for i, d := range out {
		if d.ev.EventType != sitrep.StrategicDevelopment || d.ev.Fatalities == nil || i == 0 {
			continue
		}
		if p := out[i-1]; violent(p.ev) && p.ev.Modality == d.ev.Modality && d.si-p.si <= 2 {
			p.cs = append(p.cs, d.cs...)
			setCasualties(&p.ev, p.cs)
			d.cs = nil
			setCasualties(&d.ev, nil)
		}
	}
	// The lead event owns the toll told in the sentences after it, even
	// when they also report another act ("… were killed and four others
	// were abducted").
	for i := 1; i < len(out); i++ {
		p, d := out[0], out[i]
		if violent(p.ev) && p.ev.Occurred() && d.ev.Occurred() && p.ev.Fatalities == nil && d.ev.Fatalities != nil && d.si-p.si <= 2 && d.si > p.si {
			p.cs = append(p.cs, d.cs...)
			setCasualties(&p.ev, p.cs)
			d.cs = nil
			setCasualties(&d.ev, nil)
		}
	}
	for _, d := range out {
		lethalIntervention(&d.ev)
		if !typeTakesCasualties(d.ev) {
			d.ev.Fatalities, d.ev.FatalitiesMin, d.ev.FatalitiesMax, d.ev.CivilianFatalities = nil, nil, nil, nil
			d.ev.FatalitiesQualifier = ""
		}
	}
	return out
}

func violent(ev sitrep.Event) bool {
	switch ev.EventType {
	case sitrep.Battles, sitrep.ExplosionsRemote, sitrep.ViolenceAgainstCivs, sitrep.Riots:
		return true
	}
	return false
}

func compatible(p, d *draft) bool {
	// A sentence dated on its own ("Sunday's drone strike") tells another
	// event than one dated otherwise, even if that date was carried.
	if d.ownDate && (p.ownDate || !p.headline && p.ev.EventDate != "") && p.ev.EventDate != d.ev.EventDate {
		return false
	}
	// A headline names the place loosely ("in northwest Nigeria"); the
	// lead's town refines it.
	// So does a lead that names only the country or a region ("in
	// western Iraq") for the town a later sentence gives ("near al-Qaim").
	coarse := p.headline || p.ev.Location == "" || p.ev.GeoPrecision >= 3
	if d.ownPlace && p.ev.Location != d.ev.Location && !(coarse && (p.ev.Country == "" || p.ev.Country == d.ev.Country)) {
		return false
	}
	return d.si-p.si <= 2
}

func absorb(p, d *draft) {
	// A headline and its lead are one event told twice; the lead has the
	// detail, so its sentence, actors and date win.
	if p.headline && !d.headline {
		p.ev.Evidence, p.ev.ReportedBy = d.ev.Evidence, d.ev.ReportedBy
		if d.ev.EventType != p.ev.EventType && tier(d.prio) <= 2 {
			p.ev.EventType, p.ev.SubEventType, p.ev.Plover, p.ev.Cameo, p.prio = d.ev.EventType, d.ev.SubEventType, d.ev.Plover, d.ev.Cameo, d.prio
		}
		if d.ev.Actor1 != "" {
			p.ev.Actor1, p.ev.Inter1, p.ev.AssocActor1 = d.ev.Actor1, d.ev.Inter1, d.ev.AssocActor1
			p.ev.Actor2, p.ev.Inter2 = d.ev.Actor2, d.ev.Inter2
		}
		p.headline = false
		if d.ev.Location != "" {
			p.ev.Country, p.ev.Admin1, p.ev.Location, p.ev.Latitude, p.ev.Longitude = d.ev.Country, d.ev.Admin1, d.ev.Location, d.ev.Latitude, d.ev.Longitude
			p.ev.GeoPrecision, p.ev.GeonameID, p.ev.PlaceText = d.ev.GeoPrecision, d.ev.GeonameID, d.ev.PlaceText
		}
	}
	if !p.ownDate && d.ownDate {
		p.ev.EventDate, p.ev.EventDateEnd, p.ev.TimePrecision, p.ev.DateText = d.ev.EventDate, d.ev.EventDateEnd, d.ev.TimePrecision, d.ev.DateText
		p.ownDate = true
	}
	if tier(d.prio) > tier(p.prio) || tier(d.prio) == 3 && d.prio > p.prio {
		p.ev.EventType = d.ev.EventType
		p.ev.SubEventType, p.ev.Plover, p.ev.Cameo, p.prio = d.ev.SubEventType, d.ev.Plover, d.ev.Cameo, d.prio
		// The refinement decides the roles its type implies (protesters and
		// police), but an actor the text named stays.
		if !p.named1 {
			p.ev.Actor1, p.ev.Inter1, p.named1 = d.ev.Actor1, d.ev.Inter1, d.named1
		}
		if !p.named2 && d.ev.Actor2 != p.ev.Actor1 {
			p.ev.Actor2, p.ev.Inter2, p.named2 = d.ev.Actor2, d.ev.Inter2, d.named2
		}
	}
	// "A bomb exploded … . Islamic State Khorasan Province claimed the
	// bombing": a later sentence names the perpetrator the lead did not.
	if unknownActor(p.ev.Actor1) && d.named1 && !unknownActor(d.ev.Actor1) && d.ev.EventType == p.ev.EventType {
		p.ev.Actor1, p.ev.Inter1, p.named1 = d.ev.Actor1, d.ev.Inter1, true
	}
	p.cs = append(p.cs, d.cs...)
	setCasualties(&p.ev, p.cs)
	if p.ev.Actor2 == "" && d.ev.Actor2 != "" && d.ev.Actor2 != p.ev.Actor1 && d.ev.EventType == p.ev.EventType {
		p.ev.Actor2, p.ev.Inter2 = d.ev.Actor2, d.ev.Inter2
	}
	if p.ev.Count == nil {
		p.ev.Count, p.ev.CountNoun = d.ev.Count, d.ev.CountNoun
	}
	if d.ev.Location != "" && (p.ev.Location == "" || p.ev.GeoPrecision >= 3 && d.ev.GeoPrecision > 0 && d.ev.GeoPrecision < 3 && d.ev.Country == p.ev.Country) {
		p.ev.Country, p.ev.Admin1, p.ev.Location, p.ev.Latitude, p.ev.Longitude = d.ev.Country, d.ev.Admin1, d.ev.Location, d.ev.Latitude, d.ev.Longitude
		p.ev.GeoPrecision, p.ev.GeonameID, p.ev.PlaceText = d.ev.GeoPrecision, d.ev.GeonameID, d.ev.PlaceText
	}
}

// order sorts events by salience: things that happened first, then in
// reading order — the lead of a news report states its main event, and
// the sentences after it add detail.
func order(ds []*draft) {
	slices.SortStableFunc(ds, func(a, b *draft) int {
		switch ao, bo := a.ev.Occurred(), b.ev.Occurred(); {
		case ao == bo:
			return 0
		case ao:
			return -1
		}
		return 1
	})
}

// lethalIntervention makes a protest at which the intervention killed
// someone ("police used tear gas …, and a rights group said one man died
// of gunshot wounds") excessive force against protesters, as ACLED codes
// lethal force. The actors stay as they are: ACLED names the protesters
// first and the force that intervened second in both sub-types.
func lethalIntervention(ev *sitrep.Event) {
	if ev.SubEventType != "Protest with intervention" || ev.Fatalities == nil || *ev.Fatalities <= 0 || !ev.Occurred() {
		return
	}
	ev.SubEventType = "Excessive force against protesters"
	ev.Plover, ev.Cameo = "ASSAULT", "18"
}

// unknownActor reports an actor the text did not identify.
func unknownActor(name string) bool {
	return name == "" || strings.HasPrefix(name, "Unidentified")
}
