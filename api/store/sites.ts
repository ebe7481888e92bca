/** Sites: each has a slug, a name, the origins it may be embedded on, and its settings. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import type { SiteInfo, SiteSettings } from '../../shared/types.ts';
import { ApiError } from '../errors.ts';

export type Site = SiteInfo;

export const defaultSettings: SiteSettings = {
  moderation: 'none',
  editWindowSeconds: 15 * 60,
  requireName: false,
  maxDepth: 6,
  defaultSort: 'oldest',
  closeAfterDays: null,
  honeypot: true,
  minSecondsToPost: 3,
  maxLinks: 3,
  blocklist: [],
  blocklistAction: 'hold',
  duplicateMinutes: 10,
  postsPerMinute: 5,
  votesPerMinute: 30,
  editsPerMinute: 10,
};

export function toSite(row: Record<string, unknown>): Site {
  return {
    slug: String(row.slug),
    name: String(row.name),
    origins: JSON.parse(String(row.origins)) as string[],
    settings: { ...defaultSettings, ...(JSON.parse(String(row.settings)) as Partial<SiteSettings>) },
  };
}

export async function getSite(db: Db | Transaction, slug: string): Promise<Site | null> {
  const { rows } = await db.execute({ sql: 'SELECT slug, name, origins, settings FROM sites WHERE slug = ?', args: [slug] });
  return rows[0] ? toSite(rows[0]) : null;
}

export async function listSites(db: Db): Promise<Site[]> {
  const { rows } = await db.execute('SELECT slug, name, origins, settings FROM sites ORDER BY slug');
  return rows.map((r) => toSite(r));
}

export async function createSite(tx: Transaction, site: Site, now: number): Promise<Site> {
  const exists = await getSite(tx, site.slug);
  if (exists) throw new ApiError('conflict', `There is already a site "${site.slug}".`, 'slug');
  await tx.execute({
    sql: 'INSERT INTO sites (slug, name, origins, settings, created_at) VALUES (?, ?, ?, ?, ?)',
    args: [site.slug, site.name, JSON.stringify(site.origins), JSON.stringify(site.settings), now],
  });
  return site;
}

export async function updateSite(
  tx: Transaction,
  slug: string,
  change: { name?: string; origins?: string[]; settings?: Partial<SiteSettings> },
): Promise<Site> {
  const site = await getSite(tx, slug);
  if (!site) throw new ApiError('not_found', `There is no site "${slug}".`);
  const next: Site = {
    slug,
    name: change.name ?? site.name,
    origins: change.origins ?? site.origins,
    settings: { ...site.settings, ...change.settings },
  };
  await tx.execute({
    sql: 'UPDATE sites SET name = ?, origins = ?, settings = ? WHERE slug = ?',
    args: [next.name, JSON.stringify(next.origins), JSON.stringify(next.settings), slug],
  });
  return next;
}

/** Whether any site lists this origin. */
export async function siteWithOrigin(db: Db, origin: string): Promise<boolean> {
  const { rows } = await db.execute({
    sql: 'SELECT 1 FROM sites, json_each(sites.origins) WHERE json_each.value = ? LIMIT 1',
    args: [origin],
  });
  return rows.length > 0;
}
