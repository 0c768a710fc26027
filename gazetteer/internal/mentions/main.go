// Command mentions prints the place mentions the geoparser finds in each
// text read from stdin (one text per line, or the "text" field of JSONL
// documents), with their score and precision: a quick look at why a full
// article gets the wrong place.
//
//	go run ./gazetteer/internal/mentions < testdata/incidents/docs.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

func main() {
	cc := flag.String("country", "", "comma-separated ISO codes for the hint")
	flag.Parse()
	g, err := gazetteer.Default()
	if err != nil {
		log.Fatal(err)
	}
	var hint sitrep.GeoHint
	if *cc != "" {
		hint.CountryCodes = strings.Split(*cc, ",")
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		id, text := fmt.Sprint("line ", n), line
		var d struct{ ID, Title, Text string }
		if strings.HasPrefix(line, "{") && json.Unmarshal([]byte(line), &d) == nil {
			id, text = d.ID, d.Title+"\n\n"+d.Text
		}
		fmt.Println("==", id)
		for _, m := range g.Geoparse(text, hint) {
			p := m.Place
			fmt.Printf("  %-22q %.2f p%d %-6s %s, %s, %s (%.3f %.3f) %s\n", m.Text, m.Score, m.Precision, p.Code, p.Name, p.Admin1, p.Country, p.Lat, p.Lon, m.Modifier)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
}
