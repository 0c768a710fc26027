package extract

import (
	"strings"

	"github.com/sitrep/sitrep"
)

// cueHit is a modality cue found in a sentence.
type cueHit struct {
	w0, w1   int
	modality sitrep.Modality
	after    bool
	follows  bool
}

const (
	cueBefore = 8  // words a cue may precede its trigger by
	cueAfter  = 10 // words an "after" cue may follow it by
)

// sentenceCues returns the modality cues of sentence sn. The result lives
// until the next sentence is read.
func (e *Engine) sentenceCues(a *analysis, sn sentence) []cueHit {
	r := a.re
	r.cueHits, r.cueIDs = e.cues.scanAppend(r.cueHits[:0], r.cueIDs[:0], a.s, a.ws, a.starts, sn.w0, sn.w1)
	out := r.cues[:0]
	for _, h := range r.cueHits {
		c := &e.lex.Cues[h.ids[0]]
		out = append(out, cueHit{w0: h.start, w1: h.end, modality: c.Modality, after: c.After, follows: c.Follows})
	}
	r.cues = out
	return out
}

// rank orders modalities: a denial outweighs a threat, a threat a plan, and
// so on; occurred is the default. A switch, not a map: it runs for every
// cue of every trigger.
func rank(m sitrep.Modality) int {
	switch m {
	case sitrep.ModalityDenied:
		return 5
	case sitrep.ModalityThreatened:
		return 4
	case sitrep.ModalityPlanned:
		return 3
	case sitrep.ModalityCumulative:
		return 2
	case sitrep.ModalityReported:
		return 1
	}
	return 0
}

// modalityOf decides the modality of the trigger at words [t0, t1) of
// sentence sn from the cues around it.
func modalityOf(a *analysis, sn sentence, cues []cueHit, t0, t1 int, tally bool) sitrep.Modality {
	m := sitrep.ModalityOccurred
	set := func(x sitrep.Modality) {
		if rank(x) > rank(m) {
			m = x
		}
	}
	dated := datedBefore(a, sn, t0)
	for _, c := range cues {
		switch c.modality {
		case sitrep.ModalityDenied, sitrep.ModalityCumulative, sitrep.ModalityReported:
			set(c.modality)
		default:
			if dated {
				continue // "called for an inquiry into Sunday's drone strike": it happened
			}
			near := !c.follows && c.w1 <= t0 && t0-c.w1 <= cueBefore && !clauseBreak(a, c.w1, t0)
			if c.after && c.w0 >= t1 && c.w0-t1 <= cueAfter {
				near = true
			}
			if near {
				set(c.modality)
			}
		}
	}
	// "If they enter, we will fight them": a conditional promise of force,
	// a "will" shortly before the trigger with an "if" before it. The
	// few words before the trigger are read first: the sentence is read
	// back to its start only after a "will".
	for j := max(sn.w0+1, t0-cueBefore); j < t0; j++ {
		if n := a.ws[j].norm; (n == "will" || n == "would" || n == "'ll") && wordBefore(a, sn.w0, j, "if") {
			set(sitrep.ModalityThreatened)
			break
		}
	}
	if tally {
		set(sitrep.ModalityCumulative)
	}
	return m
}

// wordBefore reports the word n among words [i, j).
func wordBefore(a *analysis, i, j int, n string) bool {
	for k := i; k < j; k++ {
		if a.ws[k].norm == n {
			return true
		}
	}
	return false
}

// clauseBreak reports whether words [i, j) cross a sentence-internal
// boundary that stops a cue reaching its trigger.
func clauseBreak(a *analysis, i, j int) bool {
	for k := i; k < j; k++ {
		switch a.ws[k].norm {
		case ";", ":", "but", "while", "whereas":
			return true
		}
	}
	return false
}

// multiCountryTally reports the headline pattern of a tally: a casualty
// figure "in Iraq, Syria" or "in Iraq and Syria" — a list of countries
// after a locative — cannot be one event, since an event has one place.
func multiCountryTally(a *analysis, sn sentence) bool {
	var names []countryHit
	for _, h := range a.countryHits {
		if h.w0 >= sn.w0 && h.w1 <= sn.w1 && !h.adj {
			names = append(names, h)
		}
	}
	for i := 0; i+1 < len(names); i++ {
		h1, h2 := names[i], names[i+1]
		if h1.weight != 3 || h1.name == h2.name || h2.w0-h1.w1 > 1 {
			continue
		}
		if between := a.ws[h1.w1].norm; h2.w0 == h1.w1 || between == "," || between == "and" {
			return true
		}
	}
	return false
}

// datedBefore reports a possessive date right before the trigger at word
// t0 ("Sunday's drone strike", "last week's attack"): an event named by
// when it happened has happened, whatever is planned about it.
func datedBefore(a *analysis, sn sentence, t0 int) bool {
	for di := range a.dates {
		d := &a.dates[di]
		if d.w1 > t0 || d.w0 < sn.w0 || t0-d.w1 > 2 {
			continue
		}
		end := d.m.End
		if !strings.HasSuffix(a.s[:end], "'s") && !strings.HasSuffix(a.s[:end], "\u2019s") {
			continue
		}
		if d.d.Resolved && a.hasPub && d.d.Start.After(a.pub) {
			return false // "tomorrow's march"
		}
		for k := d.w1; k < t0; k++ {
			switch a.ws[k].norm {
			case "planned", "scheduled", "expected", "proposed", "upcoming", "announced", "threatened":
				return false
			}
		}
		return true
	}
	return false
}
