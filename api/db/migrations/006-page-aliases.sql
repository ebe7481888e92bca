-- Articles move: a thread keeps its old keys as aliases, so widgets still asking for them get the same thread.
CREATE TABLE page_aliases (
  site    TEXT NOT NULL,
  key     TEXT NOT NULL,
  page_id INTEGER NOT NULL REFERENCES pages (id),
  PRIMARY KEY (site, key)
) WITHOUT ROWID;
