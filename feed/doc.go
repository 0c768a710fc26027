// Package feed brings news from the web into sitrep: it reads feed lists
// (OPML or one URL per line), polls RSS, Atom and JSON feeds, fetches each
// new item's page and reads the article out of it, and ingests the result
// through the same sitrep.DocumentService as POST /api/documents.
//
// The pieces, each in its own file:
//
//   - list.go: feeds files, with bad lines reported by line and skipped;
//   - client.go, hosts.go, robots.go: polite HTTP — a clear User-Agent,
//     timeouts, at most five redirects with loops detected, a body-size cap
//     that never buffers more than the cap, one request at a time per host
//     with a delay (and the site's Crawl-delay), robots.txt obeyed,
//     conditional GET;
//   - parse.go: feeds via gofeed, reduced to Items;
//   - article.go, meta.go, boilerplate.go, text.go, charset.go: an HTML
//     page decoded from its declared or sniffed charset, page furniture
//     removed, the main text found by go-readability and rendered as
//     paragraphs, with title, canonical URL, author and publication date
//     from the page's metadata;
//   - watcher.go, backoff.go: the poll loop — per-feed schedule, exponential
//     backoff with jitter on errors, items remembered per feed so a restart
//     re-fetches nothing, and each feed recorded as a source of the
//     documents it carried.
//
// Feed state lives behind sitrep.FeedService; package feedsql implements it
// for SQLite and PostgreSQL.
package feed
