/** Rate limits per action, site and address: 429 with Retry-After when a writer, voter or editor goes too fast. */
import type { Context } from 'hono';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { countRequest } from '../store/rate-counters.ts';
import type { Site } from '../store/sites.ts';
import { clientIp } from './client-ip.ts';
import { keyedHash } from './hash.ts';

export type LimitedAction = 'post' | 'vote' | 'edit' | 'login';

const perMinute = (site: Site | null, action: LimitedAction): number => {
  // Without a site: sign-in attempts (on top of the per-account lock) and erasures, per address per minute.
  if (!site) return 20;
  return { post: site.settings.postsPerMinute, vote: site.settings.votesPerMinute, edit: site.settings.editsPerMinute, login: 20 }[action];
};

const wording: Record<LimitedAction, string> = {
  post: 'You are posting too fast',
  vote: 'You are voting too fast',
  edit: 'You are changing comments too fast',
  login: 'Too many sign-in attempts',
};

/** IPv6 hands a whole /64 to one customer: counting per address would let one writer rotate past any limit. */
function network(address: string): string {
  if (!address.includes(':') || address.startsWith('::ffff:')) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export async function enforceLimit(c: Context, deps: Deps, action: LimitedAction, site: Site | null): Promise<void> {
  if (!deps.config.rateLimits) return;
  const ipHash = keyedHash(deps.secret, 'ip', network(clientIp(c, deps.config) ?? ''));
  // PARLEY_RATE_LIMIT_FACTOR scales every limit (a benchmark's load comes from one address); never below 1.
  const max = Math.max(1, Math.floor(perMinute(site, action) * deps.config.rateLimitFactor));
  const wait = await countRequest(deps.db, `${action}:${site?.slug ?? '*'}:${ipHash}`, max, 60_000, Date.now());
  if (wait > 0) {
    throw new ApiError('rate_limited', `${wording[action]}: wait ${wait} seconds and try again.`, undefined, { 'Retry-After': String(wait) });
  }
}
