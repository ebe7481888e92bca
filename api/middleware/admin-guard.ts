/** Admin routes: changes only from this server's own pages (CSRF), and only by a signed-in moderator. */
import type { Context, MiddlewareHandler } from 'hono';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { ownOrigin } from '../security/origins.ts';
import { currentAdmin } from '../security/session.ts';
import type { Admin } from '../store/admins.ts';

export interface AdminEnv {
  Variables: { admin: Admin };
}

const reads = new Set(['GET', 'HEAD']);

/** A state change must come from a page of this server: browsers always send Origin with such requests. */
export function assertOwnOrigin(c: Context, deps: Deps): void {
  if (reads.has(c.req.method)) return;
  if (c.req.header('origin') !== ownOrigin(c, deps.config)) {
    throw new ApiError('forbidden', 'Moderator changes are only accepted from the admin page of this server.');
  }
}

export function adminGuard(deps: Deps): MiddlewareHandler<AdminEnv> {
  return async function adminGuard(c, next) {
    assertOwnOrigin(c, deps);
    const admin = await currentAdmin(c, deps);
    if (!admin) throw new ApiError('unauthorized', 'Sign in as a moderator first.');
    c.set('admin', admin);
    c.header('Cache-Control', 'no-store');
    await next();
  };
}
