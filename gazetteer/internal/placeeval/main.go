// Command placeeval scores the location fields of the extraction engine
// with the embedded gazetteer on ACLED gold notes, as `sitrep eval` does,
// without building the whole binary: a quick before/after check for a
// change to the gazetteer or to the engine's place choice.
//
//	go run ./gazetteer/internal/placeeval -gold ../shared/eval/acled-2022q1.csv
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/sitrep/sitrep"

	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/gazetteer"
)

func main() {
	gold := flag.String("gold", "", "ACLED gold CSV")
	rowsOut := flag.String("rows", "", "also write one line per row (id, country, location, precision) to this file, to diff two runs")
	flag.Parse()
	if *gold == "" {
		log.Fatal("placeeval: -gold is required")
	}
	rows, err := eval.ReadFile(*gold)
	if err != nil {
		log.Fatal(err)
	}
	g, err := gazetteer.Default()
	if err != nil {
		log.Fatal(err)
	}
	eng, err := extract.New(extract.Options{Geoparser: g})
	if err != nil {
		log.Fatal(err)
	}
	preds, err := eval.Run(context.Background(), eng, rows, 2, nil)
	if err != nil {
		log.Fatal(err)
	}
	if *rowsOut != "" {
		if err := writeRows(*rowsOut, rows, preds); err != nil {
			log.Fatal(err)
		}
	}
	rep, _ := eval.Score(rows, preds)
	for _, k := range []string{"location", "geo_precision", "country", "all_four"} {
		fmt.Printf("%-14s %.3f\n", k, rep.Scores[k])
	}
}

// writeRows writes each row's predicted place, tab-separated.
func writeRows(path string, rows []eval.Row, preds []*sitrep.Event) error {
	var b strings.Builder
	for i, r := range rows {
		ev := preds[i]
		if ev == nil {
			fmt.Fprintf(&b, "%s\t-\n", r.ID)
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%d\t%q\n", r.ID, ev.Country, ev.Location, ev.GeoPrecision, ev.PlaceText)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
