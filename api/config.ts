/** Server settings, read once from the environment with safe defaults. */

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** The origin readers reach this server at, when it differs from what requests say (behind a proxy). */
  publicUrl: string | undefined;
  secret: string | undefined;
  /** Origins every site accepts besides its own list (PARLEY_ORIGINS). */
  origins: string[];
  rateLimits: boolean;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY: addresses, or `loopback`). */
  trustProxy: string[];
  /** PARLEY_DEMO=1: create a demo moderator when there is none (never in production). */
  demo: boolean;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}".`);
  const publicUrl = env.PUBLIC_URL ? originOf(env.PUBLIC_URL, 'PUBLIC_URL') : undefined;
  const origins = (env.PARLEY_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => originOf(s, 'PARLEY_ORIGINS'));
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || 'file:./data/parley.db',
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    publicUrl,
    secret: env.PARLEY_SECRET || undefined,
    origins,
    rateLimits: env.PARLEY_RATE_LIMITS !== 'off',
    demo: env.PARLEY_DEMO === '1',
    trustProxy: (env.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}

function originOf(value: string, name: string): string {
  if (!URL.canParse(value)) throw new ConfigError(`${name} must hold full URLs such as https://blog.example.com, not "${value}".`);
  return new URL(value).origin;
}
