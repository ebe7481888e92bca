/** A writer's own comment: edit it or delete it with the edit token, while the edit window is open. */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { commentId, editSchema, mineSchema } from '../../shared/schemas.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readJson } from '../middleware/json-body.ts';
import { notifyContext } from '../notify/context.ts';
import { commentDeletedByWriter, commentsErased } from '../notify/events.ts';
import { assertMayEdit } from '../security/edit-token.ts';
import type { Site } from '../store/sites.ts';
import { eraseComments, tokenHashesOf } from '../store/writer-data.ts';
import { anySiteAllows } from '../security/origins.ts';
import { enforceLimit } from '../security/rate-limit.ts';
import { keyedHash, sameHash } from '../security/hash.ts';
import { deleteByAuthor, getOwnedComment, unpublished, type OwnedComment } from '../store/own-comments.ts';
import { parse } from '../validate.ts';
import { requireSite } from './require-site.ts';
import { writerEdit } from './writer-edit.ts';

export function ownCommentRoutes(deps: Deps): Hono {
  const { db, secret } = deps;
  const app = new Hono();

  /** The comment named in the path and its site, once the request has shown it may change it. */
  async function authorised(c: Context, now: number): Promise<{ owned: OwnedComment; site: Site }> {
    const id = Number(parse(commentId, c.req.param('id')));
    const owned = await getOwnedComment(db, id);
    if (!owned) throw new ApiError('not_found', 'There is no such comment.');
    const site = await requireSite(c, deps, owned.site);
    await enforceLimit(c, deps, 'edit', site);
    assertMayEdit(owned, c.req.header('authorization'), secret, site.settings.editWindowSeconds, now);
    return { owned, site };
  }

  // The writer's own comments that wait for a moderator, shown to them alone: the tokens prove who wrote them.
  app.post('/mine', async (c) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !(await anySiteAllows(c, deps.config, db, origin))) {
      throw new ApiError('forbidden', `Requests from ${origin} are not accepted.`);
    }
    const input = parse(mineSchema, await readJson(c));
    const tokens = new Map(input.comments.map((t) => [t.id, keyedHash(secret, 'edit-token', t.token)]));
    const found = await unpublished(db, [...tokens.keys()].map(Number));
    const comments = found.filter((f) => f.tokenHash !== null && sameHash(f.tokenHash, tokens.get(f.comment.id)!)).map((f) => f.comment);
    return c.json({ comments });
  });

  // Everything this browser wrote, at any age: the writer's right to erase, proven by the edit tokens.
  app.post('/erase', async (c) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !(await anySiteAllows(c, deps.config, db, origin))) {
      throw new ApiError('forbidden', `Requests from ${origin} are not accepted.`);
    }
    await enforceLimit(c, deps, 'edit', null);
    const input = parse(mineSchema, await readJson(c));
    const stored = await tokenHashesOf(db, input.comments.map((t) => Number(t.id)));
    const proven = input.comments
      .filter((t) => stored.has(Number(t.id)) && sameHash(stored.get(Number(t.id))!, keyedHash(secret, 'edit-token', t.token)))
      .map((t) => Number(t.id));
    const erased = await eraseComments(db, proven, (tx, ids) => commentsErased(tx, notifyContext(deps), ids));
    deps.outbox?.kick();
    return c.json({ erased });
  });

  app.patch('/:id', async (c) => {
    const now = Date.now();
    const { owned, site } = await authorised(c, now);
    const input = parse(editSchema, await readJson(c));
    const comment = await writerEdit(c, deps, owned, site, input.body, now);
    return c.json({ comment });
  });

  app.delete('/:id', async (c) => {
    const { owned } = await authorised(c, Date.now());
    await deleteByAuthor(db, owned.id, (tx, id) => commentDeletedByWriter(tx, notifyContext(deps), id));
    deps.outbox?.kick();
    return c.body(null, 204);
  });

  return app;
}
