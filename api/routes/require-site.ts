/** The site a public request names (or `default`), checked against the request's Origin. */
import type { Context } from 'hono';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { assertOriginAllowed } from '../security/origins.ts';
import { getSite, type Site } from '../store/sites.ts';

export async function requireSite(c: Context, deps: Deps, slug = 'default'): Promise<Site> {
  const site = await getSite(deps.db, slug);
  if (!site) throw new ApiError('not_found', `There is no site "${slug}" on this server.`, 'site');
  assertOriginAllowed(c, deps.config, site);
  return site;
}
