/** Liveness for load balancers and `npm start` scripts: answers once the database answers. */
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { ping } from '../store/meta.ts';

export function healthRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    await ping(deps.db);
    return c.json({ ok: true });
  });
  return app;
}
