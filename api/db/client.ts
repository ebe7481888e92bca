/** Opens the libSQL database: a local file (WAL, busy timeout) or a libSQL server. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';

export type Db = Client;

export interface DbOptions {
  url: string;
  authToken?: string | undefined;
}

/** How long a write waits for another process's write to finish before giving up. */
const busyTimeoutMs = 10_000;

export async function openDb({ url, authToken }: DbOptions): Promise<Db> {
  const local = url.startsWith('file:');
  if (local && url !== 'file::memory:') mkdirSync(dirname(localPath(url)), { recursive: true });
  const db = createClient({ url, authToken, timeout: busyTimeoutMs });
  // WAL lets readers go on while one process writes; it is a property of the file, kept once set.
  // Per-connection settings (synchronous, foreign_keys) are not set here: the client opens more connections
  // later and would not repeat them. So synchronous stays SQLite's default, FULL: a commit is on disk before
  // its response, even through a power loss (see README, Durability); and deletes never rely on cascades.
  if (local) await db.execute('PRAGMA journal_mode = WAL');
  return db;
}

function localPath(url: string): string {
  const withoutQuery = url.split('?')[0] ?? url;
  // file:./data/x.db and file:data/x.db are relative; file:/abs and file:///abs are absolute.
  if (withoutQuery.startsWith('file://')) return fileURLToPath(withoutQuery);
  return withoutQuery.slice('file:'.length);
}
