package lexicon

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
)

// Country is a country under ACLED's spelling, with the other names and
// nationality adjectives that point to it in news text.
type Country struct {
	Name       string   // ACLED spelling, e.g. "Democratic Republic of Congo"
	Names      []string // other names: "DRC", "DR Congo"
	Adjectives []string // "Congolese"
}

// Actor is a named armed, political or social group. Name may contain
// "{country}", filled from the actor's country, or from the event's country
// when Country is "*".
type Actor struct {
	Name    string
	Inter   int    // ACLED actor category 1..8
	Type    string // state, rebel, militia, identity, rioters, protesters, civilians, external, other
	Country string // ACLED country name, "" for none, "*" for the country the event happens in
	Aliases []string
	File    string
	Line    int
}

// Trigger maps a phrase to an event class. Phrases are matched on folded
// tokens; a token ending in "*" matches any token with that prefix and a
// "..." token skips one to six tokens.
type Trigger struct {
	Phrase       string
	EventType    string
	SubEventType string
	Plover       string
	Cameo        string
	Priority     int    // higher wins when a sentence has several triggers
	Needs        string // an event type that must be present in the document for the trigger to apply
	File         string
	Line         int
}

// Cue is a phrase that changes an event's modality, e.g. "imminent" →
// planned.
type Cue struct {
	Phrase   string
	Modality sitrep.Modality
	After    bool // the cue may also follow the trigger ("is imminent")
	Follows  bool // the cue only follows the trigger ("bomb threat")
	File     string
	Line     int
}

// CasualtyWord is a word that reports deaths or injuries.
type CasualtyWord struct {
	Word string
	Kind string // "killed" or "injured"
	File string
	Line int
}

func needFields(ln Line, file string, min int, layout string) error {
	if len(ln.Fields) < min {
		return &ParseError{File: file, Line: ln.Num, Msg: fmt.Sprintf("want %d fields (%s), got %d", min, layout, len(ln.Fields))}
	}
	return nil
}

func (l *Lexicon) addCountries(lines []Line, file string) error {
	const layout = "name | other names | adjectives"
	for _, ln := range lines {
		if err := needFields(ln, file, 1, layout); err != nil {
			return err
		}
		c := Country{Name: ln.Fields[0]}
		if len(ln.Fields) > 1 {
			c.Names = splitList(ln.Fields[1])
		}
		if len(ln.Fields) > 2 {
			c.Adjectives = splitList(ln.Fields[2])
		}
		l.Countries = append(l.Countries, c)
	}
	return nil
}

// addActors reads actors, expanding template lines — those whose aliases use
// {adj} or {country} — once per known country.
func (l *Lexicon) addActors(lines []Line, file string) error {
	const layout = "name | inter | type | country | aliases"
	for _, ln := range lines {
		if err := needFields(ln, file, 5, layout); err != nil {
			return err
		}
		inter, err := strconv.Atoi(ln.Fields[1])
		if err != nil || inter < 0 || inter > 8 {
			return &ParseError{File: file, Line: ln.Num, Msg: fmt.Sprintf("inter %q: want an ACLED actor category 0..8", ln.Fields[1])}
		}
		a := Actor{Name: ln.Fields[0], Inter: inter, Type: ln.Fields[2], Country: ln.Fields[3], Aliases: splitList(ln.Fields[4]), File: file, Line: ln.Num}
		if len(a.Aliases) == 0 {
			return &ParseError{File: file, Line: ln.Num, Msg: "actor has no aliases"}
		}
		if !isTemplate(ln.Fields[4]) {
			l.Actors = append(l.Actors, a)
			continue
		}
		for _, c := range l.Countries {
			e := a
			e.Country = c.Name
			e.Name = strings.ReplaceAll(a.Name, "{country}", c.Name)
			e.Aliases = expand(a.Aliases, c)
			if len(e.Aliases) > 0 {
				l.Actors = append(l.Actors, e)
			}
		}
	}
	return nil
}

func isTemplate(s string) bool {
	return strings.Contains(s, "{adj}") || strings.Contains(s, "{country}")
}

// expand fills {adj} and {country} with every adjective and name of c.
func expand(aliases []string, c Country) []string {
	var out []string
	names := append([]string{c.Name}, c.Names...)
	for _, a := range aliases {
		switch {
		case strings.Contains(a, "{adj}"):
			for _, adj := range c.Adjectives {
				out = append(out, strings.ReplaceAll(a, "{adj}", adj))
			}
		case strings.Contains(a, "{country}"):
			for _, n := range names {
				out = append(out, strings.ReplaceAll(a, "{country}", n))
			}
		default:
			out = append(out, a)
		}
	}
	return out
}

func (l *Lexicon) addTriggers(lines []Line, file string) error {
	const layout = "phrase | event type | sub-event type | PLOVER | CAMEO | priority [| needs]"
	for _, ln := range lines {
		if err := needFields(ln, file, 6, layout); err != nil {
			return err
		}
		f := ln.Fields
		if got := sitrep.EventTypeOf(f[2]); got == "" || got != f[1] {
			return &ParseError{File: file, Line: ln.Num, Msg: fmt.Sprintf("%q is not an ACLED sub-event type of %q", f[2], f[1])}
		}
		prio, err := strconv.Atoi(f[5])
		if err != nil {
			return &ParseError{File: file, Line: ln.Num, Msg: fmt.Sprintf("priority %q is not an integer", f[5])}
		}
		t := Trigger{Phrase: f[0], EventType: f[1], SubEventType: f[2], Plover: f[3], Cameo: f[4], Priority: prio, File: file, Line: ln.Num}
		if len(f) > 6 {
			t.Needs = f[6]
			if _, ok := sitrep.SubEventTypes[t.Needs]; !ok {
				return &ParseError{File: file, Line: ln.Num, Msg: fmt.Sprintf("needs %q is not an ACLED event type", t.Needs)}
			}
		}
		l.Triggers = append(l.Triggers, t)
	}
	return nil
}

func (l *Lexicon) addCues(lines []Line, file string) error {
	const layout = "phrase | modality"
	for _, ln := range lines {
		if err := needFields(ln, file, 2, layout); err != nil {
			return err
		}
		m := sitrep.Modality(ln.Fields[1])
		switch m {
		case sitrep.ModalityPlanned, sitrep.ModalityThreatened, sitrep.ModalityDenied, sitrep.ModalityCumulative, sitrep.ModalityReported, sitrep.ModalityOccurred:
		default:
			return &ParseError{File: file, Line: ln.Num, Msg: fmt.Sprintf("modality %q: want planned, threatened, denied, cumulative, reported or occurred", ln.Fields[1])}
		}
		var after, follows bool
		if len(ln.Fields) > 2 {
			switch ln.Fields[2] {
			case "after":
				after = true
			case "follows":
				after, follows = true, true
			default:
				return &ParseError{File: file, Line: ln.Num, Msg: fmt.Sprintf("position %q: want after or follows", ln.Fields[2])}
			}
		}
		l.Cues = append(l.Cues, Cue{Phrase: ln.Fields[0], Modality: m, After: after, Follows: follows, File: file, Line: ln.Num})
	}
	return nil
}

func (l *Lexicon) addCasualties(lines []Line, file string) error {
	const layout = "word | killed or injured"
	for _, ln := range lines {
		if err := needFields(ln, file, 2, layout); err != nil {
			return err
		}
		k := ln.Fields[1]
		if k != "killed" && k != "injured" {
			return &ParseError{File: file, Line: ln.Num, Msg: fmt.Sprintf("kind %q: want killed or injured", k)}
		}
		l.Casualties = append(l.Casualties, CasualtyWord{Word: ln.Fields[0], Kind: k, File: file, Line: ln.Num})
	}
	return nil
}
