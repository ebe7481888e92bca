/** Recent approved comments for the Atom feeds: of a site, or of one page. */
import type { Db } from '../db/client.ts';

export interface FeedEntry {
  id: string;
  name: string;
  html: string;
  createdAt: number;
  editedAt: number | null;
  pageKey: string;
  pageUrl: string | null;
  pageTitle: string | null;
}

export async function feedEntries(db: Db, site: string, pageKey: string | undefined, limit: number): Promise<FeedEntry[]> {
  const { rows } = await db.execute({
    sql: `SELECT c.id, c.author_name, c.body_html, c.created_at, c.edited_at, p.key, p.url, p.title
          FROM comments c JOIN pages p ON p.id = c.page_id
          WHERE p.site = ?1 ${pageKey === undefined ? '' : `AND p.id = coalesce((SELECT id FROM pages WHERE site = ?1 AND key = ?3),
                (SELECT page_id FROM page_aliases WHERE site = ?1 AND key = ?3))`} AND c.status = 'approved'
          ORDER BY c.created_at DESC, c.id DESC LIMIT ?2`,
    args: pageKey === undefined ? [site, limit] : [site, limit, pageKey],
  });
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.author_name),
    html: String(r.body_html),
    createdAt: Number(r.created_at),
    editedAt: r.edited_at === null ? null : Number(r.edited_at),
    pageKey: String(r.key),
    pageUrl: r.url === null ? null : String(r.url),
    pageTitle: r.title === null ? null : String(r.title),
  }));
}
