package extract

import (
	"strings"

	"github.com/sitrep/sitrep/text"
)

// statementVerbs say that a source spoke. A date governed by one tells when
// the source spoke, which in news is usually a day or more after the event:
// "Police said on Monday that gunmen killed five people" does not date the
// killing to Monday.
var statementVerbs = wordSet(map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "confirmed": true, "confirms": true,
	"announced": true, "announces": true, "reported": true, "stated": true, "added": true,
	"claimed": true, "denied": true, "acknowledged": true, "admitted": true, "disclosed": true,
	"revealed": true, "tweeted": true, "wrote": true, "posted": true, "declared": true,
	"insisted": true, "conceded": true, "noted": true, "warned": true, "disputed": true,
})

// statementGap are the words allowed between a statement verb and its
// date: "said in a statement on Monday", "told reporters late on Monday",
// "said on its Telegram channel on Monday". Capitalised words (told
// Reuters, told AFP) are allowed too.
var statementGap = wordSet(map[string]bool{
	"in": true, "a": true, "an": true, "the": true, "its": true, "their": true, "his": true, "her": true,
	"statement": true, "statements": true, "briefing": true, "press": true, "conference": true,
	"news": true, "interview": true, "reporters": true, "journalists": true, "at": true, "to": true,
	"during": true, "by": true, "phone": true, "telephone": true, "channel": true, "late": true,
	"early": true, "also": true, "later": true, "separately": true, "on": true, "via": true,
	"written": true, "televised": true, "address": true, "speech": true, "post": true,
})

// statementNouns name a statement itself: a date right after one ("in a
// statement on Saturday") dates the statement.
var statementNouns = map[string]bool{"statement": true, "statements": true, "briefing": true, "interview": true,
	"communique": true, "communiqué": true, "announcement": true, "post": true, "tweet": true}

// markStatements flags the date mentions that date a statement rather
// than an event: governed by a statement verb before them ("said on
// Monday", "told Reuters on Tuesday") or followed by one ("police on
// Monday confirmed"). A passive "were reported on Monday" dates the event
// and stays unflagged, as does a sentence-opening "On Friday, …".
func markStatements(a *analysis) {
	for i := range a.dates {
		d := &a.dates[i]
		d.since = d.w0 > 0 && (a.ws[d.w0-1].norm == "since" || strings.HasPrefix(strings.ToLower(d.m.Text), "since "))
		if d.w1 < len(a.ws) && statementVerbs.Has(a.ws[d.w1].norm) {
			d.statement = true
			continue
		}
		if d.w1+1 < len(a.ws) && a.ws[d.w1].norm == "also" && statementVerbs.Has(a.ws[d.w1+1].norm) {
			d.statement = true
			continue
		}
		for k, gap := d.w0-1, 0; k >= 0 && gap <= 5; k, gap = k-1, gap+1 {
			w := a.ws[k]
			// "claimed the bombing in a statement on Saturday"
			if a.is(k, statementNounClass) {
				d.statement = true
				break
			}
			if statementVerbs.Has(w.norm) {
				passive := k > 0 && (a.ws[k-1].norm == "was" || a.ws[k-1].norm == "were" || a.ws[k-1].norm == "been" || a.ws[k-1].norm == "being")
				d.statement = !passive
				break
			}
			if w.kind != text.Word || !statementGap.Has(w.norm) && !capitalised(a.textOf(k)) {
				break
			}
		}
	}
}

func capitalised(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }
