/** The audit log, newest first. */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { Deps } from '../../deps.ts';
import type { AdminEnv } from '../../middleware/admin-guard.ts';
import { listAudit } from '../../store/audit.ts';
import { parse } from '../../validate.ts';

const query = v.object({ cursor: v.optional(v.pipe(v.string(), v.maxLength(512))) });

export function adminAuditRoutes(deps: Deps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const { cursor } = parse(query, c.req.query());
    return c.json(await listAudit(deps.db, { limit: 100, cursor }));
  });
  return app;
}
