-- Request counters per action, site and address hash, in fixed one-minute windows, shared by every process.
CREATE TABLE rate_counters (
  key          TEXT PRIMARY KEY,  -- '<action>:<site>:<ip hash>'
  window_start INTEGER NOT NULL,  -- ms since epoch
  count        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX rate_counters_age ON rate_counters (window_start);
