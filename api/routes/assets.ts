/** The built widget (/embed.js and its source map) and the demo article page (/). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import demoPage from '../assets/demo.html?raw';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';

const demoCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const files: Record<string, string> = {
  'embed.js': 'text/javascript; charset=utf-8',
  'embed.js.map': 'application/json; charset=utf-8',
};

export function assetRoutes(deps: Deps): Hono {
  const app = new Hono();
  const cache = new Map<string, Buffer>();

  app.get('/', (c) => {
    c.header('Content-Security-Policy', demoCsp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    return c.html(demoPage);
  });

  app.get('/:file{embed\\.js(\\.map)?}', async (c) => {
    const file = c.req.param('file');
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = await readFile(join(deps.assetsDir, file)).catch(() => undefined);
      if (!bytes) throw new ApiError('not_found', 'The widget is not built yet: run `npm run build`.');
      cache.set(file, bytes);
    }
    c.header('Content-Type', files[file] ?? 'application/octet-stream');
    c.header('Cache-Control', 'public, max-age=300');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(bytes));
  });

  return app;
}
