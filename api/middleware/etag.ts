/** Conditional reads: an ETag over what the answer says, 304 when the client already has it, gzip kept ready. */
import type { Context } from 'hono';
import { gzipBody, plainBody, tailOf, type PreparedJson } from '../cache/prepared-json.ts';

/**
 * Answers a prepared JSON body with `extra` fields appended (left out of the tag), or 304 when If-None-Match
 * already names its tag. Browsers revalidate every time (cheap with the ETag); a CDN may keep a public read
 * for a few seconds.
 */
export function answerJson(c: Context, prepared: PreparedJson, extra: Record<string, string> = {}): Response {
  // Vary is set here, whole: the compress middleware then has nothing to add after the response is made.
  const headers: Record<string, string> = { 'Cache-Control': 'public, max-age=0, s-maxage=5', ETag: prepared.etag, Vary: 'Accept-Encoding' };
  const asked = c.req.header('if-none-match');
  if (asked && asked.split(',').some((tag) => tag.trim() === prepared.etag)) return c.body(null, 304, headers);
  const tail = tailOf(prepared, extra);
  const gzip = acceptsGzip(c.req.header('accept-encoding')) ? gzipBody(prepared, tail) : null;
  if (gzip) return c.body(gzip, 200, { ...headers, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
  return c.body(plainBody(prepared, tail), 200, { ...headers, 'Content-Type': 'application/json' });
}

/** Whether Accept-Encoding names gzip without refusing it (q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    return (coding === 'gzip' || coding === 'x-gzip') && !params.some((p) => /^q=0(\.0{0,3})?$/.test(p));
  });
}
