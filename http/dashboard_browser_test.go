package http_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath returns the browser the dashboard tests drive: SITREP_CHROMIUM
// or Debian's /usr/bin/chromium. Without one the test is skipped, unless
// SITREP_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
func chromiumPath(tb testing.TB) string {
	tb.Helper()
	path := os.Getenv("SITREP_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(path); err != nil {
		if os.Getenv("SITREP_REQUIRE_BROWSER") == "1" {
			tb.Fatalf("SITREP_REQUIRE_BROWSER=1 but no browser at %s (set SITREP_CHROMIUM): %v", path, err)
		}
		tb.Skipf("no browser at %s (set SITREP_CHROMIUM or install chromium): %v", path, err)
	}
	return path
}

// browser is one headless Chromium tab that records what the page logs, so
// a test can fail on console errors and uncaught exceptions.
type browser struct {
	ctx context.Context

	mu       sync.Mutex
	messages []string // every console call, exception and browser log entry
	errors   []string // the ones that are errors
}

// newBrowser starts Chromium with a throwaway profile and no network
// services of its own; it is closed when the test ends.
func newBrowser(tb testing.TB, timeout time.Duration) *browser {
	tb.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(tb)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1400, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	tb.Cleanup(func() { cancelTimeout(); cancelTab(); cancelAlloc() })

	b := &browser{ctx: ctx}
	if err := chromedp.Listen(ctx, b.record); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	// Runtime and Log must be enabled for the tab to report console calls,
	// exceptions and failed resource loads.
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		tb.Fatalf("enable runtime events: %v", err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		tb.Fatalf("enable log events: %v", err)
	}
	return b
}

func (b *browser) record(ev any) {
	var msg string
	isErr := false
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range e.Args {
			if len(a.Value) > 0 {
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		msg = fmt.Sprintf("console.%s: %s", e.Type, strings.Join(parts, " "))
		isErr = e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		desc := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			desc = d.Exception.Description
		}
		msg = fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, desc)
		isErr = true
	case *log.EventEntryAdded:
		msg = fmt.Sprintf("log.%s: %s %s", e.Entry.Level, e.Entry.Text, e.Entry.URL)
		isErr = e.Entry.Level == log.EntryLevelError
	default:
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.messages = append(b.messages, msg)
	if isErr {
		b.errors = append(b.errors, msg)
	}
}

// consoleErrors returns the errors the page reported so far.
func (b *browser) consoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

func (b *browser) consoleLog() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Join(b.messages, "\n")
}

// do runs actions and fails the test with the page's console on error.
func (b *browser) do(tb testing.TB, what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.Fatalf("%s: %v\npage console:\n%s", what, err, b.consoleLog())
	}
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func eval[T any](tb testing.TB, b *browser, expr string) T {
	tb.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.Fatalf("evaluate %s: %v\npage console:\n%s", expr, err, b.consoleLog())
	}
	return v
}

// waitReady waits until every view of the dashboard has loaded: app.js sets
// body[data-state] to "ready" when no request is in flight.
func (b *browser) waitReady(tb testing.TB) {
	tb.Helper()
	// A frame for the change that started loading to set "loading" first.
	b.do(tb, "wait for the dashboard to load",
		chromedp.Sleep(50*time.Millisecond),
		chromedp.WaitVisible(chromedp.CSS(`body[data-state="ready"]`)))
}
