package extract

import (
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/text"
)

// trigger is one trigger entry found in a sentence.
type trigger struct {
	*lexicon.Trigger // shared with the lexicon: a trigger found costs two words, not a copy
	w0, w1           int
	modality         sitrep.Modality
	joinedByAnd      bool // right after "and": another act of the same subject
}

// sentenceTriggers returns the triggers of sentence sn, without those
// whose "needs" event type the document lacks.
func (e *Engine) sentenceTriggers(a *analysis, sn sentence) []trigger {
	// The result lives until the next sentence is read: reuse its memory.
	out := a.tsBuf[:0]
	defer func() { a.tsBuf = out[:0] }()
	for _, h := range a.sentenceHits(sn) {
		if h.end > sn.w1 {
			continue
		}
		for _, id := range h.ids {
			t := &e.lex.Triggers[id]
			if tt := e.trigTypes[id]; tt.needs != 0 && (!a.docTypes[tt.needs-1] || inRelativeClause(a, sn, h.start) && !e.clauseLicenses(a, sn, h.start, tt.needs-1) || background(a, sn, h.start)) {
				continue
			}
			if inCondition(a, sn, h.start) || accusation(a, sn, h.start) || issueModifier(a, sn, t, h.end) {
				continue
			}
			// "arrested" makes a protest one with intervention only when the
			// sentence names who intervened: "demanding the release of
			// their arrested sons" does not.
			if t.SubEventType == "Protest with intervention" && personalAct[t.Phrase] && (!e.stateActorIn(a, sn) || !e.protestBy(a, sn.w1)) {
				continue
			}
			if t.Phrase == "dispersed" && selfDispersed(a, sn, h.start) {
				continue
			}
			if t.SubEventType == "Non-state actor overtakes territory" && capturedPeople(a, sn, h.start, h.end) {
				continue
			}
			if strings.HasPrefix(t.Phrase, "sealed") && sealedArea(a, sn, h.end) {
				continue
			}
			w1 := h.end
			// A shadowed reading ("attacked" of "attacked police") ends
			// where its own words do: the rest names the target.
			if int(id) < len(e.shortSpan) && e.shortSpan[id] > 0 {
				w1 = min(w1, h.start+e.shortSpan[id])
			}
			out = append(out, trigger{Trigger: t, w0: h.start, w1: w1, joinedByAnd: h.start > sn.w0 && a.ws[h.start-1].norm == "and"})
		}
	}
	return killedAnimals(a, sn, burnedProperty(a, sn, blockedWithObjects(a, sn, seizedWeapons(a, sn, dropCauses(a, e.refineDelivery(a, dropInstrument(a, dropAccompaniment(a, dropSupport(a, dropTopics(a, out))))))))))
}

// propertyWords are things, not people, that may be set on fire.
var propertyWords = map[string]bool{"house": true, "houses": true, "home": true, "homes": true, "shop": true, "shops": true,
	"building": true, "buildings": true, "vehicle": true, "vehicles": true, "car": true, "cars": true, "truck": true, "trucks": true,
	"bus": true, "buses": true, "office": true, "offices": true, "school": true, "schools": true, "church": true, "churches": true,
	"mosque": true, "mosques": true, "market": true, "stalls": true, "huts": true, "property": true, "properties": true,
	"crops": true, "granaries": true, "motorcycles": true, "motorbikes": true, "tents": true, "structures": true, "warehouse": true}

// propertyDestruction is the reading of property set on fire.
var propertyDestruction = lexicon.Trigger{Phrase: "(property destroyed)", EventType: sitrep.StrategicDevelopment,
	SubEventType: "Looting/property destruction", Plover: "ASSAULT", Cameo: "18", Priority: 50}

// burnedProperty reads "30 houses were set on fire" as property
// destroyed: the passive subject of "set on fire" is a thing, where "a
// woman was set on fire" is an attack on her.
func burnedProperty(a *analysis, sn sentence, ts []trigger) []trigger {
	for i, t := range ts {
		if t.EventType != sitrep.ViolenceAgainstCivs || t.Phrase != "set on fire" || passiveAt(a, sn, t.w0) == "" {
			continue
		}
		for k := t.w0 - 1; k >= sn.w0 && k >= t.w0-8; k-- {
			if a.ws[k].kind == text.Punct {
				break
			}
			if a.is(k, propertyClass) {
				ts[i].Trigger = &propertyDestruction
				break
			}
		}
	}
	return ts
}

// animalWords are livestock: killing them destroys property.
var animalWords = map[string]bool{"cattle": true, "cows": true, "camels": true, "goats": true, "sheep": true, "livestock": true,
	"animals": true, "donkeys": true, "horses": true, "oxen": true, "pigs": true, "herd": true}

// killedAnimals reads a killing whose object is livestock ("killed 25
// head of cattle", "killing eight camels") as property destroyed.
func killedAnimals(a *analysis, sn sentence, ts []trigger) []trigger {
	for i, t := range ts {
		if t.EventType != sitrep.ViolenceAgainstCivs || t.SubEventType != "Attack" || !strings.HasPrefix(t.Phrase, "kill") {
			continue
		}
		if animalsAt(a, sn, t.w1) {
			ts[i].Trigger = &propertyDestruction
		}
	}
	return ts
}

// animalsAt reports livestock named within four words from word j, before
// any punctuation.
func animalsAt(a *analysis, sn sentence, j int) bool {
	for k := j; k < sn.w1 && k <= j+3; k++ {
		if a.ws[k].kind == text.Punct {
			return false
		}
		if a.is(k, animalClass) {
			return true
		}
	}
	return false
}

// causeWords introduce what made people flee: "displaced by fighting",
// "fled following clashes", "displaced due to shelling".
var causeWords = map[string]bool{"by": true, "following": true, "after": true, "amid": true, "due": true, "because": true, "of": true, "from": true}

// dropCauses removes the violence a displacement names as its cause:
// "1,000 civilians were displaced by fighting between the army and
// rebels" reports the displacement, not the fighting, which is told
// elsewhere as its own event.
func dropCauses(a *analysis, ts []trigger) []trigger {
	disp := -1
	for _, t := range ts {
		if t.EventType == sitrep.StrategicDevelopment && (t.Phrase == "displaced" || t.Phrase == "fled" || t.Phrase == "forced to flee") {
			disp = t.w1
			break
		}
	}
	if disp < 0 {
		return ts
	}
	out := ts[:0]
	for _, t := range ts {
		if (t.EventType == sitrep.Battles || t.EventType == sitrep.ExplosionsRemote || t.EventType == sitrep.Riots) && t.w0 >= disp && t.w0 <= disp+6 && causeBefore(a, disp, t.w0) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// causeBefore reports a cause word in words [d, i) with no clause break.
func causeBefore(a *analysis, d, i int) bool {
	for k := d; k < i; k++ {
		n := a.ws[k].norm
		if n == "." || n == ";" || n == "and" || n == "but" {
			return false
		}
		if a.is(k, causeClass) {
			return true
		}
	}
	return false
}

// blockMaterials are what a road block is built of, when it is more than
// people standing in the way: "blocked the road with rocks and burning
// tyres", "used tree stumps to barricade the highway".
var blockMaterials = map[string]bool{"rocks": true, "stones": true, "boulders": true, "sandbags": true, "tyres": true, "tires": true,
	"logs": true, "branches": true, "stumps": true, "trunks": true, "trees": true, "debris": true, "rubble": true, "rubbish": true,
	"garbage": true, "bricks": true, "barrels": true, "bonfires": true, "burning": true}

// violentBlock is the reading of a road block built of such things.
var violentBlock = lexicon.Trigger{Phrase: "(road block with objects)", EventType: sitrep.Riots,
	SubEventType: "Violent demonstration", Plover: "PROTEST", Cameo: "14", Priority: 93}

// blockedWithObjects turns a road block built of rocks, tyres or tree
// trunks into a violent demonstration, as ACLED codes road-blocking with
// barricades: the materials follow the verb after "with" or "using", or
// come before it after "used".
func blockedWithObjects(a *analysis, sn sentence, ts []trigger) []trigger {
	for i, t := range ts {
		if t.EventType != sitrep.Protests || t.Needs != "" {
			continue
		}
		if n := a.ws[t.w0].norm; !strings.HasPrefix(n, "block") && !strings.HasPrefix(n, "barricad") && n != "closed" {
			continue
		}
		if materialsAfter(a, sn, t.w1) || materialsBefore(a, sn, t.w0) {
			ts[i].Trigger = &violentBlock
		}
	}
	return ts
}

// materialsAfter reports "with"/"using" and a block material within the
// words after a road-block verb ending at word j.
func materialsAfter(a *analysis, sn sentence, j int) bool {
	with := -1
	for k := j; k < sn.w1 && k <= j+8; k++ {
		n := a.ws[k].norm
		if with >= 0 && k > with+7 {
			return false
		}
		switch {
		case n == "with" || n == "using":
			with = k
		case with >= 0 && a.is(k, blockMaterialClass):
			return true
		case n == "." || n == ";" || n == "to" || isBoundaryWord(n):
			return false
		}
	}
	return false
}

// materialsBefore reports "used"/"using" and a block material in the
// words before a road-block verb at word i: "used logs and stones to block".
func materialsBefore(a *analysis, sn sentence, i int) bool {
	material := false
	for k := i - 1; k >= sn.w0 && k >= i-8; k-- {
		n := a.ws[k].norm
		switch {
		case a.is(k, blockMaterialClass):
			material = true
		case n == "used" || n == "using":
			return material
		case n == "." || n == ";" || isBoundaryWord(n):
			return false
		}
	}
	return false
}

// cordonWords are places, not property: "sealed off the area" after a
// blast is a cordon, where "sealed off his house" seizes it.
var cordonWords = map[string]bool{"area": true, "scene": true, "site": true, "road": true, "roads": true, "street": true,
	"streets": true, "town": true, "village": true, "city": true, "district": true, "neighbourhood": true, "neighborhood": true,
	"border": true, "borders": true, "entrance": true, "entrances": true, "access": true, "perimeter": true, "region": true}

// sealedArea reports an area as the object of "sealed (off)" ending at
// word j.
func sealedArea(a *analysis, sn sentence, j int) bool {
	for k := j; k < sn.w1 && k <= j+3; k++ {
		if a.is(k, cordonClass) {
			return true
		}
		if a.ws[k].kind == text.Punct {
			break
		}
	}
	return false
}

// seizureWords say that weapons were taken or found, not used.
var seizureWords = map[string]bool{"seized": true, "seize": true, "seizing": true, "seizure": true, "found": true, "recovered": true,
	"recovery": true, "confiscated": true, "confiscation": true, "discovered": true, "unearthed": true, "uncovered": true, "haul": true}

// disruptedWeapons is the reading of a weapon that was seized or found.
var disruptedWeapons = lexicon.Trigger{Phrase: "(seized weapons)", EventType: sitrep.StrategicDevelopment,
	SubEventType: "Disrupted weapons use", Plover: "COERCE", Cameo: "17", Priority: 66}

// seizedWeapons turns a weapon noun that is the object of a seizure
// ("police seized 40 grenades", "artillery shells were found in a
// forest") into disrupted weapons use: nothing exploded.
func seizedWeapons(a *analysis, sn sentence, ts []trigger) []trigger {
	for i, t := range ts {
		if t.EventType != sitrep.ExplosionsRemote || strings.HasSuffix(a.ws[t.w1-1].norm, "ed") {
			continue
		}
		if seizureNear(a, sn, t.w0, t.w1) {
			ts[i].Trigger = &disruptedWeapons
		}
	}
	return ts
}

// seizureNear reports a seizure word up to six words before the weapon
// words [w0, w1), or "were found" right after them.
func seizureNear(a *analysis, sn sentence, w0, w1 int) bool {
	for k := w0 - 1; k >= sn.w0 && k >= w0-6; k-- {
		n := a.ws[k].norm
		if a.is(k, seizureClass) {
			return true
		}
		if n == "." || n == ";" || n == ":" || n == "after" || n == "when" || n == "while" || n == "as" {
			break
		}
	}
	for k := w1; k < sn.w1 && k <= w1+3; k++ {
		if a.is(k, seizureClass) {
			return a.is(k-1, passiveAuxClass) || k == w1
		}
		if a.ws[k].kind == text.Punct {
			break
		}
	}
	return false
}

// accompanimentWords introduce the weapons a fight was fought with:
// "heavy fighting broke out …, with residents reporting artillery fire
// and air strikes", "clashes involving heavy weapons".
var accompanimentWords = map[string]bool{"with": true, "amid": true, "involving": true, "using": true, "including": true}

// dropAccompaniment removes remote-violence triggers that describe how a
// fight named before them in the sentence was fought: ACLED codes a
// battle in which artillery or aircraft were used as an armed clash.
func dropAccompaniment(a *analysis, ts []trigger) []trigger {
	fight := -1
	for _, t := range ts {
		if t.EventType == sitrep.Battles && t.SubEventType == "Armed clash" && t.Needs == "" && t.Priority >= 45 && (fight < 0 || t.w0 < fight) {
			fight = t.w0
		}
	}
	if fight < 0 {
		return ts
	}
	out := ts[:0]
	for _, t := range ts {
		// A verb ("and shelled the village") is another act, not a weapon.
		if t.EventType == sitrep.ExplosionsRemote && t.w0 > fight && !strings.HasSuffix(t.Phrase, "ed") && accompanied(a, fight, t.w0) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// dropInstrument removes "small arms" that names the weapon of an act
// told before it ("fired at villagers with small arms", "attacked an
// army post with small arms"): the act decides the event and its actors.
func dropInstrument(a *analysis, ts []trigger) []trigger {
	first := -1
	for _, t := range ts {
		switch t.EventType {
		case sitrep.ViolenceAgainstCivs, sitrep.Battles, sitrep.ExplosionsRemote:
			if t.Phrase != "small arms" && t.Phrase != "small-arms" && (first < 0 || t.w0 < first) {
				first = t.w0
			}
		}
	}
	if first < 0 {
		return ts
	}
	out := ts[:0]
	for _, t := range ts {
		if (t.Phrase == "small arms" || t.Phrase == "small-arms") && t.w0 > first && t.w0 >= 1 && (a.ws[t.w0-1].norm == "with" || a.ws[t.w0-1].norm == "using") {
			continue
		}
		out = append(out, t)
	}
	return out
}

// accompanied reports an accompaniment word within seven words before
// word i (and after the fight at word f), with no clause break between.
func accompanied(a *analysis, f, i int) bool {
	for k := i - 1; k > f && k >= i-7; k-- {
		n := a.ws[k].norm
		if a.is(k, accompanimentClass) {
			return true
		}
		if n == "." || n == ";" || n == "but" || n == "while" || n == "who" || n == "which" {
			return false
		}
	}
	return false
}

// dropSupport removes triggers that name the support an actor had rather
// than what it did — "supported by coalition air raids, clashed with" is a
// clash — when the sentence has another trigger.
func dropSupport(a *analysis, ts []trigger) []trigger {
	if len(ts) < 2 {
		return ts
	}
	kept := 0
	for _, t := range ts {
		if !supportBefore(a, t.w0) {
			kept++
		}
	}
	if kept == 0 || kept == len(ts) {
		return ts
	}
	out := ts[:0]
	for _, t := range ts {
		if !supportBefore(a, t.w0) {
			out = append(out, t)
		}
	}
	return out
}

func supportBefore(a *analysis, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch a.ws[k].norm {
		case "by":
			if k > 0 {
				switch a.ws[k-1].norm {
				case "supported", "backed", "covered", "assisted", "accompanied", "aided":
					return true
				}
			}
		case "support", "cover":
			if k > 0 && (a.ws[k-1].norm == "with" || a.ws[k-1].norm == "the" || a.ws[k-1].norm == "under" || a.ws[k-1].norm == "air") {
				return true
			}
		case ".", ";", ",":
			return false
		}
	}
	return false
}

// protestBy reports an unconditional protest trigger before word w: an
// arrest makes a protest one with intervention only once the report has
// told of a protest, not when a later sentence mentions protests as
// background ("two journalists were arrested. One had covered protests").
func (e *Engine) protestBy(a *analysis, w int) bool {
	for _, h := range a.trigHits {
		if h.start >= w {
			break
		}
		for _, id := range h.ids {
			if t := &e.lex.Triggers[id]; t.EventType == sitrep.Protests && t.Needs == "" && t.Priority >= 40 {
				return true
			}
		}
	}
	return false
}

// personalAct are intervention words that need a named intervener.
var personalAct = map[string]bool{"arrested": true, "detained": true, "were arrested": true, "detaining": true,
	"arresting": true, "prevented": true, "intervened": true, "assaulted": true}

// stateActorIn reports a state force named in sentence sn.
func (e *Engine) stateActorIn(a *analysis, sn sentence) bool {
	for _, h := range e.actorHits(a, sn) {
		for _, id := range h.ids {
			if t := e.lex.Actors[e.actorOf[id]].Type; t == "state" || t == "external" {
				return true
			}
		}
	}
	return false
}

// accusation reports a trigger that names what someone is accused of,
// not an event: "both sides have been accused of looting and sexual
// violence".
func accusation(a *analysis, sn sentence, i int) bool {
	for k := i - 1; k >= sn.w0+1 && k >= i-4; k-- {
		if a.ws[k].kind == text.Punct {
			return false
		}
		if a.ws[k].norm == "of" {
			switch a.ws[k-1].norm {
			case "accused", "accusations", "allegations", "accusing", "charges", "charged", "convicted", "suspected":
				return true
			}
		}
	}
	return false
}

// issueNouns are what a violent word names as a matter of law or
// public concern when it modifies them: "rape law", "murder case",
// "kidnapping victims", "shooting suspects".
var issueNouns = map[string]bool{"law": true, "laws": true, "bill": true, "legislation": true, "reform": true, "victims": true,
	"survivors": true, "case": true, "cases": true, "charge": true, "charges": true, "trial": true, "allegation": true,
	"allegations": true, "suspect": true, "suspects": true, "convict": true, "convicts": true, "epidemic": true, "culture": true,
	"prevention": true, "awareness": true, "investigation": true, "probe": true, "inquiry": true}

// issueModifier reports a violent trigger that modifies an issue noun
// right after it ending at word j: the sentence speaks of a law, a
// case or victims, not of an act.
func issueModifier(a *analysis, sn sentence, t *lexicon.Trigger, j int) bool {
	// "police shot suspects": a verb takes the noun as its object.
	if j >= sn.w1 || !a.is(j, issueClass) || pastVerb(a.ws[j-1].norm) {
		return false
	}
	switch t.EventType {
	case sitrep.ViolenceAgainstCivs, sitrep.Battles, sitrep.ExplosionsRemote:
		return true
	}
	return false
}

// inCondition reports a trigger inside an "if"/"unless" clause: "if the
// coalition continues its offensive" states a condition, not an event.
func inCondition(a *analysis, sn sentence, i int) bool {
	for k := i - 1; k >= sn.w0 && k >= i-6; k-- {
		switch a.ws[k].norm {
		case "if", "unless":
			return true
		case ",", ";", ":", ".", "\"":
			return false
		}
	}
	return false
}

// inRelativeClause reports a trigger that tells background, not the
// event: "to demand the release of students who were arrested".
func inRelativeClause(a *analysis, sn sentence, i int) bool {
	for k := i - 1; k >= sn.w0 && k >= i-3; k-- {
		switch a.ws[k].norm {
		case "who", "which", "whose", "whom":
			return true
		}
	}
	return false
}

// clauseLicenses reports a trigger of type typ inside the relative
// clause that holds word i, before it: "cadres who were demonstrating
// violently" tell how they demonstrated, while "the release of students
// who were arrested" tells of another event.
func (e *Engine) clauseLicenses(a *analysis, sn sentence, i int, typ uint16) bool {
	rel := -1
	for k := i - 1; k >= sn.w0 && k >= i-3; k-- {
		switch a.ws[k].norm {
		case "who", "which", "whose", "whom":
			rel = k
		}
		if rel >= 0 {
			break
		}
	}
	if rel < 0 {
		return false
	}
	for _, h := range a.trigHits {
		if h.start >= i {
			break
		}
		if h.start <= rel {
			continue
		}
		for _, id := range h.ids {
			if tt := e.trigTypes[id]; tt.unconditional && tt.typ == typ {
				return true
			}
		}
	}
	return false
}

// background reports a trigger that names an earlier event the sentence
// refers to: "protested days after a clash", "detained following riots".
func background(a *analysis, sn sentence, i int) bool {
	for k := i - 1; k >= sn.w0 && k >= i-3; k-- {
		switch a.ws[k].norm {
		case "following", "after", "regarding", "involved", "over", "concerning", "about", "since", "recent":
			return true
		}
	}
	return false
}

// backgroundDoc reports a trigger that only mentions another event as
// context ("in connection with mass protests days earlier"), which must
// not license refinements elsewhere in the document.
func backgroundDoc(a *analysis, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch a.ws[k].norm {
		case "connection", "related", "linked", "following", "after", "since", "regarding":
			return true
		case ".", ";":
			return false
		}
	}
	return false
}

// topicWords introduce what a protest is about.
var topicWords = map[string]bool{"against": true, "oppose": true, "opposing": true, "over": true, "denounce": true,
	"denouncing": true, "condemn": true, "condemning": true, "demand": true, "demanding": true, "justice": true,
	"solidarity": true, "anniversary": true, "commemorate": true, "commemorating": true, "remembrance": true, "protest": true, "protesting": true, "denounced": true, "condemned": true, "about": true, "reading": true}

// dropTopics removes violent triggers that are what a protest in the same
// sentence is about: "women marched to oppose sexual violence" is a
// protest, not sexual violence.
func dropTopics(a *analysis, ts []trigger) []trigger {
	protest := false
	for _, t := range ts {
		if t.EventType == sitrep.Protests && t.Needs == "" && t.Priority >= 45 {
			protest = true
		}
	}
	if !protest {
		return ts
	}
	out := ts[:0]
	for _, t := range ts {
		if t.EventType != sitrep.Protests && topicBefore(a, t.w0) {
			continue
		}
		out = append(out, t)
	}
	return out
}

func topicBefore(a *analysis, i int) bool {
	// "protested against the tariffs and barricaded the road": a verb
	// joined by "and" is the protesters' next act, not more of the topic.
	if i > 0 && a.ws[i-1].norm == "and" && pastVerb(a.ws[i].norm) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if a.is(k, topicClass) && !approximation(a, k) {
			return true
		}
		if a.ws[k].norm == "." || a.ws[k].norm == ";" {
			return false
		}
	}
	return false
}

// pastVerb reports a word that reads as a verb in the past tense.
func pastVerb(w string) bool {
	switch w {
	case "set", "threw", "burnt", "broke", "fought", "beat", "hit", "shot", "stole":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// approximation reports "about" that qualifies a number ("about 30
// people", "about a dozen youths") rather than introducing a topic.
func approximation(a *analysis, k int) bool {
	if a.ws[k].norm != "about" || k+1 >= len(a.ws) {
		return false
	}
	if a.ws[k+1].kind == text.Numeral {
		return true
	}
	for _, n := range a.nums {
		if n.w0 == k+1 {
			return true
		}
	}
	switch a.ws[k+1].norm {
	case "a", "dozen", "dozens", "hundreds", "thousands", "half", "twenty", "fifty", "hundred":
		return true
	}
	return false
}

// documentTypes collects the event types that have an unconditional
// trigger in the document, for triggers that need one ("tear gas" counts
// only where there is a protest), as flags by type index (see trigType).
// It fills types, cleared first, which the caller reuses from document
// to document.
func (e *Engine) documentTypes(a *analysis, types []bool) []bool {
	types = grow(types, e.nTypes)
	clear(types)
	for _, sn := range a.sents {
		a.trigHits, a.trigIDs = e.triggers.scanAppend(a.trigHits, a.trigIDs, a.s, a.ws, a.starts, sn.w0, sn.w1)
	}
	for _, h := range a.trigHits {
		for _, id := range h.ids {
			// The context is read only for a trigger that would add a type.
			if tt := e.trigTypes[id]; tt.unconditional && !types[tt.typ] && !backgroundDoc(a, h.start) {
				types[tt.typ] = true
			}
		}
	}
	return types
}

// sentenceHits returns the trigger hits starting in sentence sn.
// documentTypes finds them sentence after sentence, so they are in word
// order: read sentence after sentence, each sentence's hits start where
// the last one's end, not after a pass over the document's earlier hits.
func (a *analysis) sentenceHits(sn sentence) []hit {
	hs := a.trigHits
	i := a.hitNext
	if i > len(hs) || i > 0 && hs[i-1].start >= sn.w0 { // an earlier sentence: start over
		i = 0
	}
	for i < len(hs) && hs[i].start < sn.w0 {
		i++
	}
	j := i
	for j < len(hs) && hs[j].start < sn.w1 {
		j++
	}
	a.hitNext = j
	return hs[i:j]
}

// trigType is what documentTypes and sentenceTriggers ask of a trigger
// entry, with the event types numbered: a few bytes per trigger, read
// for every trigger found, where the entry itself spans two cache lines
// and the types would be hashed.
type trigType struct {
	typ           uint16 // index of EventType
	needs         uint16 // index of Needs plus one, 0 for none
	unconditional bool   // no Needs, and a priority of 40 or more: the trigger licenses its type
}

// trigTypes numbers the event types the triggers name or need and
// returns the trigType of every trigger, with the number of types.
func trigTypes(ts []lexicon.Trigger) ([]trigType, int) {
	index := map[string]uint16{}
	number := func(typ string) uint16 {
		i, ok := index[typ]
		if !ok {
			i = uint16(len(index))
			index[typ] = i
		}
		return i
	}
	out := make([]trigType, len(ts))
	for i := range ts {
		t := &ts[i]
		out[i] = trigType{typ: number(t.EventType), unconditional: t.Needs == "" && t.Priority >= 40}
		if t.Needs != "" {
			out[i].needs = number(t.Needs) + 1
		}
	}
	return out, len(index)
}

// tier groups priorities into bands. Within the top band present in a
// sentence the earliest trigger wins, because the main verb of a news
// sentence comes first and later event words are usually its targets or
// instruments ("21 strikes ... hitting mortars and IEDs"). Below 50 the
// highest priority wins.
func tier(p int) int {
	switch {
	case p >= 90:
		return 3
	case p >= 70:
		return 2
	case p >= 50:
		return 1
	}
	return 0
}

// best picks the trigger that decides the event type of a cluster. A
// strategic development gives way to a violent act or a protest in the
// same sentence ("exchanged fire with police during an arrest operation"
// is a clash): ACLED codes the violence or the protest.
func best(ts []trigger) int {
	violent := false
	for _, t := range ts {
		if (t.EventType == sitrep.Battles || t.EventType == sitrep.ViolenceAgainstCivs) && t.Priority >= 41 && t.Needs == "" {
			violent = true
		}
		// "relatives of a man who was detained protested": the protest
		// is the event.
		if t.EventType == sitrep.Protests && t.Needs == "" && t.Priority >= 45 {
			violent = true
		}
	}
	bi := bestOf(ts, violent)
	// "locals gathered and beat him": a crowd's gathering that turns on
	// someone is the violence it did, not a protest.
	if bi >= 0 && ts[bi].EventType == sitrep.Protests && ts[bi].Priority <= 45 {
		for i, t := range ts {
			if t.EventType == sitrep.ViolenceAgainstCivs && t.SubEventType == "Attack" && t.Priority >= 38 && t.w0 == ts[bi].w1+1 && t.joinedByAnd {
				return i
			}
		}
	}
	// "shelled and then clashed with", "attacked their posts with RPGs
	// and clashed with": where both sides fight, ACLED codes the clash,
	// whatever weapons were used in it.
	if bi >= 0 && ts[bi].EventType == sitrep.ExplosionsRemote && tier(ts[bi].Priority) <= 2 {
		for i, t := range ts {
			if t.EventType == sitrep.Battles && t.SubEventType == "Armed clash" && t.Needs == "" && t.Priority >= 50 && t.modality == ts[bi].modality && fightVerbs[t.Phrase] {
				return i
			}
		}
	}
	return bi
}

// fightVerbs are the triggers that say two sides fought, as a verb: the
// nouns ("clashes") may name earlier fighting ("a mine left from previous
// clashes").
var fightVerbs = map[string]bool{"clashed": true, "fought": true, "battled": true, "exchanged fire": true, "clashed with police": true,
	"clashed with the police": true, "clashed with security forces": true}

// bestOf picks the deciding trigger by tier and priority, leaving out
// strategic developments when skipDevelopments is set.
func bestOf(ts []trigger, skipDevelopments bool) int {
	bi := -1
	for i, t := range ts {
		if skipDevelopments && t.EventType == sitrep.StrategicDevelopment {
			continue
		}
		if bi < 0 {
			bi = i
			continue
		}
		b := ts[bi]
		switch tt, tb := tier(t.Priority), tier(b.Priority); {
		case tt > tb:
			bi = i
		case tt < tb:
		case tt == 0 && t.Priority > b.Priority:
			bi = i
		case tt == 3 && t.Priority > b.Priority:
			bi = i
		}
	}
	return bi
}

// selfDispersed reports a crowd that dispersed by itself: "riders blocked
// the road for hours but dispersed without incident", "the crowd
// dispersed at noon". Only an object ("police dispersed them") or a
// passive ("were dispersed", "dispersed by police") makes an intervention.
func selfDispersed(a *analysis, sn sentence, i int) bool {
	if i > sn.w0 && a.is(i-1, passiveAuxClass) {
		return false
	}
	if i+1 >= sn.w1 {
		return true
	}
	switch a.ws[i+1].norm {
	case "without", "peacefully", "voluntarily", "calmly", "quietly", "later", "after", "at", "in", "on",
		"before", "when", "once", "shortly", "soon", "around", "following", ".", ",", ";":
		return true
	}
	return false
}

// peopleWords are captives, not territory: "captured 20 soldiers",
// "dozens captured".
var peopleWords = map[string]bool{"soldiers": true, "fighters": true, "militants": true, "troops": true, "prisoners": true,
	"people": true, "civilians": true, "him": true, "them": true, "dozens": true, "hundreds": true, "several": true,
	"officers": true, "policemen": true, "rebels": true, "members": true, "commander": true, "commanders": true,
	"migrants": true, "suspects": true, "smugglers": true}

// capturedPeople reports a capture verb whose object is people ("captured
// 20 soldiers", "killed and dozens captured"): prisoners taken in a fight,
// not a town or base changing hands.
func capturedPeople(a *analysis, sn sentence, i, j int) bool {
	if j-i != 1 || !strings.HasPrefix(a.ws[i].norm, "captur") {
		return false
	}
	// "captured and detained 28 migrants": taken into custody.
	if j+1 < sn.w1 && a.ws[j].norm == "and" {
		switch a.ws[j+1].norm {
		case "detained", "arrested", "jailed", "handcuffed", "interrogated", "questioned", "deported":
			return true
		}
	}
	for k := j; k < sn.w1 && k <= j+2; k++ {
		w := a.ws[k]
		if w.norm == "by" {
			break // "captured by rebels": the agent, not the captives
		}
		if w.kind == text.Numeral || a.is(k, peopleClass) {
			return true
		}
		if w.kind == text.Punct {
			break
		}
	}
	// "dozens captured": people taken; "Rebels captured
	// the town" names who captured, so nouns before the verb do not count.
	if i > sn.w0 {
		switch w := a.ws[i-1]; {
		case w.kind == text.Numeral, w.norm == "dozens", w.norm == "hundreds", w.norm == "several":
			return true
		}
	}
	for _, n := range a.nums {
		if n.w1 == i || n.w0 == j || n.w0 == j+1 {
			return true
		}
	}
	return false
}
