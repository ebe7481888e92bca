/** Public comment routes: read a thread, read more replies, post a comment. */
import { Hono } from 'hono';
import { limits } from '../../shared/limits.ts';
import { commentId, newCommentSchema, repliesQuerySchema, threadQuerySchema } from '../../shared/schemas.ts';
import type { CommentContextResponse, PostCommentResponse, RepliesResponse, ThreadResponse } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readJson } from '../middleware/json-body.ts';
import { renderComment } from '../render/markdown.ts';
import { clientIp } from '../security/client-ip.ts';
import { keyedHash, newToken } from '../security/hash.ts';
import { createComment } from '../store/comments.ts';
import { emptyPage, getPage } from '../store/pages.ts';
import { commentInContext } from '../store/permalink.ts';
import { listReplies, listTopLevel, siteOfVisibleComment } from '../store/thread.ts';
import { parse } from '../validate.ts';
import { requireSite } from './require-site.ts';

export function commentRoutes(deps: Deps): Hono {
  const { db, secret } = deps;
  const app = new Hono();

  app.get('/', async (c) => {
    const query = parse(threadQuerySchema, c.req.query());
    const site = await requireSite(c, deps, query.site);
    const page = await getPage(db, site.slug, query.page);
    const body: ThreadResponse = page
      ? { page: page.info, ...(await listTopLevel(db, page.id, {
          sort: query.sort ?? site.settings.defaultSort,
          limit: query.limit ?? limits.pageSizeDefault,
          cursor: query.cursor,
        })) }
      : { page: emptyPage(query.page), comments: [], nextCursor: null };
    return c.json(body);
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

  app.post('/', async (c) => {
    const input = parse(newCommentSchema, await readJson(c));
    const site = await requireSite(c, deps, input.site);
    const name = input.author?.name ?? '';
    if (site.settings.requireName && name === '') throw new ApiError('validation', 'Please give a name.', 'author.name');
    const email = input.author?.email || null;
    const ip = clientIp(c);
    const editToken = newToken();
    const createdAt = Date.now();
    const comment = await createComment(db, {
      site: site.slug,
      pageKey: input.page,
      pageUrl: input.pageUrl || null,
      pageTitle: input.pageTitle || null,
      parentId: input.parentId ? Number(input.parentId) : null,
      name,
      email,
      website: input.author?.website || null,
      avatar: keyedHash(secret, 'avatar', (email ?? name).toLowerCase()).slice(0, 16),
      source: input.body,
      html: renderComment(input.body),
      status: 'approved',
      ipHash: ip === null ? null : keyedHash(secret, 'ip', ip),
      editTokenHash: keyedHash(secret, 'edit-token', editToken),
      createdAt,
    });
    const body: PostCommentResponse = {
      comment,
      editToken,
      editableUntil: new Date(createdAt + site.settings.editWindowSeconds * 1000).toISOString(),
    };
    return c.json(body, 201);
  });

  return app;
}
