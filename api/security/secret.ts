/** The server's secret: PARLEY_SECRET, or one generated on first start and kept in the database. */
import type { Db } from '../db/client.ts';
import { storedSecret } from '../store/meta.ts';

export async function loadSecret(db: Db, configured: string | undefined): Promise<string> {
  return configured || storedSecret(db);
}
