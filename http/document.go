package http

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"

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
	out := BatchResult{Results: []BatchLine{}}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 64<<10), len(body)+1)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		res := BatchLine{Line: n}
		var doc sitrep.Document
		err := decodeDocument(bytes.NewReader(line), &doc)
		var ir *sitrep.IngestResult
		if err == nil {
			ir, err = s.DocumentService.IngestDocument(r.Context(), &doc)
		}
		switch {
		case err != nil:
			if sitrep.ErrorCode(err) == sitrep.EINTERNAL {
				s.Logger.Error("ingest", "line", n, "err", err)
			}
			res.Error = sitrep.ErrorMessage(err)
			out.Failed++
		case ir.Duplicate:
			res.IngestResult = *ir
			out.Duplicates++
		default:
			res.IngestResult = *ir
			out.Ingested++
		}
		out.Results = append(out.Results, res)
	}
	writeJSON(w, http.StatusOK, out)
}

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
