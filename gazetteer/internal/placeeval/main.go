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

	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/gazetteer"
)

func main() {
	gold := flag.String("gold", "", "ACLED gold CSV")
	flag.Parse()
	if *gold == "" {
		log.Fatal("placeeval: -gold is required")
	}
	f, err := os.Open(*gold)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	rows, err := eval.ReadCSV(f, *gold)
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
	rep, _ := eval.Score(rows, preds)
	for _, k := range []string{"location", "geo_precision", "country", "all_four"} {
		fmt.Printf("%-14s %.3f\n", k, rep.Scores[k])
	}
}
