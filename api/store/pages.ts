/** Pages: one thread each, keyed by site and page key (the article's path by default). */
import type { Db } from '../db/client.ts';
import type { PageInfo } from '../../shared/types.ts';
import { isClosed } from './comments.ts';

export interface PageRow {
  id: number;
  info: PageInfo;
}

/** A page with what readers see of it; `closeAfterDays` (the site's setting) closes old threads. */
export async function getPage(db: Db, site: string, key: string, closeAfterDays: number | null = null, maxDepth = 6): Promise<PageRow | null> {
  // A key may be an alias a moved thread left behind: it answers with the thread under its current key.
  const { rows } = await db.execute({
    sql: `SELECT id, key, title, url, locked, comment_count, created_at FROM pages
          WHERE id = coalesce((SELECT id FROM pages WHERE site = ?1 AND key = ?2), (SELECT page_id FROM page_aliases WHERE site = ?1 AND key = ?2))`,
    args: [site, key],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    info: {
      key: String(row.key),
      title: row.title === null ? null : String(row.title),
      url: row.url === null ? null : String(row.url),
      locked: isClosed(Number(row.locked), Number(row.created_at), closeAfterDays, Date.now()),
      commentCount: Number(row.comment_count),
      maxDepth,
    },
  };
}

/** What a page that nobody has commented on yet looks like. */
export function emptyPage(key: string, maxDepth = 6): PageInfo {
  return { key, title: null, url: null, locked: false, commentCount: 0, maxDepth };
}

/** Visible comment counts for several pages of a site; unknown pages count 0. */
export async function countComments(db: Db, site: string, keys: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  if (keys.length === 0) return counts;
  const list = keys.map(() => '?').join(', ');
  const { rows } = await db.execute({
    sql: `SELECT p.key, p.comment_count FROM pages p WHERE p.site = ? AND p.key IN (${list})
          UNION ALL
          SELECT a.key, p.comment_count FROM page_aliases a JOIN pages p ON p.id = a.page_id WHERE a.site = ? AND a.key IN (${list})`,
    args: [site, ...keys, site, ...keys],
  });
  for (const row of rows) counts[String(row.key)] = Number(row.comment_count);
  return counts;
}
