/** Imports in two steps: records staged as the file streams (bounded memory), then turned into threads in SQL. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { recountPages } from './counters.ts';

export interface StagedThread {
  sourceId: string;
  key: string | null;
  url: string | null;
  title: string | null;
  closed: boolean;
}

export interface StagedPost {
  sourceId: string;
  threadSource: string;
  parentSource: string | null;
  name: string;
  email: string | null;
  website: string | null;
  ipHash: string | null;
  avatar: string;
  source: string;
  html: string;
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  createdAt: number;
}

export function clearStaging(db: Db): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute('DELETE FROM import_threads');
    await tx.execute('DELETE FROM import_posts');
  });
}

/** Rows per INSERT: the driver prepares each statement it is given again, so a statement per record cost more than the row. */
const rowsPerInsert = 200;

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += rowsPerInsert) yield items.slice(i, i + rowsPerInsert);
}

/** Stages a batch; the same source id read twice keeps its last version. */
export function stage(db: Db, threads: StagedThread[], posts: StagedPost[]): Promise<void> {
  return writeTransaction(db, async (tx) => {
    for (const rows of chunks(threads)) {
      await tx.execute({
        sql: `INSERT OR REPLACE INTO import_threads (source_id, key, url, title, closed) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        args: rows.flatMap((t) => [t.sourceId, t.key, t.url, t.title, t.closed ? 1 : 0]),
      });
    }
    for (const rows of chunks(posts)) {
      await tx.execute({
        sql: `INSERT OR REPLACE INTO import_posts (source_id, thread_source, parent_source, name, email, website, ip_hash, avatar,
                body_source, body_html, status, created_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        args: rows.flatMap((p) => [p.sourceId, p.threadSource, p.parentSource, p.name, p.email, p.website, p.ipHash, p.avatar, p.source, p.html, p.status, p.createdAt]),
      });
    }
  });
}

export interface ImportResult {
  pages: number;
  imported: number;
  alreadyThere: number;
  skipped: Record<string, number>;
}

/** Turns what was staged into pages and comments of `site`, in one transaction, and clears the staging. */
export function finishImport(db: Db, site: string): Promise<ImportResult> {
  return writeTransaction(db, async (tx) => {
    const q = (sql: string, args: (string | number)[] = []) => tx.execute({ sql, args });
    const n = async (sql: string, args: (string | number)[] = []) => Number((await q(sql, args)).rows[0]!.n);
    // Deleted posts are kept only as placeholders for replies that are kept; repeat for chains of deleted posts.
    let deletedWithoutReplies = 0;
    for (let removed = 1; removed > 0; deletedWithoutReplies += removed) {
      removed = (await q(`DELETE FROM import_posts WHERE status = 'deleted'
                          AND source_id NOT IN (SELECT parent_source FROM import_posts WHERE parent_source IS NOT NULL)`)).rowsAffected;
    }
    const unknownThread = await n(`SELECT count(*) AS n FROM import_posts p WHERE NOT EXISTS (SELECT 1 FROM import_threads t WHERE t.source_id = p.thread_source AND t.key IS NOT NULL)`);
    await q(`DELETE FROM import_posts WHERE thread_source NOT IN (SELECT source_id FROM import_threads WHERE key IS NOT NULL)`);
    const alreadyThere = await n(`SELECT count(*) AS n FROM import_posts p JOIN comments c ON c.source_id = p.source_id`);
    const pages = await n(`SELECT count(DISTINCT t.key) AS n FROM import_threads t JOIN import_posts p ON p.thread_source = t.source_id`);

    // A thread whose key is a moved page's old key goes to the page it moved to.
    await q(`UPDATE import_threads SET key = (SELECT p.key FROM page_aliases a JOIN pages p ON p.id = a.page_id WHERE a.site = ?1 AND a.key = import_threads.key)
             WHERE key IN (SELECT key FROM page_aliases WHERE site = ?1)`, [site]);
    // One page per thread that has posts, keyed like the widget keys it, dated by its first post; an existing page keeps
    // its title, URL and lock. The first posts are found in one pass over the posts (a lookup per thread would read
    // every post once per thread: 14 s for 100,000 posts in 1,000 threads).
    await q(
      `INSERT INTO pages (site, key, url, title, locked, created_at)
       SELECT ?1, t.key, t.url, t.title, t.closed, f.first_at
       FROM import_threads t JOIN (SELECT thread_source, min(created_at) AS first_at FROM import_posts GROUP BY thread_source) f
         ON f.thread_source = t.source_id
       WHERE true ORDER BY t.source_id
       ON CONFLICT (site, key) DO UPDATE SET url = coalesce(pages.url, excluded.url), title = coalesce(pages.title, excluded.title)`,
      [site],
    );

    const imported = await writeComments(tx, site);
    // Counters of every page the import touched, as readers can reach them.
    const touched = await q(`SELECT DISTINCT pg.id FROM import_threads t JOIN pages pg ON pg.site = ?1 AND pg.key = t.key`, [site]);
    await recountPages(tx, touched.rows.map((r) => Number(r.id)));
    await q('DELETE FROM import_threads');
    await q('DELETE FROM import_posts');
    const skipped: Record<string, number> = {};
    if (unknownThread > 0) skipped['posts of unknown threads, or of threads without a usable link'] = unknownThread;
    if (deletedWithoutReplies > 0) skipped['deleted posts without replies'] = deletedWithoutReplies;
    return { pages, imported, alreadyThere, skipped };
  });
}

const insertComments = `INSERT OR IGNORE INTO comments (page_id, parent_id, depth, author_name, author_email, author_website, avatar,
    body_source, body_html, status, ip_hash, created_at, source_id, held_reason)`;
/** An imported comment's columns but its page, parent and depth, from its staged post `p`. */
const fromPost = `p.name, p.email, p.website, p.avatar, p.body_source, p.body_html, p.status, p.ip_hash, p.created_at, p.source_id,
    CASE WHEN p.status = 'pending' THEN 'Held in the system it was imported from.' END`;
/** Joins a staged post `p` to its page `pg` (through its thread `t`). The joins are CROSS so that SQLite keeps their order. */
const itsPage = 'CROSS JOIN import_threads t CROSS JOIN pages pg';
const onItsPage = 't.source_id = p.thread_source AND pg.site = ?1 AND pg.key = t.key';

/**
 * Writes each staged post as a comment once, complete with its parent and depth: parents first, then their replies a
 * level at a time. (Writing them all, then threading, then setting depths rewrote every reply three times, each time
 * with its indexes and its page's version, migration 008's triggers.) Answers how many were written.
 */
async function writeComments(tx: Transaction, site: string): Promise<number> {
  const q = async (sql: string, args: (string | number)[]) => (await tx.execute({ sql, args })).rowsAffected;
  const lastId = async () => Number((await tx.execute('SELECT coalesce(max(id), 0) AS n FROM comments')).rows[0]!.n);
  const before = await lastId();
  // Top level: posts without a parent, and replies to a post that is neither in the file nor here on the same page.
  let written = await q(`${insertComments} SELECT pg.id, NULL, 0, ${fromPost} FROM import_posts p ${itsPage}
                         WHERE ${onItsPage} AND (p.parent_source IS NULL OR (
                           NOT EXISTS (SELECT 1 FROM import_posts pp JOIN import_threads pt ON pt.source_id = pp.thread_source
                                       WHERE pp.source_id = p.parent_source AND pt.key = t.key)
                           AND NOT EXISTS (SELECT 1 FROM comments par WHERE par.source_id = p.parent_source AND par.page_id = pg.id)))
                         ORDER BY p.created_at`, [site]);
  // Replies to comments that were here before (an earlier import of the same site).
  written += await q(`${insertComments} SELECT par.page_id, par.id, par.depth + 1, ${fromPost}
                      FROM import_posts p CROSS JOIN comments par ${itsPage}
                      WHERE par.source_id = p.parent_source AND par.id <= ?2 AND ${onItsPage} AND pg.id = par.page_id
                      ORDER BY p.created_at`, [site, before]);
  // Replies to the comments just written, found from those by the staged posts' parent index, one level per statement.
  for (let from = before, to = await lastId(); to > from; [from, to] = [to, await lastId()]) {
    written += await q(`${insertComments} SELECT par.page_id, par.id, par.depth + 1, ${fromPost}
                        FROM comments par CROSS JOIN import_posts p ${itsPage}
                        WHERE par.id > ?2 AND par.id <= ?3 AND p.parent_source = par.source_id AND ${onItsPage} AND pg.id = par.page_id
                        ORDER BY p.created_at`, [site, from, to]);
  }
  // What is left is in a loop of replies, or replies to one written before onto another page: kept at the top level.
  written += await q(`${insertComments} SELECT pg.id, NULL, 0, ${fromPost} FROM import_posts p ${itsPage}
                      WHERE p.parent_source IS NOT NULL AND ${onItsPage} ORDER BY p.created_at`, [site]);

  // A comment of an earlier import whose parent was missing then joins its parent if this file brought it (only a new
  // one: a parent that was there already was left apart on purpose, a loop); the depths below it follow, a level at a time.
  const adopted = await q(
    `UPDATE comments SET parent_id = (SELECT par.id FROM import_posts p JOIN comments par ON par.source_id = p.parent_source
                                      WHERE p.source_id = comments.source_id AND par.page_id = comments.page_id AND par.id > ?1)
     WHERE id IN (SELECT c.id FROM import_posts p JOIN comments c ON c.source_id = p.source_id
                    JOIN comments par ON par.source_id = p.parent_source AND par.page_id = c.page_id AND par.id > ?1
                  WHERE c.id <= ?1 AND c.parent_id IS NULL)`,
    [before],
  );
  for (let changed = adopted, level = 0; changed > 0 && level < 1000; level++) {
    changed = await q(
      `UPDATE comments SET depth = (SELECT par.depth + 1 FROM comments par WHERE par.id = comments.parent_id)
       WHERE source_id IN (SELECT source_id FROM import_posts) AND parent_id IS NOT NULL
         AND depth != (SELECT par.depth + 1 FROM comments par WHERE par.id = comments.parent_id)`,
      [],
    );
  }
  return written;
}
