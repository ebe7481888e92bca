/** Moderator sign-in and sign-out. Failed sign-ins are slowed, then refused for a while, per account and per address. */
import { Hono } from 'hono';
import { loginSchema } from '../../../shared/schemas.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../errors.ts';
import { assertOwnOrigin } from '../../middleware/admin-guard.ts';
import { readJson } from '../../middleware/json-body.ts';
import { clientIp } from '../../security/client-ip.ts';
import { keyedHash } from '../../security/hash.ts';
import { enforceLimit } from '../../security/rate-limit.ts';
import { decoyHash, verifyPassword } from '../../security/password.ts';
import { currentAdmin, endSession, startSession } from '../../security/session.ts';
import { adminByEmail } from '../../store/admins.ts';
import { clearFailures, forgiveOne, lockedFor, recordFailure } from '../../store/login-failures.ts';
import { parse } from '../../validate.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function authRoutes(deps: Deps): Hono {
  const { db, secret, config } = deps;
  const app = new Hono();

  app.post('/login', async (c) => {
    assertOwnOrigin(c, deps);
    await enforceLimit(c, deps, 'login', null);
    const input = parse(loginSchema, await readJson(c));
    const email = input.email.toLowerCase();
    const keys = [`email:${email}`, `ip:${keyedHash(secret, 'ip', clientIp(c, config) ?? '')}`];
    const now = Date.now();
    const attempts = await recordFailure(db, keys, now);
    const wait = await lockedFor(db, keys, now);
    if (wait > 0 && config.rateLimits) {
      throw new ApiError('rate_limited', `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minutes.`, undefined, { 'Retry-After': String(wait) });
    }
    const admin = await adminByEmail(db, email);
    // An unknown email is checked against a decoy, so both failures take as long and read the same.
    const ok = await verifyPassword(input.password, admin?.passwordHash ?? decoyHash);
    if (!admin || !ok) {
      if (config.rateLimits) await sleep(Math.min(250 * attempts, 3000));
      throw new ApiError('unauthorized', 'That email and password do not match a moderator.');
    }
    await clearFailures(db, keys[0]!);
    await forgiveOne(db, keys[1]!);
    await startSession(c, deps, admin, now);
    return c.body(null, 204);
  });

  app.post('/logout', async (c) => {
    assertOwnOrigin(c, deps);
    await endSession(c, deps);
    return c.body(null, 204);
  });

  app.get('/me', async (c) => {
    const admin = await currentAdmin(c, deps);
    if (!admin) throw new ApiError('unauthorized', 'Sign in as a moderator first.');
    c.header('Cache-Control', 'no-store');
    return c.json({ email: admin.email, name: admin.name });
  });

  return app;
}
