/** Headers every response carries: no MIME sniffing, no referrer leaking to other sites. */
import type { MiddlewareHandler } from 'hono';
import { addHeader } from './response-headers.ts';

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    addHeader(c, 'X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Referrer-Policy')) addHeader(c, 'Referrer-Policy', 'strict-origin-when-cross-origin');
  };
}
