-- Notifications: everything Parley sends goes through the outbox, written in the transaction of the event
-- that caused it and delivered afterwards by a worker (api/notify/worker.ts), with retries.
-- AUTOINCREMENT: an id is never used twice (it is the emails' Message-ID and webhooks' X-Parley-Delivery).
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  topic           TEXT NOT NULL,   -- what caused it: confirm, reply, moderator, digest, test, comment.created, …
  site            TEXT,
  recipient       TEXT NOT NULL,   -- an email address or a webhook URL
  message         TEXT NOT NULL,   -- JSON, ready to send (api/notify/message.ts)
  comment_id      INTEGER,         -- the comment it is about, so that erasing a comment erases what was said of it
  status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,  -- ms since epoch
  lease_until     INTEGER,           -- while 'sending': another process may take it over after this
  claim           TEXT,              -- who holds the lease: only that worker may record the attempt
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_comment ON outbox (comment_id) WHERE comment_id IS NOT NULL;

-- Every delivery attempt and what the other side answered.
CREATE TABLE outbox_attempts (
  id         INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  ok         INTEGER NOT NULL,
  response   TEXT NOT NULL
);
CREATE INDEX outbox_attempts_message ON outbox_attempts (message_id, id);

-- Readers who asked for reply emails on a site. Only confirmed addresses (double opt-in) receive them.
CREATE TABLE subscribers (
  site            TEXT NOT NULL,
  email           TEXT NOT NULL,  -- lowercase
  lang            TEXT NOT NULL DEFAULT 'en',
  confirmed_at    INTEGER,
  confirm_sent_at INTEGER,
  unsubscribed_at INTEGER,        -- "unsubscribe from everything": no reply emails until they ask again
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (site, email)
) WITHOUT ROWID;

-- The writer of this comment wants an email when someone replies to it.
ALTER TABLE comments ADD COLUMN notify_replies INTEGER NOT NULL DEFAULT 0;

-- Single-use sign-in links sent by email (confirmation and magic links): only keyed hashes are kept.
CREATE TABLE email_tokens (
  hash       TEXT PRIMARY KEY,
  site       TEXT NOT NULL,
  email      TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
) WITHOUT ROWID;

-- A guest who opened such a link, managing their own comments in that browser.
CREATE TABLE guest_sessions (
  id_hash    TEXT PRIMARY KEY,
  site       TEXT NOT NULL,
  email      TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Per-site webhooks: a JSON POST, signed with the webhook's secret, for each chosen event.
CREATE TABLE webhooks (
  id         INTEGER PRIMARY KEY,
  site       TEXT NOT NULL REFERENCES sites (slug) ON UPDATE CASCADE ON DELETE CASCADE,
  url        TEXT NOT NULL,
  format     TEXT NOT NULL DEFAULT 'parley' CHECK (format IN ('parley', 'slack', 'discord')),
  events     TEXT NOT NULL,  -- JSON array of event names
  secret     TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX webhooks_site ON webhooks (site);

-- What each moderator wants to hear: none, held (comments waiting for them), all (every new comment), digest (daily).
ALTER TABLE admins ADD COLUMN alerts TEXT NOT NULL DEFAULT 'held';
ALTER TABLE admins ADD COLUMN digest_sent_at INTEGER;
