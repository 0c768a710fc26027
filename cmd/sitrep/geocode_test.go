package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/gazetteer"
)

func TestGeocodeCommandPrintsCandidates(t *testing.T) {
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"geocode", "-n", "2", "Deir al-Zour", "Sana'a"}, nil, &out, &errb)
	if code != ExitOK {
		t.Fatalf("exit code %d, stderr: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if got, want := len(lines), 1+2+2; got != want {
		t.Fatalf("%d lines, want a header and 2 candidates per name:\n%s", got, out.String())
	}
	if !strings.Contains(lines[1], "Deir ez-Zor") || !strings.Contains(lines[1], "Syria") {
		t.Errorf("first candidate for Deir al-Zour: %q", lines[1])
	}
	if !strings.Contains(out.String(), "Yemen") {
		t.Errorf("no Yemeni candidate for Sana'a:\n%s", out.String())
	}
}

func TestGeocodeCommandJSONWithFlagsAfterNames(t *testing.T) {
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"geocode", "Bukamal", "-json", "-n", "1", "-country", "Syria", "Zzyzxq"}, nil, &out, &errb)
	if code != ExitOK {
		t.Fatalf("exit code %d, stderr: %s", code, errb.String())
	}
	var got []struct {
		Query      string                `json:"query"`
		Candidates []gazetteer.Candidate `json:"candidates"`
	}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r struct {
			Query      string                `json:"query"`
			Candidates []gazetteer.Candidate `json:"candidates"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("bad JSON line %q: %v", l, err)
		}
		got = append(got, r)
	}
	if len(got) != 2 {
		t.Fatalf("%d results, want 2", len(got))
	}
	if c := got[0].Candidates; len(c) != 1 || c[0].Place.CountryCode != "SY" || c[0].Score <= 0 {
		t.Errorf("Bukamal: %+v", c)
	}
	if got[1].Query != "Zzyzxq" || len(got[1].Candidates) != 0 {
		t.Errorf("unknown name: %+v", got[1])
	}
}

func TestGeocodeCommandUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"geocode"}, {"geocode", "-country", "Atlantis", "Raqqa"}, {"geocode", "-n", "-1", "Raqqa"}, {"geocode", "-bogus"}} {
		var out, errb bytes.Buffer
		if code := Main(context.Background(), args, nil, &out, &errb); code != ExitUsage {
			t.Errorf("%q: exit code %d, want %d (stderr %q)", args, code, ExitUsage, errb.String())
		}
	}
}
