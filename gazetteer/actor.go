package gazetteer

import "strings"

// actorVote scales the country evidence of a country named as an actor or
// a sponsor: "The U.S. military said" and "Iran-backed militias" are
// reported from Iraq and Syria far more often than from the United States
// or Iran, and at full weight such a name tips homonyms (and the score of
// the real town) toward the actor's country.
const actorVote = 0.1

// sponsorAfter are words after a country's name that make it a sponsor:
// "Iran-backed", "US-led", "Saudi-funded".
var sponsorAfter = map[string]bool{"led": true, "backed": true, "sponsored": true, "funded": true, "supported": true,
	"trained": true, "armed": true, "allied": true, "aligned": true, "brokered": true, "made": true}

// actorAfter are words after a country written in initials that make it
// the actor: "U.S. military", "UK officials", "US jets".
var actorAfter = map[string]bool{"military": true, "officials": true, "official": true, "forces": true, "troops": true,
	"jets": true, "army": true, "navy": true, "embassy": true, "government": true, "ambassador": true, "envoy": true,
	"president": true, "command": true, "drones": true, "drone": true, "aircraft": true, "warplanes": true, "soldiers": true,
	"diplomats": true, "defense": true, "defence": true, "administration": true, "central": true, "special": true,
	"air": true, "marines": true, "personnel": true, "advisers": true, "advisors": true, "strikes": true, "strike": true}

// actor reports a country's name that says who acts rather than where: a
// sponsor ("Iran-backed") or a country in initials before an actor noun
// ("U.S. Central Command"). "In the US", "into Iran" are places.
func actor(d *doc, m *rawMention) bool {
	text, toks := d.text, d.toks
	if m.t1 >= len(toks) || m.strong {
		return false
	}
	// "U.S. military": the tokenizer keeps the final dot of initials out
	// of the token and breaks there.
	if gap := strings.TrimSpace(text[toks[m.t1-1].end:toks[m.t1].start]); !toks[m.t1-1].joined && gap != "." {
		return false
	}
	if d.is(m.t1, wSponsor) {
		return true
	}
	return m.t1-m.t0 == 1 && d.is(m.t1, wActor) && allUpper(text[toks[m.t0].start:toks[m.t0].end])
}
