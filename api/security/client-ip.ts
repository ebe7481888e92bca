/**
 * The address a request came from: the socket's. Only when the socket is a proxy listed in TRUST_PROXY is
 * X-Forwarded-For believed, and then only its last address that is not itself a trusted proxy.
 */
import type { Context } from 'hono';
import type { Config } from '../config.ts';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function trusted(address: string, proxies: string[]): boolean {
  return proxies.includes(address) || (proxies.includes('loopback') && loopback.has(address));
}

export function clientIp(c: Context, config?: Pick<Config, 'trustProxy'>): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const socket = env?.incoming?.socket?.remoteAddress ?? null;
  const proxies = config?.trustProxy ?? [];
  if (socket === null || !trusted(socket, proxies)) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trusted(forwarded[i]!, proxies)) return forwarded[i]!;
  }
  return socket;
}
