/** Reading comments: a page's thread, more replies of a comment, a linked comment in its thread. */
import { Hono } from 'hono';
import { limits } from '../../shared/limits.ts';
import { commentId, repliesQuerySchema, threadQuerySchema } from '../../shared/schemas.ts';
import type { CommentContextResponse, RepliesResponse, ThreadResponse } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { jsonWithEtag } from '../middleware/etag.ts';
import { formToken } from '../security/spam.ts';
import { emptyPage, getPage } from '../store/pages.ts';
import { commentInContext } from '../store/permalink.ts';
import { listReplies, listTopLevel, siteOfVisibleComment } from '../store/thread.ts';
import { parse } from '../validate.ts';
import { requireSite } from './require-site.ts';

export function commentRoutes(deps: Deps): Hono {
  const { db } = deps;
  const app = new Hono();

  app.get('/', async (c) => {
    const query = parse(threadQuerySchema, c.req.query());
    const site = await requireSite(c, deps, query.site);
    const page = await getPage(db, site.slug, query.page, site.settings.closeAfterDays, site.settings.maxDepth);
    const sort = query.sort ?? site.settings.defaultSort;
    // Signed for the key the page asked with: a post to that same key gives it back.
    const form = formToken(deps.secret, site.slug, query.page, Date.now());
    const body: ThreadResponse = page
      ? { page: page.info, sort, formToken: form, ...(await listTopLevel(db, page.id, { sort, limit: query.limit ?? limits.pageSizeDefault, cursor: query.cursor })) }
      : { page: emptyPage(query.page, site.settings.maxDepth), sort, formToken: form, comments: [], nextCursor: null };
    return jsonWithEtag(c, body, ['formToken']);
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
