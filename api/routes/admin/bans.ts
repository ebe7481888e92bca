/** Bans: list those in force, add one (for a time or for good), lift one. */
import { Hono } from 'hono';
import { banSchema, commentId } from '../../../shared/schemas.ts';
import type { Deps } from '../../deps.ts';
import { writeTransaction } from '../../db/write.ts';
import { ApiError } from '../../errors.ts';
import type { AdminEnv } from '../../middleware/admin-guard.ts';
import { readJson } from '../../middleware/json-body.ts';
import { audit } from '../../store/audit.ts';
import { addBan, liftBan, listBans } from '../../store/bans.ts';
import { parse } from '../../validate.ts';

export function adminBanRoutes(deps: Deps): Hono<AdminEnv> {
  const { db } = deps;
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => c.json({ bans: await listBans(db, Date.now()) }));

  app.post('/', async (c) => {
    const input = parse(banSchema, await readJson(c));
    const now = Date.now();
    const until = input.until ? Date.parse(input.until) : null;
    if (until !== null && until <= now) throw new ApiError('validation', 'A ban must end in the future.', 'until');
    // Emails and names are compared without case; IP hashes as the admin page shows them.
    const value = input.kind === 'ip' ? input.value : input.value.toLowerCase();
    const admin = c.get('admin');
    const ban = await writeTransaction(db, async (tx) => {
      const made = await addBan(tx, { kind: input.kind, value, reason: input.reason, until, adminId: admin.id, now });
      await audit(tx, admin, 'ban', `${input.kind} ${value}`, until ? `until ${new Date(until).toISOString()}` : 'for good');
      return made;
    });
    return c.json({ ban }, 201);
  });

  app.delete('/:id', async (c) => {
    const id = Number(parse(commentId, c.req.param('id')));
    const admin = c.get('admin');
    await writeTransaction(db, async (tx) => {
      if (!(await liftBan(tx, id))) throw new ApiError('not_found', 'There is no such ban.');
      await audit(tx, admin, 'unban', `ban ${id}`);
    });
    return c.body(null, 204);
  });

  return app;
}
