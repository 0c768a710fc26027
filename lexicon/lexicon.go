// Package lexicon holds sitrep's dictionaries — actors, countries and their
// nationality adjectives, event triggers, modality cues and casualty words —
// as plain text files embedded in the binary. A user can extend or override
// them without recompiling by pointing Load at a directory holding files of
// the same names; their entries are added on top of the defaults.
package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

//go:embed data/*.txt
var defaults embed.FS

// File names a lexicon directory may hold. Each file documents its own
// columns in its header comment.
const (
	ActorsFile     = "actors.txt"
	DemonymsFile   = "demonyms.txt"
	TriggersFile   = "triggers.txt"
	ModalityFile   = "modality.txt"
	CasualtiesFile = "casualties.txt"
)

// Lexicon is the full set of dictionaries the extraction engine reads. It
// is plain data: the engine compiles it into matchers once.
type Lexicon struct {
	Countries  []Country
	Actors     []Actor
	Triggers   []Trigger
	Cues       []Cue
	Casualties []CasualtyWord
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the embedded dictionaries. The result is shared: callers
// must not modify it.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() {
		defaultLex = &Lexicon{}
		defaultErr = defaultLex.addFS(defaults, "data")
	})
	return defaultLex, defaultErr
}

// Load returns the embedded dictionaries with the files found in dir added
// on top. Missing files are fine: a user may supply only actors.txt.
// An empty dir gives the defaults.
func Load(dir string) (*Lexicon, error) {
	base, err := Default()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return base, nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("lexicon: %s is not a directory", dir)
	}
	lex := base.clone()
	if err := lex.addFS(os.DirFS(dir), "."); err != nil {
		return nil, err
	}
	return lex, nil
}

func (l *Lexicon) clone() *Lexicon {
	return &Lexicon{
		Countries:  append([]Country(nil), l.Countries...),
		Actors:     append([]Actor(nil), l.Actors...),
		Triggers:   append([]Trigger(nil), l.Triggers...),
		Cues:       append([]Cue(nil), l.Cues...),
		Casualties: append([]CasualtyWord(nil), l.Casualties...),
	}
}

// addFS reads every known file present under root in fsys. Countries are
// read first because actor templates expand over them.
func (l *Lexicon) addFS(fsys fs.FS, root string) error {
	read := func(name string) ([]Line, string, error) {
		p := filepath.ToSlash(filepath.Join(root, name))
		b, err := fs.ReadFile(fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, p, nil
		}
		if err != nil {
			return nil, p, fmt.Errorf("lexicon: %w", err)
		}
		lines, err := ParseBytes(b, p)
		return lines, p, err
	}
	steps := []struct {
		name string
		add  func(lines []Line, file string) error
	}{
		{DemonymsFile, l.addCountries},
		{ActorsFile, l.addActors},
		{TriggersFile, l.addTriggers},
		{ModalityFile, l.addCues},
		{CasualtiesFile, l.addCasualties},
	}
	for _, s := range steps {
		lines, file, err := read(s.name)
		if err != nil {
			return err
		}
		if err := s.add(lines, file); err != nil {
			return err
		}
	}
	return nil
}
