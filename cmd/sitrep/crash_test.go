package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	sitrephttp "github.com/sitrep/sitrep/http"
)

// TestCrashChild is the server process TestCrashKeepsAcknowledgedDocuments
// kills; it does nothing in a normal test run.
func TestCrashChild(t *testing.T) {
	args := os.Getenv("SITREP_CRASH_CHILD")
	if args == "" {
		t.Skip("helper process for TestCrashKeepsAcknowledgedDocuments")
	}
	os.Exit(Main(context.Background(), strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr))
}

// crashServer is `sitrep serve` running in a child process.
type crashServer struct {
	cmd *exec.Cmd
	url string
}

func startCrashServer(t *testing.T, dataDir string) *crashServer {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(),
		"SITREP_CRASH_CHILD="+strings.Join([]string{"serve", "--data", dataDir, "--addr", "127.0.0.1:0", "--no-demo"}, "\x1f"),
		"SITREP_TOKEN=crash-test-token")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if _, u, ok := strings.Cut(sc.Text(), "serving the dashboard at "); ok {
				urls <- strings.TrimSuffix(u, "/")
			}
		}
		close(urls)
	}()
	select {
	case u, ok := <-urls:
		if !ok {
			cmd.Wait()
			t.Fatalf("server exited before listening: %s", stderr.String())
		}
		s := &crashServer{cmd: cmd, url: u}
		t.Cleanup(func() { s.cmd.Process.Kill(); s.cmd.Wait() })
		return s
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("server did not start: %s", stderr.String())
	}
	return nil
}

// crashDocs are distinct news-style reports, enough to keep the server
// writing for a while.
func crashDocs(n int) []sitrep.Document { return newsDocs("crash", n) }

func postBatch(url string, docs []sitrep.Document) (*sitrephttp.BatchResult, error) {
	var body bytes.Buffer
	for _, d := range docs {
		b, _ := json.Marshal(d)
		body.Write(b)
		body.WriteByte('\n')
	}
	req, _ := http.NewRequest("POST", url+"/api/documents", &body)
	req.Header.Set("Authorization", "Bearer crash-test-token")
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	var res sitrephttp.BatchResult
	return &res, json.Unmarshal(b, &res)
}

// TestCrashKeepsAcknowledgedDocuments kills the server with SIGKILL while
// clients are posting batches, restarts it on the same data directory and
// checks that every document whose batch was acknowledged is there with
// its events, and that posting everything again completes cleanly.
func TestCrashKeepsAcknowledgedDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills server processes")
	}
	dir := t.TempDir()
	docs := crashDocs(800)
	const batch = 10
	srv := startCrashServer(t, dir)

	var (
		mu     sync.Mutex
		acked  = map[string]int{} // document id → events stored
		nAcked atomic.Int64
		kill   sync.Once
	)
	batches := make(chan []sitrep.Document)
	go func() {
		defer close(batches)
		for i := 0; i < len(docs); i += batch {
			batches <- docs[i:min(i+batch, len(docs))]
		}
	}()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				res, err := postBatch(srv.url, b)
				if err != nil {
					continue // the server is gone; this batch was never acknowledged
				}
				mu.Lock()
				for _, r := range res.Results {
					if r.Error != "" {
						t.Errorf("line %d: %s", r.Line, r.Error)
						continue
					}
					acked[r.DocumentID] = r.Events
				}
				mu.Unlock()
				if nAcked.Add(int64(len(b))) >= 300 {
					kill.Do(func() { srv.cmd.Process.Signal(os.Kill) })
				}
			}
		}()
	}
	wg.Wait()
	srv.cmd.Wait()
	if len(acked) < 300 || len(acked) >= len(docs) {
		t.Fatalf("%d documents acknowledged before the kill; want the kill mid-ingest", len(acked))
	}
	t.Logf("killed after %d acknowledged documents", len(acked))

	srv = startCrashServer(t, dir)
	for id, events := range acked {
		var sd sitrep.StoredDocument
		getJSON(t, srv.url+"/api/documents/"+id, &sd)
		if len(sd.Events) != events {
			t.Errorf("%s: %d events after restart, %d acknowledged", id, len(sd.Events), events)
		}
	}

	// Resume: post everything again. Acknowledged documents are
	// duplicates; the rest are stored now.
	dups, fresh := 0, 0
	for i := 0; i < len(docs); i += 100 {
		res, err := postBatch(srv.url, docs[i:min(i+100, len(docs))])
		if err != nil {
			t.Fatalf("after restart: %v", err)
		}
		for _, r := range res.Results {
			switch {
			case r.Error != "":
				t.Errorf("after restart, line %d: %s", r.Line, r.Error)
			case r.Duplicate:
				dups++
			default:
				fresh++
				if _, ok := acked[r.DocumentID]; ok {
					t.Errorf("%s was acknowledged before the kill but stored again", r.DocumentID)
				}
			}
		}
	}
	if dups < len(acked) || dups+fresh != len(docs) {
		t.Errorf("resume: %d duplicates, %d new; want ≥ %d duplicates and %d in all", dups, fresh, len(acked), len(docs))
	}
	var page sitrep.EventPage
	getJSON(t, srv.url+"/api/events?limit=1", &page)
	if page.Total == 0 {
		t.Error("no events after resuming")
	}
}
