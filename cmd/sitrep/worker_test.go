package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/sitrep/sitrep/store/storetest"
)

func TestWorkerAndEnqueueUsage(t *testing.T) {
	pg := "postgres://sitrep@127.0.0.1:1/none"
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"worker help", []string{"worker", "-h"}, ExitOK},
		{"worker without a database", []string{"worker"}, ExitUsage},
		{"worker on SQLite", []string{"worker", "--db", "sitrep.db"}, ExitUsage},
		{"worker with arguments", []string{"worker", "--db", pg, "extra"}, ExitUsage},
		{"worker rescuing before the timeout", []string{"worker", "--db", pg, "--job-timeout", "2m", "--rescue-after", "1m"}, ExitUsage},
		{"worker polling feeds every second", []string{"worker", "--db", pg, "--feed-interval", "1s"}, ExitUsage},
		{"worker with negative concurrency", []string{"worker", "--db", pg, "--concurrency", "-1"}, ExitUsage},
		{"enqueue help", []string{"enqueue", "-h"}, ExitOK},
		{"enqueue on SQLite", []string{"enqueue", "--db", "sitrep.db", "a.txt"}, ExitUsage},
		{"enqueue with nothing to queue", []string{"enqueue", "--db", pg}, ExitUsage},
		{"workerbench with a bad count", []string{"workerbench", "--db", pg, "--workers", "1,two"}, ExitUsage},
		{"workerbench on SQLite", []string{"workerbench", "--db", "sitrep.db"}, ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := Main(context.Background(), tt.args, nil, &stdout, &stderr); got != tt.want {
				t.Errorf("sitrep %s = exit %d, want %d; stderr: %s", strings.Join(tt.args, " "), got, tt.want, stderr.String())
			}
		})
	}
}

func TestParseWorkerCounts(t *testing.T) {
	tests := []struct {
		in   string
		want []int
		ok   bool
	}{
		{"1,2,4", []int{1, 2, 4}, true},
		{" 3 , 6 ", []int{3, 6}, true},
		{"8", []int{8}, true},
		{"0", nil, false},
		{"1,,2", nil, false},
		{"65", nil, false},
		{"two", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseWorkerCounts(tt.in)
			if (err == nil) != tt.ok || !slices.Equal(got, tt.want) {
				t.Errorf("parseWorkerCounts(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

func FuzzParseWorkerCounts(f *testing.F) {
	for _, s := range []string{"1,2,4", "", ",", "64", "-1", "1e3", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ns, err := parseWorkerCounts(s)
		if err != nil {
			return
		}
		for _, n := range ns {
			if n < 1 || n > 64 {
				t.Fatalf("parseWorkerCounts(%q) accepted %d", s, n)
			}
		}
	})
}

func TestWithPoolSize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"adds the size", "postgres://u@db:5432/sitrep", "postgres://u@db:5432/sitrep?pool_max_conns=13"},
		{"keeps other parameters", "postgres://u@db/sitrep?sslmode=disable", "postgres://u@db/sitrep?pool_max_conns=13&sslmode=disable"},
		{"keeps a size the user set", "postgres://u@db/sitrep?pool_max_conns=50", "postgres://u@db/sitrep?pool_max_conns=50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := withPoolSize(tt.in, 13); got != tt.want {
				t.Errorf("withPoolSize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzWithPoolSize(f *testing.F) {
	for _, s := range []string{"postgres://u:p@h/db?sslmode=disable", "postgresql://h", "postgres://%zz", "postgres://h/db?pool_max_conns=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := withPoolSize(s, 9)
		u, err := url.Parse(s)
		if err != nil {
			if got != s {
				t.Fatalf("withPoolSize changed an unparsable URL %q to %q", s, got)
			}
			return
		}
		g, err := url.Parse(got)
		if err != nil {
			t.Fatalf("withPoolSize(%q) = %q, which does not parse: %v", s, got, err)
		}
		if g.Host != u.Host || g.Path != u.Path || g.Query().Get("pool_max_conns") == "" {
			t.Fatalf("withPoolSize(%q) = %q: host, path or pool size lost", s, got)
		}
	})
}

// TestEnqueueThenWork queues files with `sitrep enqueue`, works them with
// `sitrep worker` in this process and checks the documents were
// extracted, then that a re-extraction request for the same build queues
// no extraction.
func TestEnqueueThenWork(t *testing.T) {
	dbURL := storetest.CreatePostgresDatabase(t)
	in := t.TempDir()
	writeFiles(t, in, map[string]string{
		"kirkuk.txt": "Bomb kills two near Kirkuk\n\nA roadside bomb killed two soldiers on a patrol south of Kirkuk on Thursday, security sources said.\n",
		"beni.txt":   "Militia raid on village near Beni\n\nADF fighters raided a village near Beni in North Kivu overnight and killed nine civilians, the local administrator said.\n",
	})
	var stdout, stderr bytes.Buffer
	if code := Main(context.Background(), []string{"enqueue", "--db", dbURL, "-json", in}, nil, &stdout, &stderr); code != ExitOK {
		t.Fatalf("enqueue exit %d: %s", code, stderr.String())
	}
	var sum EnqueueSummary
	if err := json.Unmarshal(stdout.Bytes(), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Queued != 2 || sum.Failed != 0 {
		t.Fatalf("enqueue summary = %+v, want 2 queued", sum)
	}

	pool, err := pgxpool.New(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	var wout, werr bytes.Buffer
	go func() {
		done <- Main(ctx, []string{"worker", "--db", dbURL, "--concurrency", "2", "--poll", "100ms", "--no-link"}, nil, &wout, &werr)
	}()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var pending, events int
		err := pool.QueryRow(context.Background(), `SELECT (SELECT count(*) FROM documents WHERE extractor_version = ''),
			(SELECT count(*) FROM events)`).Scan(&pending, &events)
		if err != nil {
			t.Fatal(err)
		}
		if pending == 0 && events >= 2 {
			break
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("documents not extracted after 60s: %d pending, %d events; worker said: %s", pending, events, werr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Errorf("worker exit %d after Ctrl-C: %s", code, werr.String())
	}

	stdout.Reset()
	if code := Main(context.Background(), []string{"enqueue", "--db", dbURL, "--reextract", "-json"}, nil, &stdout, &stderr); code != ExitOK {
		t.Fatalf("enqueue --reextract exit %d: %s", code, stderr.String())
	}
	var n int
	if err := pool.QueryRow(context.Background(), "SELECT count(*) FROM river_job WHERE kind = 'reextract'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d reextract jobs queued, want 1", n)
	}
}
