/** A writer's own comment: edit it or delete it with the edit token, while the edit window is open. */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { commentId, editSchema } from '../../shared/schemas.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readJson } from '../middleware/json-body.ts';
import { renderComment } from '../render/markdown.ts';
import { assertMayEdit } from '../security/edit-token.ts';
import { deleteByAuthor, getOwnedComment, updateBody, type OwnedComment } from '../store/own-comments.ts';
import { parse } from '../validate.ts';
import { requireSite } from './require-site.ts';

export function ownCommentRoutes(deps: Deps): Hono {
  const { db, secret } = deps;
  const app = new Hono();

  /** The comment named in the path, once the request has shown it may change it. */
  async function authorised(c: Context, now: number): Promise<OwnedComment> {
    const id = Number(parse(commentId, c.req.param('id')));
    const comment = await getOwnedComment(db, id);
    if (!comment) throw new ApiError('not_found', 'There is no such comment.');
    const site = await requireSite(c, deps, comment.site);
    assertMayEdit(comment, c.req.header('authorization'), secret, site.settings.editWindowSeconds, now);
    return comment;
  }

  app.patch('/:id', async (c) => {
    const now = Date.now();
    const input = parse(editSchema, await readJson(c));
    const { id } = await authorised(c, now);
    return c.json({ comment: await updateBody(db, id, input.body, renderComment(input.body), now) });
  });

  app.delete('/:id', async (c) => {
    const { id } = await authorised(c, Date.now());
    await deleteByAuthor(db, id);
    return c.body(null, 204);
  });

  return app;
}
