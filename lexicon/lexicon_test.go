package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

func TestDefaultLoads(t *testing.T) {
	lex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(lex.Countries) < 100 || len(lex.Triggers) < 200 || len(lex.Cues) < 20 || len(lex.Casualties) < 10 {
		t.Fatalf("got %d countries, %d triggers, %d cues, %d casualty words: embedded files not all read",
			len(lex.Countries), len(lex.Triggers), len(lex.Cues), len(lex.Casualties))
	}
	for _, tr := range lex.Triggers {
		if sitrep.EventTypeOf(tr.SubEventType) != tr.EventType {
			t.Errorf("%s:%d: %q maps to %q/%q", tr.File, tr.Line, tr.Phrase, tr.EventType, tr.SubEventType)
		}
	}
}

func TestTemplatesExpandOverCountries(t *testing.T) {
	lex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ alias, name string }{
		{"Iraqi police", "Police Forces of Iraq"},
		{"Syrian army", "Military Forces of Syria"},
		{"military forces of Nigeria", "Military Forces of Nigeria"},
		{"ISIL", "Islamic State (Iraq)"},
		{"Ansar Allah", "Military Forces of Yemen (2016-) Supreme Political Council"},
		{"Hashd al-Shaabi", "PMF: Popular Mobilization Forces"},
	}
	for _, tt := range tests {
		t.Run(tt.alias, func(t *testing.T) {
			for _, a := range lex.Actors {
				for _, al := range a.Aliases {
					if al == tt.alias {
						if a.Name != tt.name {
							t.Fatalf("got %q, want %q", a.Name, tt.name)
						}
						return
					}
				}
			}
			t.Fatalf("alias %q not found", tt.alias)
		})
	}
}

func TestLoadAddsUserEntries(t *testing.T) {
	dir := t.TempDir()
	user := "# my actors\nFreedom Brigade | 2 | rebel | Syria | Freedom Brigade; FB\n"
	if err := os.WriteFile(filepath.Join(dir, ActorsFile), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	lex, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	def, _ := Default()
	if got, want := len(lex.Actors), len(def.Actors)+1; got != want {
		t.Fatalf("got %d actors, want %d", got, want)
	}
	if got := lex.Actors[len(lex.Actors)-1]; got.Name != "Freedom Brigade" || got.Inter != 2 || got.Line != 2 {
		t.Fatalf("got %+v", got)
	}
	if len(def.Actors) == len(lex.Actors) {
		t.Fatal("Load modified the shared defaults")
	}
}

func TestLoadReportsFileAndLine(t *testing.T) {
	tests := []struct {
		name, file, body, want string
	}{
		{"bad inter", ActorsFile, "\nX | nine | rebel | | x\n", "actors.txt:2: inter"},
		{"unknown sub-event type", TriggersFile, "bombed | Battles | Air/drone strike | FIGHT | 19 | 50\n", "triggers.txt:1:"},
		{"too few fields", TriggersFile, "# c\n\nbombed | Battles\n", "triggers.txt:3: want 6 fields"},
		{"bad modality", ModalityFile, "maybe | perhaps\n", "modality.txt:1: modality"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(dir)
			var pe *ParseError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a ParseError containing %q", err, tt.want)
			}
		})
	}
}

func TestLoadMissingDir(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Fatal("got nil error for a missing directory")
	}
}

func TestParseCommentsAndFields(t *testing.T) {
	lines, err := Parse(strings.NewReader("# head\n a | b |c # trailing\n\n  \nd\n"), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 || lines[0].Num != 2 || strings.Join(lines[0].Fields, ",") != "a,b,c" || lines[1].Num != 5 {
		t.Fatalf("got %+v", lines)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("a | b | c\n# x\n")
	f.Add("|||\n\n#")
	f.Fuzz(func(t *testing.T, s string) {
		lines, err := Parse(strings.NewReader(s), "fuzz.txt")
		if err != nil {
			return
		}
		for _, l := range lines {
			if l.Num < 1 || len(l.Fields) == 0 {
				t.Fatalf("bad line %+v", l)
			}
		}
	})
}
