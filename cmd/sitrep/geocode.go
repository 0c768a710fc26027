package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

func init() {
	register("geocode", "look place names up in the embedded gazetteer", func(stdin io.Reader, stdout, stderr io.Writer) Command {
		return &GeocodeCommand{stdout: stdout, stderr: stderr}
	})
}

// GeocodeCommand prints the gazetteer's candidates for place names, so that
// users can check how sitrep will read a spelling.
type GeocodeCommand struct {
	stdout, stderr io.Writer
}

// Run implements Command.
func (c *GeocodeCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("geocode", "geocode [-json] [-country CC,...] [-n N] NAME...", c.stderr)
	asJSON := fs.Bool("json", false, "print candidates as JSON lines, one object per name")
	countries := fs.String("country", "", "comma-separated ISO alpha-2 codes or country names the text is about, strongest first")
	limit := fs.Int("n", 5, "candidates to show per name (0 for all)")
	// Flags may come after names too ("sitrep geocode Raqqa -json"): parse
	// again after each name.
	var names []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(names) == 0 {
		return &UsageError{Msg: "geocode: give at least one place name"}
	}
	if *limit < 0 {
		return &UsageError{Msg: "geocode: -n must be ≥ 0"}
	}
	var hint sitrep.GeoHint
	for _, cc := range strings.Split(*countries, ",") {
		cc = strings.TrimSpace(cc)
		if cc == "" {
			continue
		}
		if code, ok := gazetteer.CountryCode(cc); ok {
			cc = code
		} else if len(cc) != 2 {
			return &UsageError{Msg: fmt.Sprintf("geocode: unknown country %q in -country", cc)}
		}
		hint.CountryCodes = append(hint.CountryCodes, strings.ToUpper(cc))
	}
	g, err := gazetteer.Default()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	if !*asJSON {
		fmt.Fprintln(tw, "QUERY\tSCORE\tMATCH\tNAME\tADMIN1\tCOUNTRY\tLAT\tLON\tPOPULATION\tFEATURE\tGEONAMEID")
	}
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		cands := g.Lookup(name, hint)
		if *limit > 0 && len(cands) > *limit {
			cands = cands[:*limit]
		}
		if *asJSON {
			if cands == nil {
				cands = []gazetteer.Candidate{}
			}
			b, err := json.Marshal(struct {
				Query      string                `json:"query"`
				Candidates []gazetteer.Candidate `json:"candidates"`
			}{name, cands})
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s\n", b)
			continue
		}
		if len(cands) == 0 {
			fmt.Fprintf(tw, "%s\t-\tnone\t\t\t\t\t\t\t\t\n", name)
		}
		for _, x := range cands {
			p := x.Place
			fmt.Fprintf(tw, "%s\t%.2f\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%s.%s\t%d\n",
				name, x.Score, x.Matched, p.Name, p.Admin1, p.Country, p.Lat, p.Lon, p.Population, p.Class, p.Code, p.ID)
		}
	}
	return tw.Flush()
}
