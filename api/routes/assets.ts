/** The built widget (/embed.js and its source map) and the demo article page (/). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import adminPage from '../assets/admin.html?raw';
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

// The admin page is this server's alone: no framing, no other origin's scripts, no inline anything.
const adminCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const types: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  map: 'application/json; charset=utf-8',
  json: 'application/json; charset=utf-8',
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

  /**
   * A built file, read once; the widget and its language files are public and may be fetched from any page.
   * Content-hashed files never change, so browsers and CDNs keep them for good.
   */
  async function serveBuilt(c: Context, file: string, immutable = false): Promise<Response> {
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = await readFile(join(deps.assetsDir, file)).catch(() => undefined);
      if (!bytes) {
        throw new ApiError('not_found', file.startsWith('i18n/') ? 'Parley has no such language.' : 'The widget is not built yet: run `npm run build`.');
      }
      cache.set(file, bytes);
    }
    c.header('Content-Type', types[file.split('.').pop()!] ?? 'application/octet-stream');
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(bytes));
  }

  app.get('/admin', (c) => {
    c.header('Content-Security-Policy', adminCsp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cache-Control', 'no-store');
    return c.html(adminPage);
  });

  app.get('/:file{embed\\.js(\\.map)?}', (c) => serveBuilt(c, c.req.param('file')));
  app.get('/admin.js', (c) => serveBuilt(c, 'admin.js'));
  app.get('/i18n/:file{[a-z]{2}\\.json}', (c) => serveBuilt(c, `i18n/${c.req.param('file')}`));
  app.get('/widget/:file{[\\w-]+-[A-Z0-9]{8}\\.js(\\.map)?}', (c) => serveBuilt(c, `widget/${c.req.param('file')}`, true));

  return app;
}
