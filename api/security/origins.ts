/** Which browser origins may use a site: the server's own, PARLEY_ORIGINS, and the site's list. */
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { ApiError } from '../errors.ts';
import { siteWithOrigin, type Site } from '../store/sites.ts';

export function ownOrigin(c: Context, config: Config): string {
  return config.publicUrl ?? new URL(c.req.url).origin;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's Origin was found allowed for the site it named: CORS need not look it up again. */
    originAllowed: true;
  }
}

/** Requests without an Origin come from non-browser clients and are let through. */
export function assertOriginAllowed(c: Context, config: Config, site: Site): void {
  const origin = c.req.header('origin');
  if (origin === undefined) return;
  if (!(origin === ownOrigin(c, config) || config.origins.includes(origin) || site.origins.includes(origin))) {
    throw new ApiError('forbidden', `The site "${site.slug}" does not accept requests from ${origin}. Its owner can add this origin to the site.`);
  }
  c.set('originAllowed', true);
}

/** Whether any site accepts this origin: enough to answer CORS preflights, which do not say the site. */
export async function anySiteAllows(c: Context, config: Config, db: Db, origin: string): Promise<boolean> {
  if (origin === ownOrigin(c, config) || config.origins.includes(origin) || c.get('originAllowed')) return true;
  return siteWithOrigin(db, origin);
}
