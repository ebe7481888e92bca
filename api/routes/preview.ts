/** Renders a draft exactly as it would be posted, for the form's Preview. Stores nothing. */
import { Hono } from 'hono';
import { previewSchema } from '../../shared/schemas.ts';
import type { Deps } from '../deps.ts';
import { readJson } from '../middleware/json-body.ts';
import { renderComment } from '../render/markdown.ts';
import { parse } from '../validate.ts';

export function previewRoutes(_deps: Deps): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    const input = parse(previewSchema, await readJson(c));
    return c.json({ html: renderComment(input.body) });
  });
  return app;
}
