/** Atom feeds of recent comments: a site's (`?site=`), or one thread's (`&page=`). */
import { Hono } from 'hono';
import * as v from 'valibot';
import { pageKey, siteSlug } from '../../shared/schemas.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { renderAtom } from '../render/atom.ts';
import { ownOrigin } from '../security/origins.ts';
import { feedEntries } from '../store/feed.ts';
import { getPage } from '../store/pages.ts';
import { getSite } from '../store/sites.ts';
import { parse } from '../validate.ts';

const feedQuery = v.object({ site: v.optional(siteSlug), page: v.optional(pageKey) });

export function feedRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const query = parse(feedQuery, c.req.query());
    const site = await getSite(deps.db, query.site ?? 'default');
    if (!site) throw new ApiError('not_found', `There is no site "${query.site}" on this server.`, 'site');
    const page = query.page === undefined ? null : await getPage(deps.db, site.slug, query.page);
    const own = ownOrigin(c, deps.config);
    // Where an article lives when its thread stored no URL: the site's first origin, else this server.
    const articleOrigin = site.origins[0] ?? own;
    const selfUrl = `${own}/api/feed.atom?${new URLSearchParams({ site: site.slug, ...(query.page ? { page: query.page } : {}) })}`;
    const entries = await feedEntries(deps.db, site.slug, query.page, 50);
    const body = renderAtom(
      {
        selfUrl,
        siteSlug: site.slug,
        title: query.page ? `Comments on ${page?.info.title ?? query.page}` : `Comments on ${site.name}`,
        pageUrl: page?.info.url ?? null,
        pageUrlFor: (e) => e.pageUrl ?? new URL(e.pageKey, articleOrigin).href,
      },
      entries,
    );
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(body);
  });
  return app;
}
