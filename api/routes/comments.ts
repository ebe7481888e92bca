/** Reading comments: a page's thread, more replies of a comment, a linked comment in its thread. */
import { Hono } from 'hono';
import { limits } from '../../shared/limits.ts';
import { commentId, repliesQuerySchema, threadQuerySchema } from '../../shared/schemas.ts';
import type { CommentContextResponse, RepliesResponse } from '../../shared/types.ts';
import { prepareJson, type PreparedJson } from '../cache/prepared-json.ts';
import { ReadCache } from '../cache/read-cache.ts';
import { SharedRead } from '../cache/shared-read.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { answerJson } from '../middleware/etag.ts';
import { formToken } from '../security/spam.ts';
import { emptyPage } from '../store/pages.ts';
import { commentInContext } from '../store/permalink.ts';
import { pageInfo, pageInfoChangesAt, pageRecord, threadHead, type ThreadHead } from '../store/read-heads.ts';
import { listReplies, listTopLevel, siteOfVisibleComment } from '../store/thread.ts';
import { parse } from '../validate.ts';
import { allowedSite, requireSite } from './require-site.ts';

export function commentRoutes(deps: Deps): Hono {
  const { db } = deps;
  const app = new Hono();
  // Thread answers as every reader gets them (nothing in them is per reader but the form token, added per
  // request), kept per page, sort, cursor, limit and the site settings they show, for the page's version;
  // in seven eighths of PARLEY_CACHE_MB (counts have the rest).
  const threads = new ReadCache<PreparedJson>({ maxEntries: 20_000, maxBytes: Math.round((deps.config.readCacheBytes * 7) / 8) });
  const heads = new SharedRead<ThreadHead | null>();
  // With mail set up, the widget's forms offer "Email me replies".
  const mail = deps.config.mail ? { emailReplies: true } : {};

  app.get('/', async (c) => {
    const query = parse(threadQuerySchema, c.req.query());
    const slug = query.site ?? 'default';
    const head = await heads.read(JSON.stringify([slug, query.page]), () => threadHead(db, slug, query.page));
    const site = allowedSite(c, deps, head?.site ?? null, slug);
    const { settings } = site;
    const sort = query.sort ?? settings.defaultSort;
    const limit = query.limit ?? limits.pageSizeDefault;
    const now = Date.now();
    const page = head?.page;
    const empty = () => prepareJson({ page: { ...emptyPage(query.page, settings.maxDepth), ...mail }, sort, comments: [], nextCursor: null });
    const prepared = !page
      ? empty()
      : await threads.get(JSON.stringify([page.id, sort, limit, query.cursor ?? null, settings.maxDepth, settings.closeAfterDays]), page.version, now, async () => {
          const record = await pageRecord(db, page.id);
          // Merged away since the head was read: answered as nobody's thread, and never from memory.
          if (!record) return { value: empty(), validUntil: 0 };
          const comments = await listTopLevel(db, page.id, { sort, limit, cursor: query.cursor });
          return { value: prepareJson({ page: { ...pageInfo(record, settings, now), ...mail }, sort, ...comments }), validUntil: pageInfoChangesAt(record, settings, now) };
        });
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
