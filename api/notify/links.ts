/**
 * The links emails carry. Unsubscribe links are signed (they must work for as long as the email is kept, and
 * need nothing stored); sign-in links are random, single use and short-lived, and only their hash is stored.
 */
import { createHmac } from 'node:crypto';
import { keyedHash, newToken, sameHash } from '../security/hash.ts';

export interface UnsubscribeScope {
  site: string;
  email: string;
  /** One thread's page id, or absent for everything on the site. */
  pageId?: number;
}

export function unsubscribeToken(secret: string, scope: UnsubscribeScope): string {
  const payload = Buffer.from(JSON.stringify([scope.site, scope.email, scope.pageId ?? null])).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: string): UnsubscribeScope | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !sameHash(signature, sign(secret, payload))) return null;
  try {
    const [site, email, pageId] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (typeof site !== 'string' || typeof email !== 'string') return null;
    return typeof pageId === 'number' ? { site, email, pageId } : { site, email };
  } catch {
    return null;
  }
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe\0${payload}`).digest('base64url').slice(0, 32);
}

export function unsubscribeUrl(base: string, secret: string, scope: UnsubscribeScope): string {
  return `${base}/unsubscribe?t=${unsubscribeToken(secret, scope)}`;
}

/** A fresh sign-in link: the URL to send and the hash to store. */
export function newSignInLink(base: string, secret: string): { url: string; hash: string } {
  const token = newToken();
  return { url: `${base}/manage?t=${token}`, hash: emailTokenHash(secret, token) };
}

export function emailTokenHash(secret: string, token: string): string {
  return keyedHash(secret, 'email-link', token);
}

export const confirmLinkMs = 24 * 3600 * 1000;
export const signInLinkMs = 3600 * 1000;
