-- Sites, pages and threaded comments: the core of Parley.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE sites (
  slug       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  origins    TEXT NOT NULL DEFAULT '[]',  -- JSON array of origins
  settings   TEXT NOT NULL DEFAULT '{}',  -- JSON object, see api/store/sites.ts
  created_at INTEGER NOT NULL             -- ms since epoch
);

INSERT INTO sites (slug, name, created_at) VALUES ('default', 'Default site', CAST(unixepoch('subsec') * 1000 AS INTEGER));

CREATE TABLE pages (
  id            INTEGER PRIMARY KEY,
  site          TEXT NOT NULL REFERENCES sites (slug) ON UPDATE CASCADE,
  key           TEXT NOT NULL,
  url           TEXT,
  title         TEXT,
  locked        INTEGER NOT NULL DEFAULT 0,
  comment_count INTEGER NOT NULL DEFAULT 0,  -- visible comments at every depth
  created_at    INTEGER NOT NULL,
  UNIQUE (site, key)
);

CREATE TABLE comments (
  id              INTEGER PRIMARY KEY,
  page_id         INTEGER NOT NULL REFERENCES pages (id),
  parent_id       INTEGER REFERENCES comments (id),
  depth           INTEGER NOT NULL DEFAULT 0,
  author_name     TEXT NOT NULL DEFAULT '',
  author_email    TEXT,
  author_website  TEXT,
  avatar          TEXT NOT NULL,
  body_source     TEXT NOT NULL,  -- as written: never render this as HTML
  body_html       TEXT NOT NULL,  -- rendered and sanitised at write time
  status          TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'spam', 'deleted')),
  pinned          INTEGER NOT NULL DEFAULT 0,
  upvotes         INTEGER NOT NULL DEFAULT 0,
  downvotes       INTEGER NOT NULL DEFAULT 0,
  rank            REAL NOT NULL DEFAULT 0,     -- lower bound of the Wilson score, for sort=best
  reply_count     INTEGER NOT NULL DEFAULT 0,  -- direct visible replies
  badge           TEXT,
  ip_hash         TEXT,
  edit_token_hash TEXT,
  created_at      INTEGER NOT NULL,
  edited_at       INTEGER
);

-- Top-level comments of a page in display order, and replies of a comment oldest first.
CREATE INDEX comments_top ON comments (page_id, parent_id, status, pinned, created_at, id);
CREATE INDEX comments_replies ON comments (parent_id, status, created_at, id);
