/** Reading comments: a page's thread, more replies of a comment, a linked comment in its thread. */
import { Hono } from 'hono';
import { limits } from '../../shared/limits.ts';
import { commentId, repliesQuerySchema, threadQuerySchema } from '../../shared/schemas.ts';
import type { CommentContextResponse, RepliesResponse } from '../../shared/types.ts';
import { prepareJson, type PreparedJson } from '../cache/prepared-json.ts';
import { ReadCache } from '../cache/read-cache.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { answerJson } from '../middleware/etag.ts';
import { formToken } from '../security/spam.ts';
import { emptyPage } from '../store/pages.ts';
import { commentInContext } from '../store/permalink.ts';
import { pageInfo, pageInfoChangesAt, threadHead } from '../store/read-heads.ts';
import { listReplies, listTopLevel, siteOfVisibleComment } from '../store/thread.ts';
import { parse } from '../validate.ts';
import { allowedSite, requireSite } from './require-site.ts';

export function commentRoutes(deps: Deps): Hono {
  const { db } = deps;
  const app = new Hono();
  // Thread answers as every reader gets them (nothing in them is per reader but the form token, added per
  // request), kept per page, sort, cursor, limit and the site settings they show, for the page's version.
  const threads = new ReadCache<PreparedJson>({ maxEntries: 20_000, maxBytes: deps.config.readCacheBytes });

  app.get('/', async (c) => {
    const query = parse(threadQuerySchema, c.req.query());
    const slug = query.site ?? 'default';
    const head = await threadHead(db, slug, query.page);
    const site = allowedSite(c, deps, head?.site ?? null, slug);
    const { settings } = site;
    const sort = query.sort ?? settings.defaultSort;
    const now = Date.now();
    const page = head?.page ?? null;
    const limit = query.limit ?? limits.pageSizeDefault;
    const prepared = page
      ? await threads.get(
          JSON.stringify([page.id, sort, limit, query.cursor ?? null, settings.maxDepth, settings.closeAfterDays]),
          page.version,
          now,
          async () => ({
            value: prepareJson({ page: pageInfo(page, settings, now), sort, ...(await listTopLevel(db, page.id, { sort, limit, cursor: query.cursor })) }),
            validUntil: pageInfoChangesAt(page, settings, now),
          }),
        )
      : prepareJson({ page: emptyPage(query.page, settings.maxDepth), sort, comments: [], nextCursor: null });
    // Signed for the key the page asked with: a post to that same key gives it back. Per request, so not cached.
    return answerJson(c, prepared, { formToken: formToken(deps.secret, site.slug, query.page, now) });
  });

  app.get('/:id/replies', async (c) => {
    const id = Number(parse(commentId, c.req.param('id')));
    const query = parse(repliesQuerySchema, c.req.query());
    const siteSlug = await siteOfVisibleComment(db, id);
    if (siteSlug === null) throw new ApiError('not_found', 'There is no such comment.');
    await requireSite(c, deps, siteSlug);
    const body: RepliesResponse = await listReplies(db, id, { limit: query.limit ?? limits.pageSizeDefault, cursor: query.cursor });
    return c.json(body);
  });

  app.get('/:id/context', async (c) => {
    const id = Number(parse(commentId, c.req.param('id')));
    const found = await commentInContext(db, id);
    if (!found) throw new ApiError('not_found', 'There is no such comment.');
    await requireSite(c, deps, found.site);
    const body: CommentContextResponse = { page: found.page.info, comment: found.root };
    return c.json(body);
  });

  return app;
}
