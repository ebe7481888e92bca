/** Threads as moderators see them: counts, pending counts, and locking. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { pageLockSchema, pageMoveSchema, siteSlug } from '../../../shared/schemas.ts';
import type { Deps } from '../../deps.ts';
import { writeTransaction } from '../../db/write.ts';
import { ApiError } from '../../errors.ts';
import type { AdminEnv } from '../../middleware/admin-guard.ts';
import { readJson } from '../../middleware/json-body.ts';
import { listPages, setLocked } from '../../store/admin-pages.ts';
import { audit } from '../../store/audit.ts';
import { movePage } from '../../store/page-moves.ts';
import { getSite } from '../../store/sites.ts';
import { parse } from '../../validate.ts';

const listQuery = v.object({ site: v.optional(siteSlug), cursor: v.optional(v.pipe(v.string(), v.maxLength(512))) });

export function adminPageRoutes(deps: Deps): Hono<AdminEnv> {
  const { db } = deps;
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const q = parse(listQuery, c.req.query());
    return c.json(await listPages(db, { ...q, limit: 100 }));
  });

  app.patch('/', async (c) => {
    const input = parse(pageLockSchema, await readJson(c));
    const site = input.site ?? 'default';
    if (!(await getSite(db, site))) throw new ApiError('not_found', `There is no site "${site}".`, 'site');
    const admin = c.get('admin');
    const page = await writeTransaction(db, async (tx) => {
      const changed = await setLocked(tx, site, input.page, input.locked, Date.now());
      await audit(tx, admin, input.locked ? 'lock' : 'unlock', `page ${site}:${input.page}`);
      return changed;
    });
    return c.json({ page });
  });

  app.post('/move', async (c) => {
    const input = parse(pageMoveSchema, await readJson(c));
    const site = input.site ?? 'default';
    if (!(await getSite(db, site))) throw new ApiError('not_found', `There is no site "${site}".`, 'site');
    const admin = c.get('admin');
    const result = await writeTransaction(db, async (tx) => {
      const moved = await movePage(tx, site, input.from, input.to);
      await audit(tx, admin, moved.merged ? 'merge' : 'move', `page ${site}:${input.from}`, `to ${input.to}`);
      return moved;
    });
    return c.json(result);
  });

  return app;
}
