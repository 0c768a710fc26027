package main

import (
	"context"
	"runtime/debug"
	"sync"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/feed"
)

// fetchDelay is the pause between two requests to one host, for `sitrep
// ingest URL…` and `sitrep serve --feeds`; `sitrep watch --delay` sets its own.
const fetchDelay = time.Second

func init() {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		feed.Version = bi.Main.Version
	}
	fetchURL = fetchDocument
}

// fetchClient is shared by every URL of one `sitrep ingest` run, so its
// robots.txt cache and per-host limit span them all.
var fetchClient = sync.OnceValue(func() *feed.Client { return feed.NewClient(fetchDelay) })

// fetchDocument fetches one article page for `sitrep ingest URL`: robots.txt
// obeyed, charset decoded, main text only, dated from the page's metadata.
func fetchDocument(ctx context.Context, url string) (*sitrep.Document, error) {
	art, err := fetchClient().FetchArticle(ctx, url)
	if err != nil {
		return nil, err
	}
	return art.Document(nil, "", time.Now()), nil
}
