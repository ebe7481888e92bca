/** Counting requests per key in fixed windows, in the database so that every server process sees one count. */
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';

/** Counts one request; answers how many seconds to wait when the key is over its limit, else 0. */
export function countRequest(db: Db, key: string, max: number, windowMs: number, now: number): Promise<number> {
  const windowStart = now - (now % windowMs);
  return writeTransaction(db, async (tx) => {
    const { rows } = await tx.execute({
      sql: `INSERT INTO rate_counters (key, window_start, count) VALUES (?, ?, 1)
            ON CONFLICT (key) DO UPDATE SET
              count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
              window_start = excluded.window_start
            RETURNING count`,
      args: [key, windowStart],
    });
    // Old windows are cleared now and then, so the table stays small.
    if (Math.random() < 0.01) await tx.execute({ sql: 'DELETE FROM rate_counters WHERE window_start < ?', args: [now - 3600_000] });
    return Number(rows[0]!.count) > max ? Math.ceil((windowStart + windowMs - now) / 1000) : 0;
  });
}
