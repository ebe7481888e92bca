/** The site a public request names (or `default`), checked against the request's Origin. */
import type { Context } from 'hono';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { assertOriginAllowed } from '../security/origins.ts';
import { getSite, type Site } from '../store/sites.ts';

export async function requireSite(c: Context, deps: Deps, slug = 'default'): Promise<Site> {
  return allowedSite(c, deps, await getSite(deps.db, slug), slug);
}

/** The same checks for a site already read (with what else the request needed, in one query). */
export function allowedSite(c: Context, deps: Deps, site: Site | null, slug: string): Site {
  if (!site) throw new ApiError('not_found', `There is no site "${slug}" on this server.`, 'site');
  assertOriginAllowed(c, deps.config, site);
  return site;
}
