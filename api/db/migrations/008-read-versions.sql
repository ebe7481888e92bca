-- Versions that every process checks before answering a read from its own memory (api/cache/): a write in any
-- process, through any code path, changes them in the same transaction, so no process keeps serving an old answer.

-- A page's version changes with anything its thread answer shows: its comments (text, status, votes, replies,
-- pins, moves) and the page row itself (key, title, URL, lock, count).
ALTER TABLE pages ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
-- A site's counts version changes with any page's count, key or alias: what /api/counts answers.
ALTER TABLE sites ADD COLUMN counts_version INTEGER NOT NULL DEFAULT 0;

-- A page id freed by a merge can be taken again by a new page: the new page starts at a random version, so it
-- never takes up the old page's numbers (kept below 2^53: the client reads integers as JavaScript numbers).
CREATE TRIGGER pages_version_new AFTER INSERT ON pages BEGIN
  UPDATE pages SET version = abs(random() % 1000000000000000) WHERE id = NEW.id;
  UPDATE sites SET counts_version = counts_version + 1 WHERE slug = NEW.site;
END;

-- `version` itself is not in the list, so these updates do not set the trigger off again.
CREATE TRIGGER pages_version_changed AFTER UPDATE OF site, key, url, title, locked, comment_count, created_at ON pages BEGIN
  UPDATE pages SET version = version + 1 WHERE id = NEW.id;
  UPDATE sites SET counts_version = counts_version + 1 WHERE slug IN (OLD.site, NEW.site);
END;

CREATE TRIGGER pages_version_gone AFTER DELETE ON pages BEGIN
  UPDATE sites SET counts_version = counts_version + 1 WHERE slug = OLD.site;
END;

CREATE TRIGGER comments_version_new AFTER INSERT ON comments BEGIN
  UPDATE pages SET version = version + 1 WHERE id = NEW.page_id;
END;

CREATE TRIGGER comments_version_changed AFTER UPDATE ON comments BEGIN
  UPDATE pages SET version = version + 1 WHERE id IN (OLD.page_id, NEW.page_id);
END;

CREATE TRIGGER comments_version_gone AFTER DELETE ON comments BEGIN
  UPDATE pages SET version = version + 1 WHERE id = OLD.page_id;
END;

CREATE TRIGGER page_aliases_version_new AFTER INSERT ON page_aliases BEGIN
  UPDATE sites SET counts_version = counts_version + 1 WHERE slug = NEW.site;
END;

CREATE TRIGGER page_aliases_version_changed AFTER UPDATE ON page_aliases BEGIN
  UPDATE sites SET counts_version = counts_version + 1 WHERE slug IN (OLD.site, NEW.site);
END;

CREATE TRIGGER page_aliases_version_gone AFTER DELETE ON page_aliases BEGIN
  UPDATE sites SET counts_version = counts_version + 1 WHERE slug = OLD.site;
END;

-- Top-level comments readers see, in each sort's order: a page of a 50,000-comment thread, or one deep behind a
-- cursor, is read straight from the index with no sort (the queries in api/store/thread.ts name these).
CREATE INDEX comments_top_shown ON comments (page_id, pinned, created_at, id)
  WHERE parent_id IS NULL AND (status = 'approved' OR (status = 'deleted' AND reply_count > 0));
CREATE INDEX comments_best_shown ON comments (page_id, pinned, rank DESC, created_at, id)
  WHERE parent_id IS NULL AND (status = 'approved' OR (status = 'deleted' AND reply_count > 0));
-- A comment's replies readers see, oldest first ("Show N more replies" behind a cursor).
CREATE INDEX comments_replies_shown ON comments (parent_id, created_at, id)
  WHERE status = 'approved' OR (status = 'deleted' AND reply_count > 0);
-- Superseded by comments_best_shown: it kept the status in the key, so the visible ones still had to be sorted.
DROP INDEX comments_best;
