-- Moderators, their sessions, bans, the audit log, and what moderation needs on comments.

CREATE TABLE admins (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,  -- scrypt, see api/security/password.ts
  created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
  id_hash    TEXT PRIMARY KEY,  -- keyed hash of the cookie's random id; the id itself is never stored
  admin_id   INTEGER NOT NULL REFERENCES admins (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Failed sign-ins per account and per address hash, to slow and then refuse guessing.
CREATE TABLE login_failures (
  key          TEXT PRIMARY KEY,  -- 'email:<lowercase email>' or 'ip:<ip hash>'
  failures     INTEGER NOT NULL,
  first_at     INTEGER NOT NULL,
  locked_until INTEGER
) WITHOUT ROWID;

CREATE TABLE bans (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('email', 'name', 'ip')),
  value      TEXT NOT NULL,  -- lowercase email or name, or an IP hash as the admin page shows it
  reason     TEXT NOT NULL DEFAULT '',
  until      INTEGER,        -- ms since epoch; NULL bans for good
  created_by INTEGER REFERENCES admins (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX bans_value ON bans (kind, value);

CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  admin_id   INTEGER REFERENCES admins (id) ON DELETE SET NULL,
  admin_email TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT NOT NULL DEFAULT '',
  detail     TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);

ALTER TABLE comments ADD COLUMN held_reason TEXT;                        -- why moderation held it, for moderators
ALTER TABLE comments ADD COLUMN moderator_edited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN author_admin_id INTEGER REFERENCES admins (id) ON DELETE SET NULL;

CREATE INDEX comments_queue ON comments (status, created_at, id);
CREATE INDEX comments_author_email ON comments (author_email);
