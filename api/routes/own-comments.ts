/** A writer's own comment: edit it or delete it with the edit token, while the edit window is open. */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { commentId, editSchema, mineSchema } from '../../shared/schemas.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readJson } from '../middleware/json-body.ts';
import { renderComment } from '../render/markdown.ts';
import { assertMayEdit } from '../security/edit-token.ts';
import { keyedHash, sameHash } from '../security/hash.ts';
import { deleteByAuthor, getOwnedComment, unpublished, updateBody, type OwnedComment } from '../store/own-comments.ts';
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

  // The writer's own comments that wait for a moderator, shown to them alone: the tokens prove who wrote them.
  app.post('/mine', async (c) => {
    const input = parse(mineSchema, await readJson(c));
    const tokens = new Map(input.comments.map((t) => [t.id, keyedHash(secret, 'edit-token', t.token)]));
    const found = await unpublished(db, [...tokens.keys()].map(Number));
    const comments = found.filter((f) => f.tokenHash !== null && sameHash(f.tokenHash, tokens.get(f.comment.id)!)).map((f) => f.comment);
    return c.json({ comments });
  });

  app.patch('/:id', async (c) => {
    const now = Date.now();
    const owned = await authorised(c, now);
    const input = parse(editSchema, await readJson(c));
    const comment = await updateBody(db, owned, input.body, renderComment(input.body), now);
    if (!comment) throw new ApiError('not_found', 'There is no such comment.');
    return c.json({ comment });
  });

  app.delete('/:id', async (c) => {
    const { id } = await authorised(c, Date.now());
    await deleteByAuthor(db, id);
    return c.body(null, 204);
  });

  return app;
}
