/** Server settings, read once from the environment with safe defaults. */

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** DATABASE_SYNC_URL: the libSQL server that DATABASE_URL's file is an embedded replica of; reads stay local. */
  databaseSync: { url: string; intervalSeconds: number } | null;
  /** PARLEY_CACHE_MB: memory for thread and count answers kept in this process (0: none). */
  readCacheBytes: number;
  /** The origin readers reach this server at, when it differs from what requests say (behind a proxy). */
  publicUrl: string | undefined;
  secret: string | undefined;
  /** Origins every site accepts besides its own list (PARLEY_ORIGINS). */
  origins: string[];
  rateLimits: boolean;
  /** PARLEY_RATE_LIMIT_FACTOR: multiplies every per-minute rate limit (benchmarks raise it); 1 by default. */
  rateLimitFactor: number;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY: addresses, or `loopback`). */
  trustProxy: string[];
  /** PARLEY_DEMO=1: create a demo moderator when there is none (never in production). */
  demo: boolean;
  /** Outgoing mail (SMTP_URL, MAIL_FROM); without SMTP_URL nothing is emailed. */
  mail: { smtpUrl: string; from: string } | null;
  /** PARLEY_WEBHOOKS_PRIVATE=1: webhooks may call loopback and private addresses (else refused: SSRF). */
  webhooksToPrivate: boolean;
  /** How often the outbox worker looks for due messages, and the first retry's delay (it grows 4× per attempt). */
  outbox: { pollMs: number; retryBaseMs: number };
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
  const smtpUrl = env.SMTP_URL?.trim();
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) throw new ConfigError(`SMTP_URL must look like smtp://user:pass@host:587 or smtps://…, not "${smtpUrl}".`);
  const from = env.MAIL_FROM?.trim();
  if (smtpUrl && !from) throw new ConfigError('MAIL_FROM is needed with SMTP_URL: the address emails come from, such as "Comments <comments@example.com>".');
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || 'file:./data/parley.db',
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    databaseSync: databaseSync(env),
    readCacheBytes: readCacheBytes(env.PARLEY_CACHE_MB),
    publicUrl,
    secret: env.PARLEY_SECRET || undefined,
    origins,
    rateLimits: env.PARLEY_RATE_LIMITS !== 'off',
    rateLimitFactor: rateLimitFactor(env.PARLEY_RATE_LIMIT_FACTOR),
    demo: env.PARLEY_DEMO === '1',
    mail: smtpUrl ? { smtpUrl, from: from! } : null,
    webhooksToPrivate: env.PARLEY_WEBHOOKS_PRIVATE === '1',
    outbox: { pollMs: positiveMs(env, 'PARLEY_OUTBOX_POLL_MS', 5000), retryBaseMs: positiveMs(env, 'PARLEY_RETRY_BASE_MS', 30_000) },
    trustProxy: (env.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}

function positiveMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 10 || value > 86_400_000) throw new ConfigError(`${name} must be a number of milliseconds (10 to 86400000), not "${raw}".`);
  return value;
}

function rateLimitFactor(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const factor = Number(raw);
  if (!Number.isFinite(factor) || factor <= 0) throw new ConfigError(`PARLEY_RATE_LIMIT_FACTOR must be a number above 0, not "${raw}".`);
  return factor;
}

/** An embedded replica: a local file kept in sync with a libSQL server, which takes the writes. */
function databaseSync(env: NodeJS.ProcessEnv): Config['databaseSync'] {
  const url = env.DATABASE_SYNC_URL?.trim();
  const interval = env.DATABASE_SYNC_INTERVAL?.trim();
  if (!url) {
    if (interval) throw new ConfigError('DATABASE_SYNC_INTERVAL only applies to an embedded replica: set DATABASE_SYNC_URL too, or leave it out.');
    return null;
  }
  if (!URL.canParse(url) || !['libsql:', 'https:', 'http:', 'wss:', 'ws:'].includes(new URL(url).protocol)) {
    throw new ConfigError(`DATABASE_SYNC_URL must be the libSQL server to replicate, such as libsql://comments-db.example.com, not "${url}".`);
  }
  const file = env.DATABASE_URL?.trim() ?? '';
  if (!file.startsWith('file:') || /^file::memory:|[?&]mode=memory/.test(file)) {
    throw new ConfigError(`With DATABASE_SYNC_URL, DATABASE_URL names the local replica's file, such as file:./data/replica.db${file ? `, not "${file}"` : ''}.`);
  }
  const intervalSeconds = interval ? Number(interval) : 1;
  if (!Number.isFinite(intervalSeconds) || intervalSeconds < 0.1 || intervalSeconds > 3600) {
    throw new ConfigError(`DATABASE_SYNC_INTERVAL must be a number of seconds (0.1 to 3600), not "${interval}".`);
  }
  return { url, intervalSeconds };
}

function readCacheBytes(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 64 * 1024 * 1024;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb < 0 || mb > 65_536) throw new ConfigError(`PARLEY_CACHE_MB must be a number of megabytes (0 turns the cache off), not "${raw}".`);
  return Math.round(mb * 1024 * 1024);
}

function originOf(value: string, name: string): string {
  if (!URL.canParse(value)) throw new ConfigError(`${name} must hold full URLs such as https://blog.example.com, not "${value}".`);
  return new URL(value).origin;
}
