/** Moderator sessions: a random id in an HttpOnly, SameSite=Strict cookie; the server keeps only its keyed hash. */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../deps.ts';
import type { Admin } from '../store/admins.ts';
import { createSession, deleteSession, sessionAdmin } from '../store/sessions.ts';
import { keyedHash, newToken } from './hash.ts';
import { ownOrigin } from './origins.ts';

const cookieName = 'parley_session';
export const sessionDays = 14;

export async function startSession(c: Context, deps: Deps, admin: Admin, now: number): Promise<void> {
  const token = newToken();
  const maxAge = sessionDays * 24 * 3600;
  await createSession(deps.db, keyedHash(deps.secret, 'session', token), admin.id, now, now + maxAge * 1000);
  setCookie(c, cookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: ownOrigin(c, deps.config).startsWith('https:'),
    maxAge,
  });
}

/** The signed-in moderator of this request, or null. */
export async function currentAdmin(c: Context, deps: Deps): Promise<Admin | null> {
  const token = getCookie(c, cookieName);
  if (!token || !/^[\w-]{20,128}$/.test(token)) return null;
  return sessionAdmin(deps.db, keyedHash(deps.secret, 'session', token), Date.now());
}

export async function endSession(c: Context, deps: Deps): Promise<void> {
  const token = getCookie(c, cookieName);
  if (token) await deleteSession(deps.db, keyedHash(deps.secret, 'session', token));
  deleteCookie(c, cookieName, { path: '/' });
}
