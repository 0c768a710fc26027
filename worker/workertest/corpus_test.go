package workertest_test

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/worker/workertest"
)

func TestDocuments(t *testing.T) {
	docs := workertest.Documents(2000)
	if got, want := len(docs), 2000; got != want {
		t.Fatalf("len = %d, want %d", got, want)
	}
	t.Run("ids, URLs and texts are distinct", func(t *testing.T) {
		seen := map[string]int{}
		for i, d := range docs {
			for _, key := range []string{"id:" + d.ID, "url:" + d.URL, "text:" + d.Text} {
				if j, dup := seen[key]; dup {
					t.Fatalf("documents %d and %d share %.40s", j, i, key)
				}
				seen[key] = i
			}
		}
	})
	t.Run("every document is valid", func(t *testing.T) {
		for _, d := range docs {
			if err := d.Validate(); err != nil {
				t.Fatalf("%s: %v", d.ID, err)
			}
		}
	})
	t.Run("the same size gives the same corpus", func(t *testing.T) {
		again := workertest.Documents(10)
		for i := range again {
			if again[i].Text != docs[i].Text {
				t.Fatalf("document %d differs between runs", i)
			}
		}
	})
	t.Run("a range continues the corpus", func(t *testing.T) {
		tail := workertest.Range(1990, 20)
		for j := range 10 {
			if tail[j].ID != docs[1990+j].ID || tail[j].Text != docs[1990+j].Text {
				t.Fatalf("Range(1990, 20)[%d] = %s, want %s", j, tail[j].ID, docs[1990+j].ID)
			}
		}
		if tail[10].ID == docs[0].ID || tail[10].Text == docs[0].Text {
			t.Fatal("report 2000 repeats report 0")
		}
	})
	t.Run("no format verb is left unfilled", func(t *testing.T) {
		for _, d := range docs[:50] {
			if strings.Contains(d.Text, "%!") {
				t.Fatalf("%s: %q", d.ID, d.Text)
			}
		}
	})
}
