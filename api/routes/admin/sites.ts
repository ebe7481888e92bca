/** Sites: list, add, change name, origins and settings. */
import { Hono } from 'hono';
import { newSiteSchema, siteChangeSchema, siteSlug } from '../../../shared/schemas.ts';
import type { Deps } from '../../deps.ts';
import { writeTransaction } from '../../db/write.ts';
import type { AdminEnv } from '../../middleware/admin-guard.ts';
import { readJson } from '../../middleware/json-body.ts';
import { audit } from '../../store/audit.ts';
import { createSite, defaultSettings, listSites, updateSite } from '../../store/sites.ts';
import { parse } from '../../validate.ts';

export function adminSiteRoutes(deps: Deps): Hono<AdminEnv> {
  const { db } = deps;
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => c.json({ sites: await listSites(db) }));

  app.post('/', async (c) => {
    const input = parse(newSiteSchema, await readJson(c));
    const admin = c.get('admin');
    const site = await writeTransaction(db, async (tx) => {
      const made = await createSite(tx, { slug: input.slug, name: input.name ?? input.slug, origins: input.origins, settings: { ...defaultSettings, ...input.settings } }, Date.now());
      await audit(tx, admin, 'site add', `site ${input.slug}`, made.origins.join(' '));
      return made;
    });
    return c.json({ site }, 201);
  });

  app.patch('/:slug', async (c) => {
    const slug = parse(siteSlug, c.req.param('slug'));
    const input = parse(siteChangeSchema, await readJson(c));
    const admin = c.get('admin');
    const site = await writeTransaction(db, async (tx) => {
      const changed = await updateSite(tx, slug, input);
      await audit(tx, admin, 'site change', `site ${slug}`, JSON.stringify(input));
      return changed;
    });
    return c.json({ site });
  });

  return app;
}
