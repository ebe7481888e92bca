/**
 * `npm run bench:synchronous`: what SQLite's synchronous setting costs Parley's writes, in WAL mode, on this
 * machine's disk. Each row is one committed write transaction, like one posted comment.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { tempDir } from '../tests/helpers/temp.ts';

const writes = 2000;

async function measure(mode: 'FULL' | 'NORMAL'): Promise<number> {
  const dir = tempDir();
  const db = createClient({ url: `file:${join(dir, 'bench.db')}` });
  try {
    await db.execute('PRAGMA journal_mode = WAL');
    // Calls one after another reuse the client's one idle connection, so this setting holds for the run.
    await db.execute(`PRAGMA synchronous = ${mode}`);
    await db.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const started = performance.now();
    for (let i = 0; i < writes; i++) {
      await db.batch([{ sql: 'INSERT INTO t (body) VALUES (?)', args: [`comment ${i} `.repeat(20)] }], 'write');
    }
    return writes / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const full = await measure('FULL');
const normal = await measure('NORMAL');
console.log(`${writes} write transactions each, WAL mode:`);
console.log(`  synchronous=FULL    ${full.toFixed(0)} commits/s   (Parley's setting: a commit survives power loss)`);
console.log(`  synchronous=NORMAL  ${normal.toFixed(0)} commits/s   (the last commits can be lost on power loss)`);
console.log(`  FULL costs ${((1 - full / normal) * 100).toFixed(0)}% of NORMAL's write rate`);
