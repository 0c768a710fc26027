// Command sitrep extracts conflict events from news text, stores them and
// serves them. Each subcommand lives in its own file and registers itself
// with register in an init function, so commands can be added without
// editing this file.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// Exit codes that scripts can rely on.
const (
	ExitOK       = 0 // success
	ExitFailure  = 1 // the command ran and failed (bad input, threshold not met, …)
	ExitUsage    = 2 // bad flags or arguments
	ExitInternal = 3 // unexpected internal error
)

// Command is one subcommand of sitrep.
type Command interface {
	// Run executes the command with the arguments that follow its name.
	Run(ctx context.Context, args []string) error
}

// commandInfo describes a registered subcommand.
type commandInfo struct {
	name    string
	summary string
	new     func(stdin io.Reader, stdout, stderr io.Writer) Command
}

var commands = map[string]commandInfo{}

// register adds a subcommand. It is called from init functions.
func register(name, summary string, newCmd func(stdin io.Reader, stdout, stderr io.Writer) Command) {
	if _, dup := commands[name]; dup {
		panic("sitrep: command registered twice: " + name)
	}
	commands[name] = commandInfo{name: name, summary: summary, new: newCmd}
}

// UsageError is returned by a command for bad flags or arguments; it makes
// sitrep exit with ExitUsage.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Main runs sitrep with args and returns the process exit code. Tests call
// it directly.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				err := c.new(stdin, stdout, stderr).Run(ctx, []string{"-h"})
				return exitCode(err, stderr)
			}
		}
		usage(stdout)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "sitrep: unknown command %q\n\n", args[0])
		usage(stderr)
		return ExitUsage
	}
	return exitCode(c.new(stdin, stdout, stderr).Run(ctx, args[1:]), stderr)
}

func exitCode(err error, stderr io.Writer) int {
	var ue *UsageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "sitrep:", err)
		return ExitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "sitrep: interrupted")
		return ExitFailure
	default:
		fmt.Fprintln(stderr, "sitrep:", err)
		return ExitFailure
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "sitrep extracts conflict events from news text, stores them and serves them.")
	fmt.Fprintln(w, "\nUsage:\n\n\tsitrep <command> [flags] [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "\t%-*s  %s\n", width, n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'sitrep <command> -h' for a command's flags.")
}

// newFlagSet returns a FlagSet that reports errors instead of exiting and
// prints usage with the command's synopsis to stderr.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: sitrep %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and turns flag errors into UsageErrors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &UsageError{Msg: err.Error()}
	}
	return nil
}
