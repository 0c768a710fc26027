// Command loadstat loads the embedded gazetteer once and prints how long it
// took and how much memory the process holds afterwards, for the figures in
// gazetteer/README.md:
//
//	go build -o /tmp/loadstat ./gazetteer/internal/loadstat
//	/usr/bin/time -f "user %U s, sys %S s, wall %e s, peak RSS %M kB" /tmp/loadstat
package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/sitrep/sitrep/gazetteer"
)

func main() {
	start := time.Now()
	g, err := gazetteer.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadstat:", err)
		os.Exit(1)
	}
	took := time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("entries %d, load %v, live heap %d MB, %s\n", g.Len(), took.Round(time.Millisecond), ms.HeapAlloc>>20, procStatus("VmRSS", "VmHWM"))
}

// procStatus returns the named fields of /proc/self/status (Linux only).
func procStatus(fields ...string) string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "RSS unknown"
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		for _, f := range fields {
			if strings.HasPrefix(l, f+":") {
				out = append(out, strings.Join(strings.Fields(l), " "))
			}
		}
	}
	return strings.Join(out, ", ")
}
