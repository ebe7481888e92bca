/** A fresh, migrated libSQL database file per test, removed afterwards. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, type Db } from '../../api/db/client.ts';
import { migrate } from '../../api/db/migrate.ts';
import { tempDir } from './temp.ts';

export interface TestDb {
  db: Db;
  url: string;
  dir: string;
  cleanup(): void;
}

export async function freshDb(options: { migrated?: boolean } = {}): Promise<TestDb> {
  const dir = tempDir();
  const url = `file:${join(dir, 'parley.db')}`;
  const db = await openDb({ url });
  if (options.migrated !== false) await migrate(db);
  return {
    db,
    url,
    dir,
    cleanup() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** How many rows each table holds: what "nothing was stored" is checked against. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['sites', 'pages', 'comments']) {
    const { rows } = await db.execute(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}
