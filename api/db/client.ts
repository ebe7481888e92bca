/** Opens the libSQL database: a local file (WAL, busy timeout), a libSQL server, or an embedded replica of one. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { ConfigError } from '../config.ts';

export type Db = Client;

export interface DbOptions {
  url: string;
  authToken?: string | undefined;
  /** With a libSQL server here, `url` is a local file that replicates it (an embedded replica). */
  sync?: { url: string; intervalSeconds: number } | null | undefined;
}

/** How long a write waits for another process's write to finish before giving up. */
const busyTimeoutMs = 10_000;

export async function openDb({ url, authToken, sync }: DbOptions): Promise<Db> {
  const file = url.startsWith('file:');
  if (file && url !== 'file::memory:') mkdirSync(dirname(localPath(url)), { recursive: true });
  if (sync) return openReplica(url, authToken, sync);
  const db = createClient({ url, authToken, timeout: busyTimeoutMs });
  // WAL lets readers go on while one process writes; it is a property of the file, kept once set.
  // Per-connection settings (synchronous, foreign_keys) are not set here: the client opens more connections
  // later and would not repeat them. So synchronous stays SQLite's default, FULL: a commit is on disk before
  // its response, even through a power loss (see README, Durability); and deletes never rely on cascades.
  if (file) await db.execute('PRAGMA journal_mode = WAL');
  return db;
}

/**
 * An embedded replica (docs/SCALING.md): reads are answered from the local file; writes, and transactions that
 * write, go to the server, and the file catches up before the write returns (read-your-writes, the client's
 * default), so this process reads what it wrote at once; other writes arrive with the periodic sync. The file
 * belongs to the replication: no journal-mode pragma here. Opening syncs once, so a server that cannot be
 * reached stops the start with a clear message instead of serving an empty thread.
 */
function openReplica(url: string, authToken: string | undefined, sync: { url: string; intervalSeconds: number }): Db {
  try {
    return createClient({ url, authToken, syncUrl: sync.url, syncInterval: sync.intervalSeconds, timeout: busyTimeoutMs });
  } catch (err) {
    throw new ConfigError(`Could not open ${url} as a replica of DATABASE_SYNC_URL ${sync.url}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function localPath(url: string): string {
  const withoutQuery = url.split('?')[0] ?? url;
  // file:./data/x.db and file:data/x.db are relative; file:/abs and file:///abs are absolute.
  if (withoutQuery.startsWith('file://')) return fileURLToPath(withoutQuery);
  return withoutQuery.slice('file:'.length);
}
