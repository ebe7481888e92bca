/** The address a request came from: the socket's, as @hono/node-server passes it in the environment. */
import type { Context } from 'hono';

export function clientIp(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}
