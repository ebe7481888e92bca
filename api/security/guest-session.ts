/**
 * A guest who proved their address with an emailed link: a random id in an HttpOnly cookie on this server's
 * own pages (/manage), with only its keyed hash stored. SameSite=Lax, and every change must come from this
 * server's own origin.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../deps.ts';
import { createGuestSession, deleteGuestSession, guestOf } from '../store/subscribers.ts';
import { keyedHash, newToken } from './hash.ts';
import { ownOrigin } from './origins.ts';

const cookieName = 'parley_guest';
const days = 7;

export interface Guest {
  site: string;
  email: string;
}

export async function startGuestSession(c: Context, deps: Deps, guest: Guest, now: number): Promise<void> {
  const token = newToken();
  const maxAge = days * 24 * 3600;
  await createGuestSession(deps.db, keyedHash(deps.secret, 'guest-session', token), guest.site, guest.email, now, now + maxAge * 1000);
  setCookie(c, cookieName, token, { path: '/manage', httpOnly: true, sameSite: 'Lax', secure: ownOrigin(c, deps.config).startsWith('https:'), maxAge });
}

export async function currentGuest(c: Context, deps: Deps): Promise<Guest | null> {
  const token = getCookie(c, cookieName);
  if (!token || !/^[\w-]{20,128}$/.test(token)) return null;
  return guestOf(deps.db, keyedHash(deps.secret, 'guest-session', token), Date.now());
}

export async function endGuestSession(c: Context, deps: Deps): Promise<void> {
  const token = getCookie(c, cookieName);
  if (token) await deleteGuestSession(deps.db, keyedHash(deps.secret, 'guest-session', token));
  deleteCookie(c, cookieName, { path: '/manage' });
}
