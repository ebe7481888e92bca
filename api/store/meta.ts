/** Server-wide values kept in the database (the generated secret), and the database's own health. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';

/** The secret kept in the database, made on first use; several processes starting together agree on one. */
export async function storedSecret(db: Db): Promise<string> {
  await writeTransaction(db, async (tx) => {
    await tx.execute({ sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?)", args: [randomBytes(32).toString('base64url')] });
  });
  const { rows } = await db.execute("SELECT value FROM meta WHERE key = 'secret'");
  return String(rows[0]?.value);
}

/** Resolves once the database answers a query. */
export async function ping(db: Db): Promise<void> {
  await db.execute('SELECT 1');
}
