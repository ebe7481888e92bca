/** The moderation queue: read across sites, act on one comment or on a selection, edit with a note. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { adminQuerySchema, bulkSchema, commentId, editSchema, moderationActions } from '../../../shared/schemas.ts';
import type { Deps } from '../../deps.ts';
import { writeTransaction } from '../../db/write.ts';
import type { AdminEnv } from '../../middleware/admin-guard.ts';
import { readJson } from '../../middleware/json-body.ts';
import { notifyContext } from '../../notify/context.ts';
import { commentModerated } from '../../notify/events.ts';
import { renderComment } from '../../render/markdown.ts';
import { audit } from '../../store/audit.ts';
import { listQueue, moderate, moderatorEdit } from '../../store/moderation.ts';
import { parse } from '../../validate.ts';

const actionParam = v.picklist(moderationActions, 'The action must be approve, spam, delete, restore, pin or unpin.');

export function adminCommentRoutes(deps: Deps): Hono<AdminEnv> {
  const { db } = deps;
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const q = parse(adminQuerySchema, c.req.query());
    return c.json(await listQueue(db, { ...q, limit: q.limit ?? 50 }));
  });

  app.post('/bulk', async (c) => {
    const { ids, action } = parse(bulkSchema, await readJson(c));
    const admin = c.get('admin');
    const comments = await writeTransaction(db, async (tx) => {
      const done = [];
      const ctx = notifyContext(deps);
      for (const id of ids) {
        const changed = await moderate(tx, Number(id), action);
        await commentModerated(tx, ctx, Number(id), changed.before, changed.comment.status);
        done.push(changed.comment);
        await audit(tx, admin, action, `comment ${id}`, 'bulk');
      }
      return done;
    });
    deps.outbox?.kick();
    return c.json({ comments });
  });

  app.post('/:id/:action', async (c) => {
    const id = Number(parse(commentId, c.req.param('id')));
    const action = parse(actionParam, c.req.param('action'));
    const admin = c.get('admin');
    const comment = await writeTransaction(db, async (tx) => {
      const changed = await moderate(tx, id, action);
      await commentModerated(tx, notifyContext(deps), id, changed.before, changed.comment.status);
      await audit(tx, admin, action, `comment ${id}`);
      return changed.comment;
    });
    deps.outbox?.kick();
    return c.json({ comment });
  });

  app.patch('/:id', async (c) => {
    const id = Number(parse(commentId, c.req.param('id')));
    const { body } = parse(editSchema, await readJson(c));
    const admin = c.get('admin');
    const comment = await writeTransaction(db, async (tx) => {
      const edited = await moderatorEdit(tx, id, body, renderComment(body), Date.now());
      await audit(tx, admin, 'edit', `comment ${id}`);
      return edited;
    });
    return c.json({ comment });
  });

  return app;
}
