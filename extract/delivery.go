package extract

import (
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/lexicon"
)

const (
	subIED      = "Remote explosive/landmine/IED"
	subAir      = "Air/drone strike"
	subShelling = "Shelling/artillery/missile attack"
)

// genericBlast reports an IED trigger that only says something exploded
// ("explosions", "a blast", "bombs") and not how it was delivered, as
// "roadside bomb" or "landmine" do. Such words tell the result of a strike
// as often as a planted device.
func genericBlast(t *lexicon.Trigger) bool {
	return t.SubEventType == subIED && t.Priority < 64
}

// launchVerbs after a generic blast word say how the explosive came:
// "bombs fired by the rebels" are shells, "bombs dropped on the village"
// came from the air.
var launchVerbs = map[string]string{
	"fired": subShelling, "lobbed": subShelling, "launched": subShelling, "shot": subShelling,
	"dropped": subAir, "dropping": subAir,
}

// refineDelivery lets the way an explosive was delivered decide the
// sub-type: a generic blast word gives way to an air or artillery trigger
// in the same sentence ("heard explosions as jets struck targets") and
// takes the sub-type of a launch verb right after it ("bombs fired by M23
// fell on Sake"). ACLED codes the method, not the bang.
func (e *Engine) refineDelivery(a *analysis, ts []trigger) []trigger {
	delivered := false
	for _, t := range ts {
		if (t.SubEventType == subAir || t.SubEventType == subShelling) && t.Priority >= 50 && t.Needs == "" {
			delivered = true
		}
	}
	out := ts[:0]
	for _, t := range ts {
		if !genericBlast(t.Trigger) {
			out = append(out, t)
			continue
		}
		if delivered {
			continue
		}
		for k := t.w1; k < len(a.ws) && k <= t.w1+1; k++ {
			if sub, ok := launchVerbs[a.ws[k].norm]; ok {
				if rt := e.methodTrigger[sub]; rt != nil {
					t.Trigger = rt
				}
				break
			}
		}
		out = append(out, t)
	}
	return out
}

// methodTriggers finds the lexicon entries that stand for each delivery
// method, so a refined trigger keeps pointing into the lexicon.
func methodTriggers(lex *lexicon.Lexicon) map[string]*lexicon.Trigger {
	want := map[string]string{subShelling: "shelling", subAir: "air strike"}
	out := map[string]*lexicon.Trigger{}
	for i := range lex.Triggers {
		t := &lex.Triggers[i]
		if p, ok := want[t.SubEventType]; ok && t.Phrase == p && t.EventType == sitrep.ExplosionsRemote {
			out[t.SubEventType] = t
		}
	}
	return out
}
