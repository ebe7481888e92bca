/** Keyed hashes and random tokens: raw IPs and raw tokens are never stored, only these. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type HashPurpose = 'ip' | 'edit-token' | 'avatar' | 'voter' | 'session' | 'form' | 'email-link' | 'guest-session' | 'unsubscribe';

export function keyedHash(secret: string, purpose: HashPurpose, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of two hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
