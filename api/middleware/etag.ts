/** Conditional reads: an ETag over what the answer says, and 304 when the client already has it. */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** Answers `body` as JSON, or 304 when If-None-Match already names its tag. `varying` parts are left out of the tag. */
export function jsonWithEtag<T extends object>(c: Context, body: T, varying: (keyof T)[] = []): Response {
  const stable = Object.fromEntries(Object.entries(body).filter(([k]) => !varying.includes(k as keyof T)));
  const etag = `W/"${createHash('sha1').update(JSON.stringify(stable)).digest('base64url').slice(0, 22)}"`;
  // Browsers revalidate every time (cheap with the ETag); a CDN may keep a public read for a few seconds.
  c.header('Cache-Control', 'public, max-age=0, s-maxage=5');
  c.header('ETag', etag);
  const asked = c.req.header('if-none-match');
  if (asked && asked.split(',').some((tag) => tag.trim() === etag)) return c.body(null, 304);
  return c.json(body);
}
