package main

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReadIngestJSONL checks that every non-empty line of any input gives
// exactly one document or one error naming its line, so a bad line never
// hides the lines after it.
func FuzzReadIngestJSONL(f *testing.F) {
	for _, s := range []string{"{\"text\":\"a\"}\n{bad\n\n{\"id\":\"x\",\"text\":\"b\"}", "", "\n\n", "{\"text\":1}", "{}\r\n{}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got []ingestItem
		readIngestJSONL("in.jsonl", strings.NewReader(s), func(it ingestItem) bool { got = append(got, it); return true })
		want := 0
		for _, l := range strings.Split(s, "\n") {
			if len(bytes.TrimSpace([]byte(l))) > 0 {
				want++
			}
		}
		if len(got) != want {
			t.Fatalf("%d items for %d non-empty lines", len(got), want)
		}
		for _, it := range got {
			if (it.doc == nil) == (it.err == nil) || !strings.HasPrefix(it.where, "in.jsonl:") {
				t.Fatalf("item %+v: want a document or an error at in.jsonl:N", it)
			}
		}
	})
}

func TestTextFileDocument(t *testing.T) {
	for _, tc := range []struct{ name, in, title string }{
		{"headline then body", "Clashes in Gao\n\nFighting broke out on Monday.", "Clashes in Gao"},
		{"one paragraph has no title", "Fighting broke out on Monday in Gao.", ""},
		{"windows line endings", "Clashes in Gao\r\n\r\nFighting broke out.", "Clashes in Gao"},
		{"first line too long for a title", strings.Repeat("word ", 60) + "\nmore", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := textFileDocument([]byte(tc.in))
			if d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if strings.Contains(d.Text, "\r") {
				t.Errorf("text keeps CR: %q", d.Text)
			}
		})
	}
}
