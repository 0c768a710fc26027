package incident

import (
	"fmt"
	"sort"
)

// Linker groups events into incidents incrementally. Each added event is
// compared only with events of the same country whose date windows touch
// its own (a country × day index), so adding n events costs O(n·k) for k
// events per country and day, not O(n²).
//
// The grouping is deterministic: whatever order events are added in, and
// whether they come in one batch or many, Incidents returns the same
// incidents (see the package doc for why). A Linker is not safe for
// concurrent use.
type Linker struct {
	nodes  []*node
	byID   map[int64]int
	parent []int   // union-find over links between precise events
	best   []*edge // per vague node, its single best link
	strong []Link  // links between precise events
	index  map[dayKey][]int32
	stamp  []uint32 // per node, the query that last visited it
	query  uint32
	tally  []Report
}

type dayKey struct {
	country string
	day     int
}

type edge struct {
	other int
	link  Link
}

// NewLinker returns an empty Linker.
func NewLinker() *Linker {
	return &Linker{byID: make(map[int64]int), index: make(map[dayKey][]int32)}
}

// Group links reports into incidents in one batch, as a new Linker given
// all of them would.
func Group(reports []Report) ([]Incident, error) {
	l := NewLinker()
	if err := l.Add(reports...); err != nil {
		return nil, err
	}
	return l.Incidents(), nil
}

// Add links new reports with those already added. Cumulative reports go to
// the tallies; planned and threatened ones are ignored. It returns an
// EINVALID error, and adds nothing, if a report has no event id or repeats
// one already added.
func (l *Linker) Add(reports ...Report) error {
	ps := make([]Prepared, len(reports))
	for i := range reports {
		ps[i] = Prepare(reports[i])
	}
	return l.AddPrepared(ps...)
}

// Len returns the number of events the linker groups.
func (l *Linker) Len() int { return len(l.nodes) }

func (l *Linker) add(n *node) {
	i := len(l.nodes)
	l.nodes = append(l.nodes, n)
	l.byID[n.id] = i
	l.parent = append(l.parent, i)
	l.best = append(l.best, nil)
	l.stamp = append(l.stamp, 0)
	if !n.dated || n.country == "" {
		return // never linkable: see the package doc
	}
	l.query++
	for d := n.from - 1; d <= n.to+1; d++ {
		for _, j := range l.index[dayKey{n.country, d}] {
			if l.stamp[j] == l.query {
				continue
			}
			l.stamp[j] = l.query
			l.consider(i, int(j))
		}
	}
	for d := n.from; d <= n.to; d++ {
		k := dayKey{n.country, d}
		l.index[k] = append(l.index[k], int32(i))
	}
}

func (l *Linker) consider(i, j int) {
	a, b := l.nodes[i], l.nodes[j]
	if a.denial && b.denial {
		return
	}
	link, ok := compare(a, b)
	if !ok {
		return
	}
	if !a.vague && !b.vague {
		l.strong = append(l.strong, link)
		l.union(i, j)
		return
	}
	if a.vague {
		l.offer(i, j, link)
	}
	if b.vague {
		l.offer(j, i, link)
	}
}

// offer makes link node i's best if it beats the current one: higher
// score, ties to the smaller event id, so the result is order-free.
func (l *Linker) offer(i, other int, link Link) {
	cur := l.best[i]
	if cur == nil || link.Score > cur.link.Score ||
		(link.Score == cur.link.Score && l.nodes[other].id < l.nodes[cur.other].id) {
		l.best[i] = &edge{other: other, link: link}
	}
}

func find(parent []int, i int) int {
	for parent[i] != i {
		parent[i] = parent[parent[i]]
		i = parent[i]
	}
	return i
}

func (l *Linker) union(i, j int) {
	ri, rj := find(l.parent, i), find(l.parent, j)
	if ri != rj {
		l.parent[max(ri, rj)] = min(ri, rj)
	}
}

// Incidents returns the incidents of all events added so far, ordered by
// ID. Incidents made only of denials are left out.
func (l *Linker) Incidents() []Incident {
	var out []Incident
	for _, g := range l.groups() {
		if inc, ok := summarize(g.members, g.links); ok {
			out = append(out, inc)
		}
	}
	if out == nil {
		out = []Incident{}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// group is the members (ascending by id) and links of one incident.
type group struct {
	members []*node
	links   []Link
}

// groups returns the connected components of the links, with each vague
// event joined through its best link.
func (l *Linker) groups() []group {
	parent := append([]int(nil), l.parent...)
	for i, e := range l.best {
		if e != nil {
			ri, rj := find(parent, i), find(parent, e.other)
			if ri != rj {
				parent[max(ri, rj)] = min(ri, rj)
			}
		}
	}
	members := make(map[int][]*node)
	links := make(map[int][]Link)
	for i, n := range l.nodes {
		r := find(parent, i)
		members[r] = append(members[r], n)
		if e := l.best[i]; e != nil {
			links[r] = append(links[r], e.link)
		}
	}
	for _, s := range l.strong {
		r := find(parent, l.byID[s.From])
		links[r] = append(links[r], s)
	}
	out := make([]group, 0, len(members))
	for r, ms := range members {
		sort.Slice(ms, func(i, j int) bool { return ms[i].id < ms[j].id })
		out = append(out, group{ms, links[r]})
	}
	return out
}

// Groups maps every linked event id to its incident id.
func (l *Linker) Groups() map[int64]int64 {
	g := make(map[int64]int64, len(l.nodes))
	for _, inc := range l.Incidents() {
		for _, id := range inc.EventIDs {
			g[id] = inc.ID
		}
	}
	return g
}

// Tallies returns the cumulative tallies added so far as time series.
func (l *Linker) Tallies() []TallySeries { return Tallies(l.tally) }

// String describes the linker for debugging.
func (l *Linker) String() string {
	return fmt.Sprintf("incident.Linker{events: %d, links: %d}", len(l.nodes), len(l.strong))
}
