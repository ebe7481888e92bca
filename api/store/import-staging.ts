/** Imports in two steps: records staged as the file streams (bounded memory), then turned into threads in SQL. */
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

/** Stages a batch; the same source id read twice keeps its last version. */
export function stage(db: Db, threads: StagedThread[], posts: StagedPost[]): Promise<void> {
  return writeTransaction(db, async (tx) => {
    for (const t of threads) {
      await tx.execute({
        sql: 'INSERT OR REPLACE INTO import_threads (source_id, key, url, title, closed) VALUES (?, ?, ?, ?, ?)',
        args: [t.sourceId, t.key, t.url, t.title, t.closed ? 1 : 0],
      });
    }
    for (const p of posts) {
      await tx.execute({
        sql: `INSERT OR REPLACE INTO import_posts (source_id, thread_source, parent_source, name, email, website, ip_hash, avatar,
                body_source, body_html, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [p.sourceId, p.threadSource, p.parentSource, p.name, p.email, p.website, p.ipHash, p.avatar, p.source, p.html, p.status, p.createdAt],
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
export function finishImport(db: Db, site: string, now: number): Promise<ImportResult> {
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
    // One page per thread that has posts, keyed like the widget keys it; an existing page keeps its title, URL and lock.
    await q(
      `INSERT INTO pages (site, key, url, title, locked, created_at)
       SELECT ?1, t.key, t.url, t.title, t.closed, coalesce((SELECT min(created_at) FROM import_posts p WHERE p.thread_source = t.source_id), ?2)
       FROM import_threads t WHERE EXISTS (SELECT 1 FROM import_posts p WHERE p.thread_source = t.source_id)
       ON CONFLICT (site, key) DO UPDATE SET url = coalesce(pages.url, excluded.url), title = coalesce(pages.title, excluded.title)`,
      [site, now],
    );
    const inserted = await q(
      `INSERT OR IGNORE INTO comments (page_id, author_name, author_email, author_website, avatar, body_source, body_html, status,
         ip_hash, created_at, source_id, held_reason)
       SELECT pg.id, p.name, p.email, p.website, p.avatar, p.body_source, p.body_html, p.status, p.ip_hash, p.created_at, p.source_id,
         CASE WHEN p.status = 'pending' THEN 'Held in the system it was imported from.' END
       FROM import_posts p JOIN import_threads t ON t.source_id = p.thread_source JOIN pages pg ON pg.site = ?1 AND pg.key = t.key
       ORDER BY p.created_at`,
      [site],
    );
    // Threading: parents by source id, on the same page; then depths, level by level.
    await q(
      `UPDATE comments SET parent_id = (SELECT par.id FROM import_posts p JOIN comments par ON par.source_id = p.parent_source
                                        WHERE p.source_id = comments.source_id AND par.page_id = comments.page_id)
       WHERE source_id IN (SELECT source_id FROM import_posts WHERE parent_source IS NOT NULL) AND parent_id IS NULL`,
    );
    for (let changed = 1, level = 0; changed > 0 && level < 1000; level++) {
      changed = (await q(
        `UPDATE comments SET depth = (SELECT par.depth + 1 FROM comments par WHERE par.id = comments.parent_id)
         WHERE source_id IN (SELECT source_id FROM import_posts) AND parent_id IS NOT NULL
           AND depth != (SELECT par.depth + 1 FROM comments par WHERE par.id = comments.parent_id)`,
      )).rowsAffected;
    }
    // Counters of every page the import touched, as readers can reach them.
    const touched = await q(`SELECT DISTINCT pg.id FROM import_threads t JOIN pages pg ON pg.site = ?1 AND pg.key = t.key`, [site]);
    await recountPages(tx, touched.rows.map((r) => Number(r.id)));
    await q('DELETE FROM import_threads');
    await q('DELETE FROM import_posts');
    const skipped: Record<string, number> = {};
    if (unknownThread > 0) skipped['posts of unknown threads, or of threads without a usable link'] = unknownThread;
    if (deletedWithoutReplies > 0) skipped['deleted posts without replies'] = deletedWithoutReplies;
    return { pages, imported: inserted.rowsAffected, alreadyThere, skipped };
  });
}
