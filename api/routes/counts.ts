/** Comment counts for several pages of a site in one request, for <parley-count> badges. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { limits } from '../../shared/limits.ts';
import { pageKey, siteSlug } from '../../shared/schemas.ts';
import type { CountsResponse } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { jsonWithEtag } from '../middleware/etag.ts';
import { countComments } from '../store/pages.ts';
import { parse } from '../validate.ts';
import { requireSite } from './require-site.ts';

const countsQuery = v.object({
  site: v.optional(siteSlug),
  page: v.pipe(
    v.array(pageKey),
    v.minLength(1, 'Name at least one page: /api/counts?page=/a&page=/b'),
    v.maxLength(limits.countsPagesMax, `At most ${limits.countsPagesMax} pages per request.`),
  ),
});

export function countRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const query = parse(countsQuery, { site: c.req.query('site'), page: c.req.queries('page') ?? [] });
    const site = await requireSite(c, deps, query.site);
    const body: CountsResponse = { counts: await countComments(deps.db, site.slug, [...new Set(query.page)]) };
    return jsonWithEtag(c, body);
  });
  return app;
}
