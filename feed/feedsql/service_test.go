package feedsql_test

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/feed/feedsql"
	"github.com/sitrep/sitrep/store/storetest"
)

func TestSQLite(t *testing.T) {
	runSuite(t, func(tb testing.TB) *feedsql.Service { return storetest.OpenSQLite(tb).FeedService() })
}

func TestPostgres(t *testing.T) {
	runSuite(t, func(tb testing.TB) *feedsql.Service { return storetest.OpenPostgres(tb).FeedService() })
}

// runSuite asserts what the watcher relies on, against a fresh database
// from open for each case.
func runSuite(t *testing.T, open func(testing.TB) *feedsql.Service) {
	ctx := context.Background()
	t0 := time.Date(2022, 3, 17, 12, 0, 0, 123456789, time.UTC)

	t.Run("unknown feed is not found", func(t *testing.T) {
		s := open(t)
		if _, err := s.FindFeedByURL(ctx, "https://frontline.example/rss.xml"); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
			t.Errorf("err = %v, want ENOTFOUND", err)
		}
		feeds, err := s.FindFeeds(ctx)
		if err != nil || len(feeds) != 0 {
			t.Errorf("FindFeeds = %v, %v, want none", feeds, err)
		}
	})

	t.Run("feed state round-trips and upsert replaces it", func(t *testing.T) {
		s := open(t)
		f := &sitrep.Feed{
			URL: "https://frontline.example/rss.xml", Title: "Frontline Wire", ETag: `"v1"`,
			LastModified: "Wed, 16 Mar 2022 18:05:00 GMT", LastFetch: t0, LastSuccess: t0, LastStatus: 200,
			ItemsSeen: 3, Documents: 2, NextFetch: t0.Add(15 * time.Minute),
		}
		if err := s.UpsertFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
		f2 := *f
		f2.LastFetch, f2.LastStatus, f2.LastError, f2.Errors = t0.Add(time.Hour), 500, "fetch: HTTP 500 Internal Server Error", 1
		f2.NextFetch = t0.Add(time.Hour + time.Minute)
		if err := s.UpsertFeed(ctx, &f2); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindFeedByURL(ctx, f.URL)
		if err != nil {
			t.Fatal(err)
		}
		if *got != f2 {
			t.Errorf("got  %+v\nwant %+v", *got, f2)
		}
		all, err := s.FindFeeds(ctx)
		if err != nil || len(all) != 1 {
			t.Errorf("FindFeeds = %d feeds, %v, want 1", len(all), err)
		}
	})

	t.Run("feed without URL is invalid", func(t *testing.T) {
		if err := open(t).UpsertFeed(ctx, &sitrep.Feed{}); sitrep.ErrorCode(err) != sitrep.EINVALID {
			t.Errorf("err = %v, want EINVALID", err)
		}
	})

	t.Run("items are found per feed and list a document's sources", func(t *testing.T) {
		s := open(t)
		items := []*sitrep.FeedItem{
			{FeedURL: "https://frontline.example/rss.xml", Key: "frontline-wire-48213", URL: "https://frontline.example/taiz",
				DocumentID: "d1", Status: sitrep.FeedItemIngested, Seen: t0},
			{FeedURL: "https://aggregator.example/rss", Key: "agg-1", URL: "https://frontline.example/taiz?utm_campaign=agg",
				DocumentID: "d1", Status: sitrep.FeedItemDuplicate, Seen: t0.Add(time.Minute)},
			{FeedURL: "https://aggregator.example/rss", Key: "agg-3", URL: "https://aggregator.example/private/briefing",
				Status: sitrep.FeedItemSkipped, Error: "disallowed by robots.txt", Seen: t0.Add(2 * time.Minute)},
		}
		for _, it := range items {
			if err := s.CreateFeedItem(ctx, it); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.FindFeedItem(ctx, "https://aggregator.example/rss", "agg-3")
		if err != nil || *got != *items[2] {
			t.Errorf("FindFeedItem = %+v, %v, want %+v", got, err, items[2])
		}
		if _, err := s.FindFeedItem(ctx, "https://frontline.example/rss.xml", "agg-1"); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
			t.Errorf("another feed's key: err = %v, want ENOTFOUND", err)
		}
		srcs, err := s.FindFeedItemsByDocument(ctx, "d1")
		if err != nil {
			t.Fatal(err)
		}
		if len(srcs) != 2 || *srcs[0] != *items[0] || *srcs[1] != *items[1] {
			t.Errorf("sources of d1 = %+v, want the frontline item then the aggregator item", srcs)
		}
		if srcs, _ := s.FindFeedItemsByDocument(ctx, ""); len(srcs) != 0 {
			t.Errorf("items without a document listed as sources of \"\": %+v", srcs)
		}
	})

	t.Run("recording an item again replaces it", func(t *testing.T) {
		s := open(t)
		it := &sitrep.FeedItem{FeedURL: "https://a.example/rss", Key: "k", Status: sitrep.FeedItemRetry, Error: "HTTP 503", Attempts: 2, Seen: t0}
		s.CreateFeedItem(ctx, it)
		if got, err := s.FindFeedItem(ctx, it.FeedURL, it.Key); err != nil || *got != *it {
			t.Fatalf("got %+v, %v, want %+v", got, err, it)
		}
		it.Status, it.Error, it.Attempts, it.DocumentID = sitrep.FeedItemIngested, "", 3, "d9"
		if err := s.CreateFeedItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindFeedItem(ctx, it.FeedURL, it.Key)
		if err != nil || *got != *it {
			t.Errorf("got %+v, %v, want %+v", got, err, it)
		}
	})

	t.Run("item without key is invalid", func(t *testing.T) {
		err := open(t).CreateFeedItem(ctx, &sitrep.FeedItem{FeedURL: "https://a.example/rss", Status: sitrep.FeedItemIngested})
		if sitrep.ErrorCode(err) != sitrep.EINVALID {
			t.Errorf("err = %v, want EINVALID", err)
		}
	})
}
