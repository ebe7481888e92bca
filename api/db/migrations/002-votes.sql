-- One vote per voter per comment; the comment keeps the totals and its rank for sort=best.

CREATE TABLE votes (
  comment_id INTEGER NOT NULL REFERENCES comments (id),
  voter_hash TEXT NOT NULL,  -- keyed hash of the widget's random voter id and the voter's IP hash
  value      INTEGER NOT NULL CHECK (value IN (-1, 1)),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (comment_id, voter_hash)
) WITHOUT ROWID;

CREATE INDEX comments_best ON comments (page_id, parent_id, status, pinned, rank, created_at, id);
