package feed

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// ErrDisallowed is returned for a URL that the site's robots.txt forbids.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// ErrRobotsUnreadable is returned while a site's robots.txt cannot be read
// (a server error or no connection); RFC 9309 says to fetch nothing then.
var ErrRobotsUnreadable = errors.New("robots.txt unreadable")

// robotsTTL is how long a site's rules are trusted before being re-read.
const robotsTTL = 12 * time.Hour

// Robots fetches, caches and applies robots.txt (RFC 9309) for each site.
type Robots struct {
	client *Client
	Agent  string // product token matched against User-agent lines

	mu    sync.Mutex
	sites map[string]*robotsEntry
}

type robotsEntry struct {
	rules   *RobotsRules
	err     error
	expires time.Time
}

// NewRobots returns a cache that fetches robots.txt with c.
func NewRobots(c *Client) *Robots {
	return &Robots{client: c, Agent: "sitrep", sites: map[string]*robotsEntry{}}
}

// Allowed reports whether u may be fetched. A missing robots.txt (any 4xx)
// allows everything; a server error or an unreachable robots.txt returns an
// error, because RFC 9309 says to assume the worst until it can be read.
func (r *Robots) Allowed(ctx context.Context, u *url.URL) (bool, error) {
	if u.Path == "/robots.txt" {
		return true, nil
	}
	site := u.Scheme + "://" + u.Host
	r.mu.Lock()
	e := r.sites[site]
	r.mu.Unlock()
	if e == nil || time.Now().After(e.expires) {
		e = r.fetch(ctx, site)
		r.mu.Lock()
		r.sites[site] = e
		r.mu.Unlock()
	}
	if e.err != nil {
		return false, e.err
	}
	if e.rules.CrawlDelay > 0 && r.client.Hosts != nil {
		r.client.Hosts.SetCrawlDelay(u.Host, e.rules.CrawlDelay)
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.rules.Allowed(path), nil
}

func (r *Robots) fetch(ctx context.Context, site string) *robotsEntry {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, site+"/robots.txt", nil)
	if err != nil {
		return &robotsEntry{err: err, expires: time.Now().Add(time.Minute)}
	}
	c := *r.client
	c.MaxBodyBytes = 500 << 10 // RFC 9309: parse at least 500 KiB
	// Not under the host limit: robots.txt may be read while a redirect
	// holds another host's slot, and waiting there could deadlock two
	// hosts that redirect to each other. It is one request per site a day.
	c.Hosts = nil
	resp, err := c.get(ctx, req, Conditional{})
	var se *StatusError
	switch {
	case err == nil:
		return &robotsEntry{rules: ParseRobots(resp.Body, r.Agent), expires: time.Now().Add(robotsTTL)}
	case errors.As(err, &se) && se.StatusCode >= 400 && se.StatusCode < 500:
		return &robotsEntry{rules: &RobotsRules{}, expires: time.Now().Add(robotsTTL)}
	case errors.Is(err, ErrTooLarge):
		return &robotsEntry{rules: ParseRobots(nil, r.Agent), expires: time.Now().Add(robotsTTL)}
	case ctx.Err() != nil:
		return &robotsEntry{err: ctx.Err()}
	default:
		return &robotsEntry{err: fmt.Errorf("%w, not fetching from the site until it is: %w", ErrRobotsUnreadable, err), expires: time.Now().Add(5 * time.Minute)}
	}
}

// RobotsRules are the rules of one robots.txt group that apply to us.
type RobotsRules struct {
	rules      []robotsRule
	CrawlDelay time.Duration // 0 when not given
}

type robotsRule struct {
	allow   bool
	pattern string
}

// ParseRobots parses robots.txt and keeps the group for agent, or the "*"
// group when none names it. Unknown lines are ignored, as the RFC asks.
func ParseRobots(data []byte, agent string) *RobotsRules {
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  RobotsRules
	}
	var (
		groups  []*group
		cur     *group
		inRules bool // a rule line ends a run of User-agent lines
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if cur == nil || inRules {
				cur = &group{}
				groups = append(groups, cur)
				inRules = false
			}
			cur.agents = append(cur.agents, strings.ToLower(val))
		case "allow", "disallow":
			if cur == nil {
				continue
			}
			inRules = true
			if val == "" {
				continue // "Disallow:" with no path allows everything
			}
			cur.rules.rules = append(cur.rules.rules, robotsRule{allow: key == "allow", pattern: val})
		case "crawl-delay":
			if cur == nil {
				continue
			}
			inRules = true
			var secs float64
			if _, err := fmt.Sscanf(val, "%g", &secs); err == nil && secs > 0 && secs < 3600 {
				cur.rules.CrawlDelay = time.Duration(secs * float64(time.Second))
			}
		}
	}
	var star *group
	for _, g := range groups {
		for _, a := range g.agents {
			if a != "*" && a != "" && strings.Contains(agent, a) {
				return &g.rules
			}
			if a == "*" && star == nil {
				star = g
			}
		}
	}
	if star != nil {
		return &star.rules
	}
	return &RobotsRules{}
}

// Allowed reports whether path (with its query) may be fetched: the longest
// matching rule wins, and Allow wins a tie.
func (r *RobotsRules) Allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		if n := len(rule.pattern); n > best || n == best && rule.allow {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern with '*' wildcards and an
// optional '$' end anchor against the start of path.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, p := range parts[1:] {
		if i == len(parts)-2 && anchored {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return !anchored || rest == ""
}
