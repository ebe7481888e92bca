/**
 * Headers that middleware adds to a response already made. In place when the response allows it: Hono's
 * c.header() would rebuild the response around its body as a stream, which costs a busy read path more than
 * the handler itself (under @hono/node-server the plain response would be written directly).
 */
import type { Context } from 'hono';

export function addHeader(c: Context, name: string, value: string, options: { append?: boolean } = {}): void {
  try {
    if (options.append) c.res.headers.append(name, value);
    else c.res.headers.set(name, value);
  } catch {
    // Immutable headers (a Response from fetch(), Response.redirect()): let Hono copy the response.
    c.header(name, value, options);
  }
}
