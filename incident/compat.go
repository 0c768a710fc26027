package incident

import (
	"strings"

	"github.com/sitrep/sitrep"
)

// typeGroups lists sub-event types that different outlets use for one
// occurrence. Sub-types in one group are compatible with each other.
var typeGroups = [][]string{
	{"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"},
	{"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"},
	{"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
	{"Attack", "Abduction/forced disappearance"},
	{"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
	{"Violent demonstration", "Mob violence"},
}

// compatibleTypes lists event types that outlets use for one occurrence:
// a dispersed protest is a riot to some, an attack on a village is a
// clash to others, and a strike that killed civilians is "an attack on
// civilians" to a third.
var compatibleTypes = map[[2]string]bool{
	{sitrep.Protests, sitrep.Riots}:                       true,
	{sitrep.Battles, sitrep.ViolenceAgainstCivs}:          true,
	{sitrep.ExplosionsRemote, sitrep.ViolenceAgainstCivs}: true,
}

var subTypeGroup = func() map[string]int {
	m := make(map[string]int)
	for i, g := range typeGroups {
		for _, s := range g {
			m[s] = i + 1
		}
	}
	return m
}()

// typeScore says how compatible the types of two events are: 1 for the same
// sub-event type, 0.7 for compatible sub-types, 0.5 for compatible event
// types and 0 for incompatible ones (no link).
func typeScore(a, b *sitrep.Event) float64 {
	if a.EventType == "" || b.EventType == "" {
		return 0
	}
	if a.EventType == b.EventType {
		switch {
		case a.SubEventType == b.SubEventType:
			return 1
		case a.SubEventType == "" || b.SubEventType == "":
			return 0.7
		case subTypeGroup[a.SubEventType] != 0 && subTypeGroup[a.SubEventType] == subTypeGroup[b.SubEventType]:
			return 0.7
		}
		return 0
	}
	if compatibleTypes[[2]string{a.EventType, b.EventType}] || compatibleTypes[[2]string{b.EventType, a.EventType}] {
		return 0.5
	}
	return 0
}

// Actor matches recorded on a Link.
const (
	ActorSame      = "same"      // the same canonical perpetrator, or the same two sides
	ActorShared    = "shared"    // different perpetrators, but a known non-civilian party in common
	ActorUnknown   = "unknown"   // at least one side names no perpetrator
	ActorDifferent = "different" // two different known actors, nothing in common
)

// canonicalActor folds an actor name and drops ACLED's year qualifiers, so
// "Military Forces of Syria (2000-)" and "military forces of Syria" meet.
// A state's military, police and government are one actor ("state of
// syria"): outlets name whichever arm speaks for it.
// Unidentified actors canonicalise to "" (unknown); rioters and protesters
// of one country are one crowd.
func canonicalActor(s string) string {
	if i := strings.IndexByte(s, '('); i >= 0 {
		if j := strings.IndexByte(s[i:], ')'); j >= 0 && strings.ContainsAny(s[i:i+j], "0123456789") {
			s = s[:i] + s[i+j+1:]
		}
	}
	f := fold(s)
	switch {
	case strings.HasPrefix(f, "unidentified") || strings.HasPrefix(f, "unknown"):
		return ""
	case strings.HasPrefix(f, "military forces of "), strings.HasPrefix(f, "police forces of "), strings.HasPrefix(f, "government of "):
		_, country, _ := strings.Cut(f, " of ")
		return "state of " + strings.TrimPrefix(country, "the ")
	case strings.HasPrefix(f, "rioters"):
		// ACLED names a crowd by what it did: the same crowd is
		// "Protesters (Kenya)" to one outlet and "Rioters (Kenya)" to another.
		return "protesters" + f[len("rioters"):]
	}
	return f
}

// actorMatch compares the perpetrators of two events. Roles swapped
// between outlets (A fought B / B fought A) count as the same actors; a
// known party other than civilians on both sides (the militia one outlet
// names as attacker and another as target) counts as shared.
func actorMatch(a, b *sitrep.Event) string {
	return matchActors(canonicalActor(a.Actor1), canonicalActor(a.Actor2), canonicalActor(b.Actor1), canonicalActor(b.Actor2))
}

// matchActors is actorMatch over canonical names.
func matchActors(a1, a2, b1, b2 string) string {
	if a1 == "" || b1 == "" {
		return ActorUnknown
	}
	if a1 == b1 || (a1 == b2 && b1 == a2) {
		return ActorSame
	}
	for _, x := range []string{a1, a2} {
		if x != "" && !strings.HasPrefix(x, "civilians") && (x == b1 || x == b2) {
			return ActorShared
		}
	}
	return ActorDifferent
}

// actorScore weights an actor match for a link's score.
func actorScore(match string) float64 {
	switch match {
	case ActorSame:
		return 1
	case ActorShared:
		return 0.7
	case ActorUnknown:
		return 0.5
	}
	return 0
}
