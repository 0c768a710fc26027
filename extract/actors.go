package extract

import (
	"sort"
	"strings"

	"github.com/sitrep/sitrep/text"

	"github.com/sitrep/sitrep/lexicon"
)

// mention is an actor named in a sentence.
type mention struct {
	actor  *lexicon.Actor
	w0, w1 int
	role   role
	prefix string // a place or people the generic name is qualified by: "Kaduna" Communal Militia
	name   string // a group the lexicon does not know, named as written
}

type role uint8

const (
	principal role = iota // can be actor1 or actor2
	sponsor               // "US-backed", "Iran-backed": an associate, not the actor
	source                // "X said": who reports, not who acts
)

var sponsorWords = map[string]bool{"backed": true, "led": true, "supported": true, "allied": true, "affiliated": true, "linked": true, "aligned": true, "sponsored": true, "funded": true, "trained": true, "armed": true}

// reportWordList are the verbs of attribution (reportClass).
var reportWordList = map[string]bool{"said": true, "says": true, "told": true, "reported": true, "claimed": true, "stated": true, "announced": true, "added": true, "confirmed": true, "alleged": true, "accused": true, "urged": true, "warned": true}

var formerWords = map[string]bool{"former": true, "off-duty": true, "retired": true, "ex": true, "duty": true, "demobilized": true, "demobilised": true}

// formerBefore reports "former", "off-duty" or "retired" up to three
// words before w: "the former municipal president".
func formerBefore(a *analysis, sn sentence, w int) bool {
	reach := w - 3
	for k := w - 1; k >= sn.w0 && k >= reach; k-- {
		if a.is(k, formerClass) {
			return true
		}
		// "a former member of the Afghan police": the group's members.
		if n := a.ws[k].norm; (n == "member" || n == "members") && k+1 < w && a.ws[k+1].norm == "of" {
			reach = k - 2
		}
		if a.ws[k].kind == text.Punct && a.ws[k].norm != "-" {
			return false
		}
	}
	return false
}

// sentenceActors finds the actors named in sentence sn. Among several
// entries for one alias it prefers one tied to the event's country, then
// one with no country, then the generic "*" one, then another country's;
// ties go to the later entry. The result lives until the next call.
func (e *Engine) sentenceActors(a *analysis, sn sentence, country string) []mention {
	out := a.re.mentions[:0]
	defer func() { a.re.mentions = out }()
	dateline := datelineEnd(a, sn)
	for _, h := range e.actorHits(a, sn) {
		if h.end <= dateline {
			continue // "KHARKIV, Ukraine —" says where the reporter is, not who acts
		}
		var pick *lexicon.Actor
		score := -1
		for _, id := range h.ids {
			act := &e.lex.Actors[e.actorOf[id]]
			s := 0 // another country's entry ("army" of Congo in a Ugandan story) comes last
			switch act.Country {
			case country:
				s = 3
			case "":
				s = 2
			case "*":
				s = 1
			}
			// Ties go to the later entry: specific actors follow the
			// templates in actors.txt, and a user's files come last.
			if s >= score {
				pick, score = act, s
			}
		}
		// "a former police officer", "an off-duty soldier": no longer armed.
		if formerBefore(a, sn, h.start) && pick.Type != "civilians" {
			if civ := e.generic["Civilians"]; civ != nil {
				pick = civ
			}
		}
		// "JNIM militants", "IS fighters": a generic noun after a named
		// group is that group.
		if n := len(out); n > 0 && out[n-1].w1 == h.start && pick.Country == "*" && out[n-1].actor.Country != "*" {
			out[n-1].w1 = h.end
			continue
		}
		// "The Arakan Army, an ethnic armed group, said …": a generic
		// noun in apposition is the group named before it.
		if n := len(out); n > 0 && pick.Country == "*" && apposition(a, sn, out[n-1].w1, h.start, h.end) {
			if p := &out[n-1]; p.role != sponsor && isSourceAt(a, sn, p.w0, h.end+1) && !selfReport(a, sn, h.end+1) {
				p.role = source
			}
			continue
		}
		m := mention{actor: pick, w0: h.start, w1: h.end}
		// "Kaduna militiamen": a communal militia is named after its place
		// or people.
		if pick.Type == "identity" && pick.Country == "*" && h.start > sn.w0+1 && a.ws[h.start-1].kind == text.Word && isCapital(a.textOf(h.start-1)) {
			m.prefix = a.textOf(h.start - 1)
			m.w0--
		}
		if h.end < sn.w1 && a.is(h.end, sponsorClass) {
			m.role = sponsor
		}
		if supported(a, sn, h.start) {
			m.role = sponsor
		}
		if isSourceAt(a, sn, h.start, h.end) && !selfReport(a, sn, h.end) {
			m.role = source
		}
		out = append(out, m)
	}
	return out
}

// supported reports whether the mention at word i is who an action
// supports ("in support of the Iraqi security forces"), an associate of
// the actor rather than its opponent.
func supported(a *analysis, sn sentence, i int) bool {
	for k := i - 1; k >= sn.w0 && k >= i-3; k-- {
		switch a.ws[k].norm {
		case "support", "supporting", "alongside", "backing", "help", "assisting":
			return true
		}
	}
	return false
}

// isSourceAt reports whether the mention at [i, j) is who says something:
// "X said", "X officials told", "according to X".
func isSourceAt(a *analysis, sn sentence, i, j int) bool {
	for k := j; k < sn.w1 && k <= j+2; k++ {
		if a.is(k, reportClass) {
			return true
		}
	}
	if i-2 >= sn.w0 && a.ws[i-2].norm == "according" && a.ws[i-1].norm == "to" {
		return true
	}
	return i-3 >= sn.w0 && a.ws[i-3].norm == "according" && a.ws[i-2].norm == "to"
}

// accordingWord starts "according to X", the clearest attribution.
var accordingWord = map[string]bool{"according": true}

// reporter returns who a sentence attributes its content to: the words
// after "according to", else those before (or after) the first
// "said"/"told". One pass over the sentence testing each word's class
// bits: the string tests run only at the rare attribution words.
func reporter(a *analysis, sn sentence) string {
	ws := a.ws
	rep, found := "", false
	for k := sn.w0; k < sn.w1; k++ {
		c := a.classes[ws[k].id]
		if c&(accordingClass|reportClass) == 0 {
			continue
		}
		if c&accordingClass != 0 {
			if s, ok := accordingTo(a, sn, k); ok {
				return s
			}
			continue
		}
		if !found {
			rep, found = reportedBy(a, sn, k)
		}
	}
	return rep
}

// accordingTo returns X of "according to X" at word k, if it names one.
func accordingTo(a *analysis, sn sentence, k int) (string, bool) {
	ws := a.ws
	if k+1 >= sn.w1 || ws[k+1].norm != "to" {
		return "", false
	}
	j := k + 2
	for j < sn.w1 && j < k+8 && ws[j].kind != text.Punct && ws[j].norm != "," {
		j++
	}
	if j > k+2 {
		return a.s[ws[k+2].start:ws[j-1].end], true
	}
	return "", false
}

// reportedBy returns the source of the report word at word k: "X said"
// (up to four words back to a boundary) or "…, said Talal Silo".
func reportedBy(a *analysis, sn sentence, k int) (string, bool) {
	ws := a.ws
	if k+1 < sn.w1 && ws[k+1].norm == "by" { // "attacks claimed by the group": passive, not a source
		return "", false
	}
	if n := ws[k].norm; n == "warned" || n == "urged" || n == "accused" {
		return "", false
	}
	i := k
	for i > sn.w0 && k-i < 4 {
		p := &ws[i-1]
		if p.kind == text.Punct || isFunctionWord(p.norm) {
			break
		}
		i--
	}
	if i < k {
		return a.s[ws[i].start:ws[k-1].end], true
	}
	j := k + 1
	for j < sn.w1 && j < k+4 && ws[j].kind != text.Punct && isCapital(a.textOf(j)) {
		j++
	}
	if j > k+1 {
		return a.s[ws[k+1].start:ws[j-1].end], true
	}
	return "", false
}

func isCapital(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func isFunctionWord(n string) bool {
	switch n {
	case "the", "a", "an", "that", "and", "but", "which", "this", "we", "our", "to", "for", "with", "as", "is",
		"was", "were", "also", "has", "have", "had", "in", "on", "of", "who", "he", "she", "it", "they":
		return true
	}
	return false
}

// countryNames spells out the name of every actor with a "{country}" in
// it for every country of the lexicon and for none, as actorName does:
// names are read for every event, and a lookup by actor and country
// spares building the same string again and again.
func countryNames(lex *lexicon.Lexicon) map[*lexicon.Actor]map[string]string {
	names := map[*lexicon.Actor]map[string]string{}
	for i := range lex.Actors {
		act := &lex.Actors[i]
		if !strings.Contains(act.Name, "{country}") {
			continue
		}
		byCountry := map[string]string{"": actorName(act, "")}
		for _, c := range lex.Countries {
			byCountry[c.Name] = actorName(act, c.Name)
		}
		names[act] = byCountry
	}
	return names
}

// actorName is the package function actorName, looked up in e.names
// when it has the name.
func (e *Engine) actorName(act *lexicon.Actor, country string) string {
	if strings.IndexByte(act.Name, '{') < 0 {
		return act.Name // no template: most actors, found without hashing
	}
	if byCountry, ok := e.names[act]; ok {
		if n, ok := byCountry[country]; ok {
			return n
		}
	}
	return actorName(act, country)
}

// actorName fills the "{country}" of a generic actor name, or drops it
// when the country is unknown.
func actorName(act *lexicon.Actor, country string) string {
	c := act.Country
	if c == "*" || c == "" {
		c = country
	}
	if !strings.Contains(act.Name, "{country}") {
		return act.Name
	}
	if c == "" {
		n := strings.ReplaceAll(act.Name, " ({country})", "")
		n = strings.ReplaceAll(n, " of {country}", "")
		return strings.ReplaceAll(n, "{country}", "")
	}
	return strings.ReplaceAll(act.Name, "{country}", c)
}

// interOf is the actor's ACLED category in an event in country: state
// forces outside their own country are external forces (8); an external
// force acting at home is a state force (1).
func interOf(act *lexicon.Actor, country string) int {
	if act.Country == "" || act.Country == "*" || country == "" {
		return act.Inter
	}
	switch act.Type {
	case "state", "external":
		if act.Country == country {
			return 1
		}
		return 8
	}
	return act.Inter
}

func isArmed(act *lexicon.Actor) bool {
	switch act.Type {
	case "state", "rebel", "militia", "identity", "external":
		return true
	}
	return false
}

// selfReport reports a source that tells of its own act: "The Arakan
// Army said on Tuesday it had overrun a junta outpost", "police said they
// arrested 12 people". The report verb after the mention ending at j is
// followed, past a date and "that", by "it"/"they" and, within five
// words, by an event word: the source is the actor.
func selfReport(a *analysis, sn sentence, j int) bool {
	k := j
	for k < sn.w1 && k <= j+2 && !a.is(k, reportClass) {
		k++
	}
	if k >= sn.w1 || !a.is(k, reportClass) {
		return false
	}
	p := k + 1
	for p < sn.w1 && (dateWord(a, p) || a.ws[p].norm == "that" || a.ws[p].norm == "on") {
		p++
	}
	if p >= sn.w1 {
		return false
	}
	switch a.ws[p].norm {
	case "it", "they", "its", "their":
	default:
		return false
	}
	i := sort.Search(len(a.trigHits), func(i int) bool { return a.trigHits[i].start > p })
	return i < len(a.trigHits) && a.trigHits[i].start <= p+5
}

// apposition reports a noun phrase [i, j) set off by commas right after a
// mention ending at word p: "Arakan Army, an ethnic armed group, said".
func apposition(a *analysis, sn sentence, p, i, j int) bool {
	if p+1 >= sn.w1 || a.ws[p].norm != "," || i-p > 4 || j >= sn.w1 || a.ws[j].norm != "," {
		return false
	}
	if n := a.ws[p+1].norm; n != "a" && n != "an" && n != "the" {
		return false
	}
	for k := p + 1; k < i; k++ {
		if a.ws[k].kind != text.Word || a.is(k, reportClass) {
			return false
		}
	}
	return true
}

// actorHits returns the actor phrases of sentence sn, scanning it only
// when it is not the sentence scanned last.
func (e *Engine) actorHits(a *analysis, sn sentence) []hit {
	c := &a.actorCache
	if !c.ok || c.w0 != sn.w0 || c.w1 != sn.w1 {
		c.hits, c.ids = e.actors.scanAppend(c.hits[:0], c.ids[:0], a.s, a.ws, a.starts, sn.w0, sn.w1)
		c.w0, c.w1, c.ok = sn.w0, sn.w1, true
	}
	return c.hits
}

// datelineEnd returns the index of the dash that closes a wire dateline
// opening sentence sn ("KHARKIV, Ukraine —", "GUSAU, Nigeria (Example
// Wire) —"), or -1: a dateline starts with a name in capitals.
func datelineEnd(a *analysis, sn sentence) int {
	if sn.w1-sn.w0 < 3 {
		return -1
	}
	first := a.textOf(sn.w0)
	if len(first) < 3 || strings.ToUpper(first) != first || !isCapital(first) {
		return -1
	}
	for k := sn.w0 + 1; k < sn.w1 && k <= sn.w0+10; k++ {
		switch a.textOf(k) {
		case "\u2014", "\u2013", "--":
			return k
		}
	}
	return -1
}
