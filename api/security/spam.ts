/** Spam defences that need no moderator: the form's timing token, the blocklist, counting links. */
import { keyedHash, sameHash } from './hash.ts';

/** A form token is good for a day: long enough to write a considered comment, too short to farm. */
const maxAgeMs = 24 * 3600 * 1000;

const sign = (secret: string, site: string, page: string, issued: string) => keyedHash(secret, 'form', `${site}\0${page}\0${issued}`).slice(0, 22);

/**
 * A token the thread hands out and a post to that same thread gives back: when the form was shown (to the
 * second), signed. Every reader of a thread within one second gets the same token, made once: a busy thread's
 * reads neither sign nor build a new answer for each request (api/middleware/etag.ts keeps the last one).
 */
export function formToken(secret: string, site: string, page: string, now: number): string {
  const second = Math.floor(now / 1000) * 1000;
  const key = `${site}\0${page}`;
  const made = recent.get(key);
  if (made?.second === second) return made.token;
  const issued = second.toString(36);
  const token = `${issued}.${sign(secret, site, page, issued)}`;
  if (recent.size >= 10_000) recent.clear();
  recent.set(key, { second, token });
  return token;
}

/** The last token made per thread (the secret never changes while the server runs). */
const recent = new Map<string, { second: number; token: string }>();

/** Seconds still to wait before the form may be posted, or 'invalid' for a token not made for this thread, or too old. */
export function formWait(secret: string, token: string | undefined, site: string, page: string, minSeconds: number, now: number): number | 'invalid' {
  const [issued, signature] = (token ?? '').split('.');
  if (!issued || !signature || !sameHash(signature, sign(secret, site, page, issued))) return 'invalid';
  const age = now - parseInt(issued, 36);
  if (age > maxAgeMs) return 'invalid';
  return age >= minSeconds * 1000 ? 0 : Math.ceil(minSeconds - age / 1000);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first blocked word or phrase the text contains as whole words, ignoring case, or null. */
export function blockedPhrase(blocklist: string[], text: string): string | null {
  const haystack = text.normalize('NFC');
  return blocklist.find((phrase) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase.normalize('NFC'))}(?![\\p{L}\\p{N}])`, 'iu').test(haystack)) ?? null;
}

export const linkCount = (html: string) => (html.match(/<a\s/gi) ?? []).length;
