package http

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"runtime"
	"sync"

	"github.com/sitrep/sitrep"
)

// BatchLine is the result of one line of an NDJSON ingest.
type BatchLine struct {
	Line int `json:"line"`
	sitrep.IngestResult
	Error string `json:"error,omitempty"`
}

// BatchResult answers an NDJSON ingest.
type BatchResult struct {
	Results    []BatchLine `json:"results"`
	Ingested   int         `json:"ingested"`
	Duplicates int         `json:"duplicates"`
	Failed     int         `json:"failed"`
}

func (s *Server) maxBody() int64 {
	if s.MaxBodyBytes > 0 {
		return s.MaxBodyBytes
	}
	return DefaultMaxBodyBytes
}

// handleIngest stores one document (application/json) or a batch, one
// document per line (application/x-ndjson). In a batch a bad line is
// reported and the others are still stored.
func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.maxBody())
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/ndjson":
		s.ingestBatch(w, r)
		return
	}
	var doc sitrep.Document
	if err := decodeDocument(r.Body, &doc); err != nil {
		s.Error(w, r, err)
		return
	}
	res, err := s.DocumentService.IngestDocument(r.Context(), &doc)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) ingestBatch(w http.ResponseWriter, r *http.Request) {
	// Read the whole (capped) body first: a body over the limit is refused
	// with 413 before anything is stored.
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	type job struct {
		line int
		doc  sitrep.Document
		err  error
	}
	var jobs []job
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 64<<10), len(body)+1)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		j := job{line: n}
		j.err = decodeDocument(bytes.NewReader(line), &j.doc)
		jobs = append(jobs, j)
	}

	// Documents are extracted and stored in parallel: extraction uses the
	// CPUs while the store commits the documents that are ready together.
	// A document repeated within the batch waits for a second round, so
	// the first occurrence is the one stored and later ones are reported
	// as duplicates, as if the lines had been ingested in order.
	seen := map[string]bool{}
	var first, repeats []int
	for i, j := range jobs {
		keys := []string{"text:" + sitrep.NormalizeText(j.doc.Text)}
		if j.doc.ID != "" {
			keys = append(keys, "id:"+j.doc.ID)
		}
		if j.doc.URL != "" {
			keys = append(keys, "url:"+j.doc.URL)
		}
		dup := false
		for _, k := range keys {
			dup = dup || seen[k]
			seen[k] = true
		}
		if dup && j.err == nil {
			repeats = append(repeats, i)
		} else {
			first = append(first, i)
		}
	}

	results := make([]BatchLine, len(jobs))
	ingest := func(i int) {
		j := &jobs[i]
		res := BatchLine{Line: j.line}
		err := j.err
		var ir *sitrep.IngestResult
		if err == nil {
			ir, err = s.DocumentService.IngestDocument(r.Context(), &j.doc)
		}
		if err != nil {
			if sitrep.ErrorCode(err) == sitrep.EINTERNAL {
				s.Logger.Error("ingest", "line", j.line, "err", err)
			}
			res.Error = sitrep.ErrorMessage(err)
		} else {
			res.IngestResult = *ir
		}
		results[i] = res
	}
	parallel(first, batchWorkers, ingest)
	parallel(repeats, batchWorkers, ingest)

	out := BatchResult{Results: results}
	for _, res := range results {
		switch {
		case res.Error != "":
			out.Failed++
		case res.Duplicate:
			out.Duplicates++
		default:
			out.Ingested++
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// parallel calls fn for each index with up to n goroutines and returns
// when all calls have.
func parallel(idx []int, n int, fn func(int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, len(idx)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for _, i := range idx {
		next <- i
	}
	close(next)
	wg.Wait()
}

// batchWorkers is how many documents of one NDJSON batch are ingested at
// once; more than the CPUs, since workers also wait for commits.
var batchWorkers = 4 * runtime.GOMAXPROCS(0)

// decodeDocument reads one Document, turning JSON errors into EINVALID
// messages that say what is wrong and where.
func decodeDocument(r io.Reader, doc *sitrep.Document) error {
	dec := json.NewDecoder(r)
	if err := dec.Decode(doc); err != nil {
		var tooLarge *http.MaxBytesError
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &tooLarge):
			return err
		case errors.Is(err, io.EOF):
			return sitrep.Errorf(sitrep.EINVALID, "empty body: want a document as JSON")
		case errors.As(err, &syntax):
			return sitrep.Errorf(sitrep.EINVALID, "invalid JSON at byte %d: %v", syntax.Offset, syntax)
		case errors.As(err, &typ):
			return sitrep.Errorf(sitrep.EINVALID, "invalid JSON: field %q must be %s, not %s", typ.Field, typ.Type, typ.Value)
		}
		return sitrep.Errorf(sitrep.EINVALID, "invalid JSON: %v", err)
	}
	if dec.More() {
		return sitrep.Errorf(sitrep.EINVALID, "more than one JSON value in the body: send a batch as application/x-ndjson")
	}
	return nil
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	sd, err := s.DocumentService.FindStoredDocument(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sd)
}
