-- Imports from Disqus and WordPress: each comment remembers its source id, so importing twice changes nothing.
ALTER TABLE comments ADD COLUMN source_id TEXT;
CREATE UNIQUE INDEX comments_source ON comments (source_id) WHERE source_id IS NOT NULL;

-- What an import has read so far; filled while the file streams, turned into pages and comments at the end.
CREATE TABLE import_threads (
  source_id TEXT PRIMARY KEY,
  key       TEXT,            -- NULL when the thread's link is not a URL
  url       TEXT,
  title     TEXT,
  closed    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE import_posts (
  source_id     TEXT PRIMARY KEY,
  thread_source TEXT NOT NULL,
  parent_source TEXT,
  name          TEXT NOT NULL,
  email         TEXT,
  website       TEXT,
  ip_hash       TEXT,
  avatar        TEXT NOT NULL,
  body_source   TEXT NOT NULL,
  body_html     TEXT NOT NULL,
  status        TEXT NOT NULL,  -- approved | pending | spam | deleted
  created_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX import_posts_parent ON import_posts (parent_source);
