/** Liveness for load balancers and `npm start` scripts: answers once the database answers. */
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';

export function healthRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    await deps.db.execute('SELECT 1');
    return c.json({ ok: true });
  });
  return app;
}
