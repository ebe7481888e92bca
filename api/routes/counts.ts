/** Comment counts for several pages of a site in one request, for <parley-count> badges. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { limits } from '../../shared/limits.ts';
import { pageKey, siteSlug } from '../../shared/schemas.ts';
import type { CountsResponse } from '../../shared/types.ts';
import { prepareJson, type PreparedJson } from '../cache/prepared-json.ts';
import { ReadCache } from '../cache/read-cache.ts';
import { SharedRead } from '../cache/shared-read.ts';
import type { Deps } from '../deps.ts';
import { answerJson } from '../middleware/etag.ts';
import { countComments } from '../store/pages.ts';
import { countsHead } from '../store/read-heads.ts';
import { parse } from '../validate.ts';
import { allowedSite } from './require-site.ts';

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
  // Answers per site and list of keys, for the site's counts version; small, so an eighth of the memory.
  const counts = new ReadCache<PreparedJson>({ maxEntries: 20_000, maxBytes: Math.round(deps.config.readCacheBytes / 8) });
  const heads = new SharedRead<Awaited<ReturnType<typeof countsHead>>>();
  app.get('/', async (c) => {
    const query = parse(countsQuery, { site: c.req.query('site'), page: c.req.queries('page') ?? [] });
    const slug = query.site ?? 'default';
    const head = await heads.read(slug, () => countsHead(deps.db, slug));
    const site = allowedSite(c, deps, head?.site ?? null, slug);
    const keys = [...new Set(query.page)];
    const prepared = await counts.get(JSON.stringify([site.slug, keys]), head!.countsVersion, Date.now(), async () => {
      const body: CountsResponse = { counts: await countComments(deps.db, site.slug, keys) };
      return { value: prepareJson(body), validUntil: Infinity };
    });
    return answerJson(c, prepared);
  });
  return app;
}
