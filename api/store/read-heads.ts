/**
 * What a public read learns first, in one small indexed query: the site, the page a key names, their versions.
 * Every cached answer costs this query, so it returns one column: the client's cost per column is most of the
 * cost of a query this small (12 columns took 68 µs, one 27 µs).
 */
import type { Db } from '../db/client.ts';
import type { PageInfo, SiteSettings } from '../../shared/types.ts';
import { isClosed } from './comments.ts';
import { toSite, type Site } from './sites.ts';

export interface ThreadHead {
  site: Site;
  /**
   * The page the key names, directly or as an alias a moved thread left behind, null when nobody commented;
   * its version changes in the same transaction as anything its thread's answer shows (migration 008).
   */
  page: { id: number; version: number } | null;
}

/** The site and the page of a thread read, or null when there is no such site. */
export async function threadHead(db: Db, site: string, key: string): Promise<ThreadHead | null> {
  const { rows } = await db.execute({
    sql: `SELECT json_array(s.name, s.origins, s.settings, p.id, p.version) AS head
          FROM sites s LEFT JOIN pages p ON p.id = coalesce(
            (SELECT id FROM pages WHERE site = ?1 AND key = ?2), (SELECT page_id FROM page_aliases WHERE site = ?1 AND key = ?2))
          WHERE s.slug = ?1`,
    args: [site, key],
  });
  if (!rows[0]) return null;
  const [name, origins, settings, id, version] = JSON.parse(String(rows[0].head)) as [string, string, string, number | null, number | null];
  return { site: toSite({ slug: site, name, origins, settings }), page: id === null ? null : { id, version: Number(version) } };
}

/** The site of a counts read and the version of every count of it, or null when there is no such site. */
export async function countsHead(db: Db, site: string): Promise<{ site: Site; countsVersion: number } | null> {
  const { rows } = await db.execute({
    sql: 'SELECT json_array(name, origins, settings, counts_version) AS head FROM sites WHERE slug = ?',
    args: [site],
  });
  if (!rows[0]) return null;
  const [name, origins, settings, countsVersion] = JSON.parse(String(rows[0].head)) as [string, string, string, number];
  return { site: toSite({ slug: site, name, origins, settings }), countsVersion };
}

export interface PageRecord {
  key: string;
  title: string | null;
  url: string | null;
  /** Locked by a moderator (or by an import); a thread also closes with age, see `pageInfo`. */
  locked: boolean;
  commentCount: number;
  createdAt: number;
}

/** The page row itself, read when its thread is not in memory. */
export async function pageRecord(db: Db, id: number): Promise<PageRecord | null> {
  const { rows } = await db.execute({ sql: 'SELECT key, title, url, locked, comment_count, created_at FROM pages WHERE id = ?', args: [id] });
  const row = rows[0];
  if (!row) return null;
  return {
    key: String(row.key),
    title: row.title === null ? null : String(row.title),
    url: row.url === null ? null : String(row.url),
    locked: Number(row.locked) === 1,
    commentCount: Number(row.comment_count),
    createdAt: Number(row.created_at),
  };
}

/** What readers see of a page `now`: a thread older than the site's closeAfterDays is shown locked. */
export function pageInfo(page: PageRecord, settings: SiteSettings, now: number): PageInfo {
  return {
    key: page.key,
    title: page.title,
    url: page.url,
    locked: isClosed(page.locked ? 1 : 0, page.createdAt, settings.closeAfterDays, now),
    commentCount: page.commentCount,
    maxDepth: settings.maxDepth,
  };
}

/** When `pageInfo` of this page will next change by time alone (an open thread closing with age), or never. */
export function pageInfoChangesAt(page: PageRecord, settings: SiteSettings, now: number): number {
  if (page.locked || settings.closeAfterDays === null) return Infinity;
  const closes = page.createdAt + settings.closeAfterDays * 24 * 3600 * 1000 + 1;
  return closes > now ? closes : Infinity;
}
