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
				evs, err := ex.Extract(&sitrep.Document{ID: rows[i].ID, Text: rows[i].Notes})
				if err == nil && len(evs) > 0 {
					ev := evs[0]
					preds[i] = &ev
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
