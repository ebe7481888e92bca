/** What a public read learns first, in one small indexed query: the site, the page a key names, their versions. */
import type { Db } from '../db/client.ts';
import type { PageInfo, SiteSettings } from '../../shared/types.ts';
import { isClosed } from './comments.ts';
import { toSite, type Site } from './sites.ts';

export interface PageHead {
  id: number;
  key: string;
  title: string | null;
  url: string | null;
  /** Locked by a moderator (or by an import); a thread can also close with age, see `pageInfo`. */
  locked: boolean;
  commentCount: number;
  createdAt: number;
  /** Changes in the same transaction as anything the thread's answer shows (migration 008). */
  version: number;
}

export interface ThreadHead {
  site: Site;
  /** The page the key names, directly or as an alias a moved thread left behind; null when nobody commented. */
  page: PageHead | null;
}

/** The site and the page of a thread read, or null when there is no such site. */
export async function threadHead(db: Db, site: string, key: string): Promise<ThreadHead | null> {
  const { rows } = await db.execute({
    sql: `SELECT s.slug, s.name, s.origins, s.settings,
                 p.id, p.key, p.title, p.url, p.locked, p.comment_count, p.created_at, p.version
          FROM sites s LEFT JOIN pages p ON p.id = coalesce(
            (SELECT id FROM pages WHERE site = ?1 AND key = ?2), (SELECT page_id FROM page_aliases WHERE site = ?1 AND key = ?2))
          WHERE s.slug = ?1`,
    args: [site, key],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    site: toSite(row),
    page: row.id === null ? null : {
      id: Number(row.id),
      key: String(row.key),
      title: row.title === null ? null : String(row.title),
      url: row.url === null ? null : String(row.url),
      locked: Number(row.locked) === 1,
      commentCount: Number(row.comment_count),
      createdAt: Number(row.created_at),
      version: Number(row.version),
    },
  };
}

/** The site of a counts read and the version of every count of it, or null when there is no such site. */
export async function countsHead(db: Db, site: string): Promise<{ site: Site; countsVersion: number } | null> {
  const { rows } = await db.execute({ sql: 'SELECT slug, name, origins, settings, counts_version FROM sites WHERE slug = ?', args: [site] });
  const row = rows[0];
  return row ? { site: toSite(row), countsVersion: Number(row.counts_version) } : null;
}

/** What readers see of a page `now`: a thread older than the site's closeAfterDays is shown locked. */
export function pageInfo(page: PageHead, settings: SiteSettings, now: number): PageInfo {
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
export function pageInfoChangesAt(page: PageHead, settings: SiteSettings, now: number): number {
  if (page.locked || settings.closeAfterDays === null) return Infinity;
  const closes = page.createdAt + settings.closeAfterDays * 24 * 3600 * 1000 + 1;
  return closes > now ? closes : Infinity;
}
