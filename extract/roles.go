package extract

import (
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/text"
)

// party is an actor filling a role in an event.
type party struct {
	act *lexicon.Actor
	m   *mention // nil for an actor implied by the event type
}

// setActors decides actor1 and actor2 and, where the roles say so, refines
// the sub-event type:
//   - "were killed by X": X is actor1; otherwise the nearest actor before
//     the trigger is, then the first one after it ("clashes between X and Y");
//   - actor2 is the next actor after the trigger, else another before it;
//   - protests and riots are coded with protesters/rioters as actor1, as
//     ACLED does, named groups becoming associates;
//   - violence against civilians has civilians as actor2, and a generic
//     "attack"/"killed" on armed actors is an armed clash.
func (e *Engine) setActors(a *analysis, sn sentence, d *draft, t trigger, ms []mention) {
	ev := &d.ev
	var p1, p2 *mention
	var sponsors []string
	byCrowd := false // "was beaten up by residents": the attackers are a crowd
	var unknown mention
	// The agent after "by" belongs to this trigger only when the trigger
	// is passive or a noun right before it ("an attack by", "killed by").
	byReach := 2
	if passiveAt(a, sn, t.w0) != "" {
		byReach = 8
	}
	for k := t.w1; k < sn.w1 && k <= t.w1+byReach; k++ {
		if a.ws[k].norm != "by" {
			continue
		}
		for i := range ms {
			m := &ms[i]
			if m.role != principal || m.w0 <= k || m.w0 > k+3 {
				continue
			}
			if m.actor.Type == "civilians" || m.actor.Type == "rioters" {
				byCrowd = true
			} else {
				p1 = m
			}
			break
		}
		break
	}
	// "Three militants were killed": a passive subject is the victim.
	var victim *mention
	if p1 == nil && passiveAt(a, sn, t.w0) != "" {
		for i := len(ms) - 1; i >= 0; i-- {
			if m := &ms[i]; m.role == principal && m.w1 <= t.w0 && !clauseBreak(a, m.w1, t.w0) && t.w0-m.w1 <= 8 {
				victim = m
				break
			}
		}
	}
	if p1 == nil {
		for i := len(ms) - 1; i >= 0; i-- {
			if &ms[i] == victim {
				continue
			}
			m := &ms[i]
			// "Russian drones struck": the trigger may end the actor's name.
			inName := m.w0 < t.w0 && m.w1 > t.w0 && m.w1 <= t.w1
			if m.role == principal && (m.w1 <= t.w0 || inName) && m.actor.Type != "civilians" && !clauseBreak(a, min(m.w1, t.w0), t.w0) {
				p1 = m
				break
			}
		}
	}
	// "the DGRF attacked …": a group the lexicon does not know, named as
	// the subject right before the trigger.
	if p1 == nil && victim == nil {
		if w0, w1, ok := namedSubject(a, sn, d.firstTrig); ok {
			name := a.s[a.ws[w0].start:a.ws[w1-1].end]
			unknown = mention{actor: &lexicon.Actor{Name: name, Inter: 3, Type: "militia"}, w0: w0, w1: w1, name: name}
			p1 = &unknown
		}
	}
	if p1 == nil {
		for i := range ms {
			if m := &ms[i]; m.role == principal && m.w0 >= t.w1 && m.actor.Type != "civilians" {
				p1 = m
				d.noSubject = true
				break
			}
		}
	}
	if victim != nil {
		p2 = victim
	}
	for i := range ms {
		m := &ms[i]
		if m.role == sponsor {
			sponsors = append(sponsors, e.actorName(m.actor, ev.Country))
		}
		if m.role != principal || p1 != nil && m.actor == p1.actor || m == p1 || victim != nil {
			continue
		}
		if m.w0 >= t.w1 && (p2 == nil || p2.w0 < t.w0) {
			p2 = m
		} else if m.w1 <= t.w0 && p2 == nil {
			p2 = m
		}
	}
	civVictims := false
	for _, c := range d.cs {
		if c.civilian {
			civVictims = true
		}
	}

	var x1, x2 party
	if p1 != nil {
		x1 = party{p1.actor, p1}
	}
	if p2 != nil {
		x2 = party{p2.actor, p2}
	}
	g := func(prefix string) party { return party{act: e.generic[prefix]} }
	state := func(p party) bool { return p.act != nil && (p.act.Type == "state" || p.act.Type == "external") }
	armed := func(p party) bool { return p.act != nil && isArmed(p.act) }
	typ := func(p party, ts ...string) bool {
		if p.act == nil {
			return false
		}
		for _, t := range ts {
			if p.act.Type == t {
				return true
			}
		}
		return false
	}

	// Violence among civilians with no armed group named is mob violence:
	// "a farmer and two herders clashed with machetes", "residents beat him".
	if byCrowd && ev.EventType == sitrep.ViolenceAgainstCivs && ev.SubEventType == "Attack" {
		ev.EventType, ev.SubEventType, ev.Plover, ev.Cameo = sitrep.Riots, "Mob violence", "ASSAULT", "18"
	}
	// Students or workers beating someone are a crowd too, not protesters.
	// A crowd that burns or wrecks property is a mob as well.
	property := ev.SubEventType == "Looting/property destruction"
	if (ev.EventType == sitrep.ViolenceAgainstCivs && ev.SubEventType == "Attack" || ev.EventType == sitrep.Battles || property) && (x1.act == nil || typ(x1, "protesters") || property && typ(x1, "rioters")) && (x2.act == nil || !armed(x2)) {
		for i := range ms {
			if m := &ms[i]; m.role == principal && m.w1 <= t.w0 && (m.actor.Type == "civilians" && (crowd(a, m) || beatingMen(a, m, t)) || m.actor.Type == "rioters" || m.actor.Type == "protesters") && passiveAt(a, sn, t.w0) == "" && m.w1 <= d.firstTrig && (subjectGap(a, m.w1, d.firstTrig) || verbChain(a, sn, ms, m.w1, d.firstTrig)) {
				ev.EventType, ev.SubEventType, ev.Plover, ev.Cameo = sitrep.Riots, "Mob violence", "ASSAULT", "18"
				break
			}
		}
	}
	// A clash in which one side is unorganised — residents, merchants,
	// party supporters, rioters — is mob violence, not a battle between
	// armed groups.
	unorganised := func(p party) bool { return typ(p, "civilians", "rioters", "protesters", "party") }
	if ev.EventType == sitrep.Battles && ev.SubEventType == "Armed clash" && t.EventType == sitrep.Battles && !weaponWords(t.Phrase) &&
		(unorganised(x1) || unorganised(x2)) && !typ(x1, "rebel", "external") && !typ(x2, "rebel", "external") {
		ev.EventType, ev.SubEventType, ev.Plover, ev.Cameo = sitrep.Riots, "Mob violence", "ASSAULT", "18"
		if x1.act != nil && !typ(x1, "state") {
			x1 = party{}
		}
	}
	// Armed men firing on people the text names as civilians attack them;
	// it is no battle.
	if ev.EventType == sitrep.Battles && ev.SubEventType == "Armed clash" && d.prio < 55 && typ(x2, "civilians") && x2.m != nil && (x1.act == nil || armed(x1)) {
		ev.EventType, ev.SubEventType, ev.Plover, ev.Cameo = sitrep.ViolenceAgainstCivs, "Attack", "ASSAULT", "18"
	}
	// Killing is the gravest act: an abduction or looting that kills is an
	// attack.
	if (ev.SubEventType == "Abduction/forced disappearance" || ev.SubEventType == "Looting/property destruction") && ev.Fatalities != nil && *ev.Fatalities > 0 {
		ev.EventType, ev.SubEventType, ev.Plover, ev.Cameo = sitrep.ViolenceAgainstCivs, "Attack", "ASSAULT", "18"
	}
	// Detention by a non-state group is an abduction, not an arrest.
	if ev.SubEventType == "Arrests" && x1.act != nil && !state(x1) && armed(x1) {
		ev.EventType, ev.SubEventType, ev.Plover, ev.Cameo = sitrep.ViolenceAgainstCivs, "Abduction/forced disappearance", "ASSAULT", "18"
	}

	switch ev.EventType {
	case sitrep.Protests:
		other := x1
		if !state(other) {
			other = x2
		}
		// ACLED names the protesters first and the force that fired on
		// them second, as for a protest with intervention.
		if ev.SubEventType == "Excessive force against protesters" {
			if !state(other) {
				other = g("Police Forces")
			}
			x1, x2 = g("Protesters"), other
			break
		}
		if x1.act != nil && !typ(x1, "protesters", "civilians", "state", "external") {
			sponsors = append(sponsors, e.actorName(x1.act, ev.Country))
		}
		x1 = g("Protesters")
		x2 = party{}
		if ev.SubEventType == "Protest with intervention" {
			if !state(other) {
				other = g("Police Forces")
			}
			x2 = other
		}
	case sitrep.Riots:
		other := x2
		if typ(x1, "state", "external", "civilians") {
			other = x1
		}
		x1 = g("Rioters")
		x2 = other
		if typ(x2, "rioters", "protesters") {
			x2 = party{}
		}
		if ev.SubEventType == "Mob violence" && x2.act == nil {
			x2 = g("Civilians")
		}
	case sitrep.ViolenceAgainstCivs:
		if d.prio < 50 && ev.SubEventType == "Attack" && (armed(x2) || armedVictims(ms, d.cs)) && !civVictims {
			ev.EventType, ev.SubEventType, ev.Plover, ev.Cameo = sitrep.Battles, "Armed clash", "FIGHT", "19"
			if x1.act == nil {
				x1 = g("Unidentified Armed Group")
			}
			break
		}
		// "a man was shot dead … The victim was a known drug dealer", "an
		// extortionist was killed": the victim was armed, so the killing
		// is a clash between armed groups.
		if d.prio < 50 && ev.SubEventType == "Attack" && !armed(x2) {
			role := roleVictims(a, d.cs)
			act, named := e.victimArmed(a, d.si)
			if role || named {
				ev.EventType, ev.SubEventType, ev.Plover, ev.Cameo = sitrep.Battles, "Armed clash", "FIGHT", "19"
				if x1.act == nil || typ(x1, "civilians", "protesters") {
					x1 = g("Unidentified Armed Group")
				}
				x2 = party{act: act}
				if act == nil {
					x2 = g("Unidentified Armed Group")
				}
				break
			}
		}
		if x1.act == nil || typ(x1, "civilians", "protesters") {
			x1 = g("Unidentified Armed Group")
		}
		if !typ(x2, "civilians") {
			x2 = g("Civilians")
		}
	case sitrep.ExplosionsRemote:
		if x1.act == nil {
			x1 = g("Unidentified Armed Group")
		}
		if x2.act == nil && civVictims {
			x2 = g("Civilians")
		}
	case sitrep.Battles:
		if x1.act == nil {
			x1 = g("Unidentified Armed Group")
		}
		if x2.act == nil {
			if state(x1) {
				x2 = g("Unidentified Armed Group")
			} else {
				x2 = g("Military Forces")
			}
		}
		switch {
		case ev.SubEventType == "Non-state actor overtakes territory" && state(x1):
			ev.SubEventType = "Government regains territory"
		case ev.SubEventType == "Government regains territory" && x1.act != nil && !state(x1):
			ev.SubEventType = "Non-state actor overtakes territory"
		}
	case sitrep.StrategicDevelopment:
		switch ev.SubEventType {
		case "Arrests":
			if x1.act == nil || !state(x1) {
				if x1.act != nil && x2.act == nil {
					x2 = x1
				}
				x1 = g("Police Forces")
			}
		case "Looting/property destruction":
			if x1.act == nil {
				x1 = g("Unidentified Armed Group")
			}
			// Property belongs to civilians unless the text names an armed
			// owner.
			if !armed(x2) {
				x2 = g("Civilians")
			}
		}
	}
	ev.Actor1, ev.Inter1, ev.Actor2, ev.Inter2 = "", 0, "", 0
	d.named1, d.named2 = x1.m != nil, x2.m != nil
	if x1.act != nil {
		ev.Actor1, ev.Inter1 = e.partyName(x1, ev.Country), interOf(x1.act, ev.Country)
	}
	if x2.act != nil {
		ev.Actor2, ev.Inter2 = e.partyName(x2, ev.Country), interOf(x2.act, ev.Country)
		if ev.Actor2 == ev.Actor1 {
			ev.Actor2, ev.Inter2 = "", 0
		}
	}
	ev.AssocActor1 = strings.Join(dedupe(sponsors, ev.Actor1), "; ")
}

// verbChain reports words [i, j) that are an earlier act of the same
// subject, joined to the verb at j by "and": "a group of people tied
// the suspect to a post and beat him", "residents caught two men and beat
// them". The chain starts with a verb in the past tense and names no
// armed actor or other clause on the way.
func verbChain(a *analysis, sn sentence, ms []mention, i, j int) bool {
	if j-i < 2 || j-i > 14 || a.ws[j-1].norm != "and" || !pastVerb(a.ws[i].norm) && a.ws[i].norm != "caught" && a.ws[i].norm != "tied" {
		return false
	}
	for k := i; k < j-1; k++ {
		switch a.ws[k].norm {
		case ".", ";", ":", "and", "who", "which", "that", "after", "when", "while", "before", "said", "reported":
			return false
		}
	}
	for _, m := range ms {
		if m.w0 >= i && m.w1 <= j && m.actor.Type != "civilians" {
			return false
		}
	}
	return true
}

// subjectGap reports whether words [i, j) may separate a subject from its
// verb: up to four words, or a prepositional phrase of up to eight
// without punctuation ("students of a boarding school in Kisii beat").
func subjectGap(a *analysis, i, j int) bool {
	if j-i <= 4 {
		return true
	}
	if j-i > 8 {
		return false
	}
	switch a.ws[i].norm {
	case "of", "at", "in", "from", "near":
	default:
		return false
	}
	for k := i; k < j; k++ {
		if a.ws[k].kind == text.Punct || a.ws[k].norm == "and" || a.ws[k].norm == "who" || a.ws[k].norm == "which" {
			return false
		}
	}
	return true
}
