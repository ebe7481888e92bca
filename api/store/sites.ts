/** Sites: each has a slug, a name, the origins it may be embedded on, and its settings. */
import type { Db } from '../db/client.ts';
import type { SortOrder } from '../../shared/types.ts';

export interface SiteSettings {
  moderation: 'none' | 'first' | 'all' | 'links';
  editWindowSeconds: number;
  requireName: boolean;
  maxDepth: number;
  defaultSort: SortOrder;
  closeAfterDays: number | null;
}

export interface Site {
  slug: string;
  name: string;
  origins: string[];
  settings: SiteSettings;
}

export const defaultSettings: SiteSettings = {
  moderation: 'none',
  editWindowSeconds: 15 * 60,
  requireName: false,
  maxDepth: 6,
  defaultSort: 'oldest',
  closeAfterDays: null,
};

export async function getSite(db: Db, slug: string): Promise<Site | null> {
  const { rows } = await db.execute({ sql: 'SELECT slug, name, origins, settings FROM sites WHERE slug = ?', args: [slug] });
  const row = rows[0];
  if (!row) return null;
  return {
    slug: String(row.slug),
    name: String(row.name),
    origins: JSON.parse(String(row.origins)) as string[],
    settings: { ...defaultSettings, ...(JSON.parse(String(row.settings)) as Partial<SiteSettings>) },
  };
}
