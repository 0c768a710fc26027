package eval

import (
	"context"
	"runtime"
	"sync"

	"github.com/sitrep/sitrep"
)

// Run extracts the main event of every row on workers goroutines (0 means
// one per CPU). done, when set, is called once per finished row. A row
// whose extraction fails gets nil, like a row with no event.
func Run(ctx context.Context, ex sitrep.Extractor, rows []Row, workers int, done func()) ([]*sitrep.Event, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	preds := make([]*sitrep.Event, len(rows))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if ev := mainEvent(ex, rows[i].Document()); ev != nil {
					preds[i] = ev
				}
				if done != nil {
					done()
				}
			}
		}()
	}
	var err error
feed:
	for i := range rows {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return preds, err
}

// mainEvent returns the first event extracted from doc, or nil. A panic
// inside the extractor counts as no event for that row rather than ending
// the whole run.
func mainEvent(ex sitrep.Extractor, doc *sitrep.Document) (ev *sitrep.Event) {
	defer func() {
		if recover() != nil {
			ev = nil
		}
	}()
	evs, err := ex.Extract(doc)
	if err != nil || len(evs) == 0 {
		return nil
	}
	return &evs[0]
}
