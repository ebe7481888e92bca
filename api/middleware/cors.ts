/** CORS for the public API: allowed origins get the headers, preflights are answered here. */
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { anySiteAllows } from '../security/origins.ts';
import { addHeader } from './response-headers.ts';

export function publicCors(options: { config: Config; db: Db }): MiddlewareHandler {
  const { config, db } = options;
  return async function publicCors(c, next) {
    if (c.req.path.startsWith('/api/admin')) return next();
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      const allowed = origin !== undefined && (await anySiteAllows(c, config, db, origin));
      c.header('Vary', 'Origin');
      if (allowed) {
        c.header('Access-Control-Allow-Origin', origin);
        c.header('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
        c.header('Access-Control-Allow-Headers', 'Content-Type, Authorization');
        c.header('Access-Control-Max-Age', '600');
      }
      return c.body(null, 204);
    }
    await next();
    addHeader(c, 'Vary', 'Origin', { append: true });
    // Asked after the route: one that checked the Origin against its site has said so, and costs no query here.
    if (origin !== undefined && (await anySiteAllows(c, config, db, origin))) addHeader(c, 'Access-Control-Allow-Origin', origin);
  };
}
