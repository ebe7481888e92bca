/** Spam defences that need no moderator: the form's timing token, the blocklist, counting links. */
import { keyedHash, sameHash } from './hash.ts';

/** A token the thread hands out and a post gives back: when the form was shown, signed. */
export function formToken(secret: string, now: number): string {
  const issued = now.toString(36);
  return `${issued}.${keyedHash(secret, 'form', issued).slice(0, 22)}`;
}

/** Seconds still to wait before the form may be posted, or 'invalid' for a token we did not make. */
export function formWait(secret: string, token: string | undefined, minSeconds: number, now: number): number | 'invalid' {
  const [issued, signature] = (token ?? '').split('.');
  if (!issued || !signature || !sameHash(signature, keyedHash(secret, 'form', issued).slice(0, 22))) return 'invalid';
  const elapsed = (now - parseInt(issued, 36)) / 1000;
  return elapsed >= minSeconds ? 0 : Math.ceil(minSeconds - elapsed);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first blocked word or phrase the text contains as whole words, ignoring case, or null. */
export function blockedPhrase(blocklist: string[], text: string): string | null {
  const haystack = text.normalize('NFC');
  return blocklist.find((phrase) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase.normalize('NFC'))}(?![\\p{L}\\p{N}])`, 'iu').test(haystack)) ?? null;
}

export const linkCount = (html: string) => (html.match(/<a\s/gi) ?? []).length;
