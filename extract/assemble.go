package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/text"
)

// genericPriority: triggers below it only say someone died or was hurt.
const genericPriority = 45

// draft is an event being assembled, with what merging and ordering need.
type draft struct {
	ev        sitrep.Event
	si        int // sentence index
	prio      int
	cs        []casualty
	headline  bool
	needs     string // the event type the deciding trigger refines, if any
	named1    bool   // actor1 was named in the text, not implied by the event type
	named2    bool
	firstTrig int  // word index of the cluster's first trigger: who comes before it is the subject
	noSubject bool // actor1 was taken from after the trigger: nobody before it acts
	ownDate   bool // the date was written in the event's own sentence
	ownPlace  bool // so was the place
}

// Extract implements sitrep.Extractor.
func (e *Engine) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	if blank(doc.Text) {
		return nil, nil
	}
	sc := e.pool.Get().(*scratch)
	defer func() {
		a := &sc.a
		sc.trigHits, sc.trigIDs = a.trigHits[:0], a.trigIDs[:0]
		sc.actorHits, sc.actorIDs = a.actorCache.hits[:0], a.actorCache.ids[:0]
		sc.tsBuf = a.tsBuf[:0]
		sc.re.release()
		sc.a = analysis{}
		e.pool.Put(sc)
	}()
	a, err := e.analyse(doc, sc)
	if err != nil {
		return nil, err
	}
	a.docTypes = e.documentTypes(a, sc.docTypes)
	sc.docTypes = a.docTypes
	drafts := a.re.drafts[:0]
	defer func() { a.re.drafts = drafts[:0] }()
	for si, sn := range a.sents {
		used := a.used
		cs := e.casualtiesOf(a, sn, used)
		ts := e.sentenceTriggers(a, sn)
		if len(ts) == 0 {
			if p := updatedEvent(drafts, cs); p != nil {
				elaborate(a, p, si, cs)
			} else if len(cs) > 0 && len(drafts) > 0 && si-drafts[len(drafts)-1].si <= 2 {
				elaborate(a, drafts[len(drafts)-1], si, cs)
			}
			continue
		}
		// "Residents said the fighting lasted several hours": a definite
		// event noun with nothing new refers back to the event told.
		if p := e.referredEvent(a, sn, ts, drafts); p != nil {
			elaborate(a, p, si, cs)
			e.claimant(a, sn, p)
			continue
		}
		cues := e.sentenceCues(a, sn)
		tallySentence := len(cs) > 0 && multiCountryTally(a, sn)
		// "Two soldiers were killed." after an event sentence tells its toll,
		// not a new event — unless it is a tally or a claim of its own.
		if bt := ts[best(ts)]; bt.Priority < genericPriority && bt.EventType == sitrep.ViolenceAgainstCivs && len(drafts) > 0 &&
			modalityOf(a, sn, cues, bt.w0, bt.w1, tallySentence) == sitrep.ModalityOccurred {
			// "The number of wounded climbed to 34 overnight": the date
			// is the update's, the toll the event's.
			if p := updatedEvent(drafts, cs); p != nil {
				elaborate(a, p, si, cs)
				continue
			}
			if p := drafts[len(drafts)-1]; si-p.si <= 2 && p.ev.Occurred() && !p.headline && !otherDate(a, sn, p) {
				elaborate(a, p, si, cs)
				continue
			}
		}
		for i := range ts {
			ts[i].modality = modalityOf(a, sn, cues, ts[i].w0, ts[i].w1, tallySentence)
		}
		groups := groupByModality(a.re.groups[:0], ts)
		a.re.groups = groups
		for gi, g := range groups {
			var gcs []casualty
			for _, c := range cs {
				if nearestGroup(groups, c.cue) == gi {
					gcs = append(gcs, c)
				}
			}
			d := e.assemble(a, si, g, gcs, used)
			inheritSubject(drafts, d)
			drafts = append(drafts, d)
		}
	}
	drafts = merge(drafts)
	order(drafts)
	out := make([]sitrep.Event, len(drafts))
	for i, d := range drafts {
		out[i] = d.ev
	}
	return out, nil
}

// blank reports whether s is empty or all white space. Most documents
// start with a letter: the test then reads one byte, not also the last
// one, far from the start of a long text and not yet in the cache.
func blank(s string) bool {
	if s != "" && s[0] > ' ' && s[0] < utf8.RuneSelf {
		return false
	}
	return strings.TrimSpace(s) == ""
}

// groupByModality splits a sentence's triggers into clusters, one per
// modality, in order of first appearance: "took Tanf … to capture Bukamal"
// is one occurred and one planned event. It appends the clusters to
// groups.
func groupByModality(groups [][]trigger, ts []trigger) [][]trigger {
	same := true
	for _, t := range ts {
		same = same && t.modality == ts[0].modality
	}
	if same {
		return append(groups, ts) // the usual case: one event per sentence
	}
	for _, t := range ts {
		found := false
		for i := range groups {
			if groups[i][0].modality == t.modality {
				groups[i] = append(groups[i], t)
				found = true
			}
		}
		if !found {
			groups = append(groups, []trigger{t})
		}
	}
	return groups
}

func nearestGroup(groups [][]trigger, w int) int {
	bi, bd := 0, 1<<30
	for i, g := range groups {
		for _, t := range g {
			d := w - t.w0
			if d < 0 {
				d = -d
			}
			if d < bd {
				bi, bd = i, d
			}
		}
	}
	return bi
}

// assemble builds the event of one trigger cluster of sentence si.
func (e *Engine) assemble(a *analysis, si int, g []trigger, cs []casualty, used []bool) *draft {
	sn := a.sents[si]
	t := g[best(g)]
	d := a.re.newDraft()
	d.si, d.prio, d.headline, d.needs, d.firstTrig = si, t.Priority, sn.headline, t.Needs, t.w0
	for _, x := range g {
		d.firstTrig = min(d.firstTrig, x.w0)
	}
	ev := &d.ev
	ev.DocID = a.doc.ID
	ev.EventType, ev.SubEventType, ev.Plover, ev.Cameo = t.EventType, t.SubEventType, t.Plover, t.Cameo
	ev.Modality = t.modality
	ev.Evidence = sitrep.Evidence{Text: a.s[sn.start:sn.end], Start: sn.start, End: sn.end}
	ev.ReportedBy = reporter(a, sn)

	// Where: a place in the sentence, else the document's main place
	// unless the sentence names another country.
	country := sentenceCountry(a, sn, t.w0)
	if p, ok := eventPlace(a, sn, t.w0); ok {
		inSentence := p.w0 >= sn.w0 && p.w1 <= sn.w1
		if inSentence || country == "" || p.Place.Country == country {
			setPlace(a, ev, p)
			d.ownPlace = inSentence
		}
	}
	if ev.Country == "" {
		ev.Country = country
	}

	// When.
	dm, ok := eventDate(a, si, t.w0, t.modality)
	d.ownDate = ok && dm.w0 >= sn.w0 && dm.w1 <= sn.w1
	setDate(a, ev, dm, ok)
	// "Similar rallies were planned in Kassala next week": an event dated
	// after the report has not happened yet.
	if d.ownDate && ev.Modality == sitrep.ModalityOccurred && a.hasPub && dm.d.Resolved && dm.d.Start.After(a.pub) {
		ev.Modality = sitrep.ModalityPlanned
	}

	// Who.
	ms := e.sentenceActors(a, sn, ev.Country)
	for i := range cs {
		cs[i].civilian = civilianVictims(a, ms, cs[i])
	}
	d.cs = cs
	setCasualties(ev, cs)
	e.setActors(a, sn, d, t, ms)
	if ev.Country == "" {
		ev.Country = actorCountry(ms)
		e.setActors(a, sn, d, t, ms)
	}

	// How many times: "21 strikes", "90,000 leaflets".
	for _, x := range g {
		// Counts are of acts ("21 strikes"), not of people ("25 protesters").
		if x.EventType != t.EventType || strings.HasSuffix(x.Phrase, "ers") || strings.HasSuffix(x.Phrase, "ors") {
			continue
		}
		if n, noun, ok := countBefore(a, sn, x, used); ok {
			ev.Count, ev.CountNoun = intp(n), noun // not &n, which would put every n tried on the heap
			break
		}
	}
	return d
}

// civilianVictims reports whether the people a casualty figure counts are
// civilians: a civilian word in the victim phrase, or no armed actor there.
func civilianVictims(a *analysis, ms []mention, c casualty) bool {
	for _, m := range ms {
		if m.w0 >= c.victims[0] && m.w1 <= c.victims[1]+1 {
			return m.actor.Type == "civilians" || m.actor.Type == "protesters"
		}
	}
	return false
}

func setCasualties(ev *sitrep.Event, cs []casualty) {
	t := tallyOf(cs)
	ev.Fatalities, ev.FatalitiesMin, ev.FatalitiesMax, ev.CivilianFatalities, ev.Injured = nil, nil, nil, nil, nil
	ev.FatalitiesQualifier = ""
	if t.hasKilled {
		ev.Fatalities = intp(t.killed)
		ev.FatalitiesMin = intp(t.killedMin)
		if t.killedMax > 0 {
			ev.FatalitiesMax = intp(t.killedMax)
		}
		ev.FatalitiesQualifier = t.qualifier
	}
	if t.hasCivilian {
		ev.CivilianFatalities = intp(t.civilian)
	}
	if t.hasInjured {
		ev.Injured = intp(t.injured)
	}
}

func intp(n int) *int { return &n }

func actorCountry(ms []mention) string {
	for _, m := range ms {
		if c := m.actor.Country; c != "" && c != "*" && m.role == principal {
			return c
		}
	}
	return ""
}

// countBefore reads a count of repeated actions written before a trigger
// noun: "21 strikes", "five June 1 strikes", "90,000 brightly-colored
// leaflets". Numbers already read as casualties are skipped.
func countBefore(a *analysis, sn sentence, t trigger, used []bool) (int, string, bool) {
	for i := len(a.nums) - 1; i >= 0; i-- {
		n := a.nums[i]
		if n.w1 > t.w0 || n.w0 < sn.w0 || n.Date || n.Year || n.Percent {
			if n.w1 > t.w0 || n.w0 >= sn.w0 {
				continue
			}
			break
		}
		if used[i] || t.w0-n.w1 > 3 {
			return 0, "", false
		}
		for k := n.w1; k < t.w0; k++ {
			w := a.ws[k]
			if w.kind == text.Punct && w.norm != "-" || isFunctionWord(w.norm) || w.kind == text.Numeral && !dateWord(a, k) {
				return 0, "", false
			}
		}
		if !strings.HasSuffix(a.ws[t.w1-1].norm, "s") || n.Value < 2 {
			return 0, "", false
		}
		return int(n.Value), a.textOf(t.w1 - 1), true
	}
	return 0, "", false
}

// dateWord reports whether word k is inside a date mention.
func dateWord(a *analysis, k int) bool {
	for di := range a.dates {
		d := &a.dates[di]
		if k >= d.w0 && k < d.w1 {
			return true
		}
	}
	return false
}

// genericActor finds the lexicon's generic actor whose name starts with
// prefix ("Protesters", "Police Forces", …).
func (e *Engine) genericActor(prefix string) *lexicon.Actor {
	for i := range e.lex.Actors {
		a := &e.lex.Actors[i]
		if a.Country == "*" && strings.HasPrefix(a.Name, prefix) {
			return a
		}
	}
	return nil
}

// inheritSubject gives an event whose sentence names no actor before its
// trigger ("Officials reported that five strikes near Raqqa engaged two
// ISIS units") the actor of the last event of the same type: reports
// name the actor once and go on about its actions.
func inheritSubject(prev []*draft, d *draft) {
	if !d.noSubject {
		return
	}
	for i := len(prev) - 1; i >= 0; i-- {
		p := prev[i]
		if p.ev.EventType != d.ev.EventType || p.ev.Actor1 == "" || p.ev.Actor1 == d.ev.Actor1 {
			continue
		}
		d.ev.Actor2, d.ev.Inter2 = d.ev.Actor1, d.ev.Inter1
		d.ev.Actor1, d.ev.Inter1 = p.ev.Actor1, p.ev.Inter1
		return
	}
}

// otherDate reports a resolved date in sentence sn that differs from the
// event's: "The war erupted in April, killing …" is no toll of Saturday's
// shelling.
func otherDate(a *analysis, sn sentence, p *draft) bool {
	for di := range a.dates {
		d := &a.dates[di]
		var b [10]byte
		if d.w0 >= sn.w0 && d.w1 <= sn.w1 && d.d.Resolved && !d.statement && string(appendISO(b[:0], d.d.Start)) != p.ev.EventDate {
			return true
		}
	}
	return false
}

// updatedEvent returns the event a later "the toll has since risen to
// 12" updates, however far down the report it comes: the first event that
// occurred with a toll of that kind already (the report's subject), else
// the last violent event that occurred. Nil when cs holds no updated toll.
func updatedEvent(drafts []*draft, cs []casualty) *draft {
	kind := ""
	for _, c := range cs {
		if c.update {
			kind = c.kind
		}
	}
	if kind == "" {
		return nil
	}
	for _, d := range drafts {
		if violent(d.ev) && d.ev.Occurred() && (kind == "killed" && d.ev.Fatalities != nil || kind == "injured" && d.ev.Injured != nil) {
			return d
		}
	}
	for i := len(drafts) - 1; i >= 0; i-- {
		if d := drafts[i]; violent(d.ev) && d.ev.Occurred() {
			return d
		}
	}
	return nil
}

// referredEvent returns the earlier event a sentence refers back to with
// a definite noun — "the fighting lasted several hours", "the attack
// took place near a market" — when that noun is the sentence's only kind
// of event, the sentence gives no date or place of its own, and an event
// of its type has occurred already. Nil otherwise.
func (e *Engine) referredEvent(a *analysis, sn sentence, ts []trigger, drafts []*draft) *draft {
	if len(drafts) == 0 {
		return nil
	}
	t := ts[best(ts)]
	if t.w0 == sn.w0 || t.w1 != t.w0+1 || strings.HasSuffix(t.Phrase, "ed") {
		return nil
	}
	switch a.ws[t.w0-1].norm {
	case "the", "this", "that":
	default:
		return nil
	}
	for _, x := range ts {
		if x.EventType != t.EventType && x.Priority >= genericPriority { // "were killed", "families had fled": no new kind of event
			return nil
		}
	}
	for di := range a.dates {
		d := &a.dates[di]
		if d.w0 >= sn.w0 && d.w1 <= sn.w1 && !d.statement {
			return nil
		}
	}
	for pi := range a.places {
		p := &a.places[pi]
		if p.w0 >= sn.w0 && p.w1 <= sn.w1 && p.w0 > t.w0 {
			return nil // "the fighting in Kidal": maybe another place
		}
	}
	for i := len(drafts) - 1; i >= 0; i-- {
		if d := drafts[i]; d.ev.EventType == t.EventType && d.ev.Occurred() && !d.headline {
			return d
		}
	}
	return nil
}

// claimant gives an event whose perpetrator was unknown the group that
// claims it in a later sentence: "Islamic State Khorasan Province claimed
// the bombing in a statement".
func (e *Engine) claimant(a *analysis, sn sentence, p *draft) {
	if !strings.HasPrefix(p.ev.Actor1, "Unidentified") && p.ev.Actor1 != "" {
		return
	}
	claim := -1
	for k := sn.w0; k < sn.w1; k++ {
		if n := a.ws[k].norm; n == "claimed" || n == "claims" {
			claim = k
			break
		}
	}
	if claim < 0 || claim+1 < sn.w1 && a.ws[claim+1].norm == "by" {
		return
	}
	ms := e.sentenceActors(a, sn, p.ev.Country)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.w1 <= claim && m.role != sponsor && isArmed(m.actor) && m.actor.Type != "state" && m.actor.Country != "*" {
			p.ev.Actor1, p.ev.Inter1 = e.actorName(m.actor, p.ev.Country), m.actor.Inter
			p.named1 = true
			return
		}
	}
}
