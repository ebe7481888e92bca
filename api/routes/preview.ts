/** Renders a draft exactly as it would be posted, for the form's Preview. Stores nothing. */
import { Hono } from 'hono';
import { previewSchema } from '../../shared/schemas.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readJson } from '../middleware/json-body.ts';
import { anySiteAllows } from '../security/origins.ts';
import { renderComment } from '../render/markdown.ts';
import { parse } from '../validate.ts';

export function previewRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    // Previews are for the pages that embed Parley: a browser elsewhere is refused, like a post would be.
    const origin = c.req.header('origin');
    if (origin !== undefined && !(await anySiteAllows(c, deps.config, deps.db, origin))) {
      throw new ApiError('forbidden', `Previews are not offered to ${origin}.`);
    }
    const input = parse(previewSchema, await readJson(c));
    return c.json({ html: renderComment(input.body) });
  });
  return app;
}
