package incident

import (
	"sort"

	"github.com/sitrep/sitrep"
)

// Prepared is a report made ready for linking: names folded, evidence
// split into terms, dates parsed. Preparing is a third of the cost of
// grouping a few hundred reports, and it depends on the report alone, so a
// store that relinks the same neighbourhood again and again can prepare
// each stored report once and keep it. A Prepared is immutable and may be
// shared by Linkers in different goroutines.
type Prepared struct{ n *node }

// Prepare prepares r for linking.
func Prepare(r Report) Prepared { return Prepared{newNode(r)} }

// Report returns the report p was prepared from.
func (p Prepared) Report() Report { return p.n.report }

// AddPrepared is Add for prepared reports: the same checks, the same
// grouping.
func (l *Linker) AddPrepared(ps ...Prepared) error {
	seen := make(map[int64]bool, len(ps))
	for i, p := range ps {
		r := &p.n.report
		id := r.Event.ID
		if id == 0 {
			return sitrep.Errorf(sitrep.EINVALID, "report %d (doc %q): event has no id", i, r.Event.DocID)
		}
		if _, dup := l.byID[id]; dup || seen[id] {
			return sitrep.Errorf(sitrep.EINVALID, "report %d (doc %q): event id %d added twice", i, r.Event.DocID, id)
		}
		seen[id] = true
	}
	for _, p := range ps {
		switch p.n.report.Event.Modality {
		case sitrep.ModalityCumulative:
			l.tally = append(l.tally, p.n.report)
		case sitrep.ModalityPlanned, sitrep.ModalityThreatened:
		default:
			l.add(p.n)
		}
	}
	return nil
}

// IncidentsExcept is Incidents without summarizing the groups known to be
// unchanged: for each group of event ids (ascending, the first is the
// incident id) for which same returns true, only the ids are returned, in
// kept. A store relinking a neighbourhood rewrites only the incidents that
// changed and need not summarize the others.
func (l *Linker) IncidentsExcept(same func(eventIDs []int64) bool) (changed []Incident, kept [][]int64) {
	for _, g := range l.groups() {
		ids := make([]int64, len(g.members))
		for i, n := range g.members {
			ids[i] = n.id
		}
		if same(ids) {
			kept = append(kept, ids)
			continue
		}
		if inc, ok := summarize(g.members, g.links); ok {
			changed = append(changed, inc)
		}
	}
	sort.Slice(changed, func(i, j int) bool { return changed[i].ID < changed[j].ID })
	return changed, kept
}

// Link compares two prepared reports as Compare does.
func (p Prepared) Link(q Prepared) (Link, bool) { return compare(p.n, q.n) }

// Vague reports whether p is a vague report (see the package doc): it
// keeps only its best link, so its links can change when others arrive.
func (p Prepared) Vague() bool { return p.n.vague }
