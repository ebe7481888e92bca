/** The server's secret: PARLEY_SECRET, or one generated on first start and kept in the database. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';

export async function loadSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  // INSERT OR IGNORE keeps the first secret when several processes start at once.
  await db.execute({
    sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?)",
    args: [randomBytes(32).toString('base64url')],
  });
  const { rows } = await db.execute("SELECT value FROM meta WHERE key = 'secret'");
  return String(rows[0]?.value);
}
