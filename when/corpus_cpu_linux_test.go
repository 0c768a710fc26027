//go:build linux

package when_test

import "syscall"

// threadCPU returns the CPU time the calling OS thread has used, in
// nanoseconds: BenchmarkCorpus reports it besides the wall-clock time,
// a figure that holds on a machine shared with other work.
func threadCPU() int64 {
	const rusageThread = 1 // RUSAGE_THREAD
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
