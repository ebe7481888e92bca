/** Failed sign-ins, per account and per address hash: slowed first, then refused for a while. */
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';

export const loginPolicy = {
  /** Failures counted within this window. */
  windowMs: 15 * 60_000,
  /** After this many failures the key is refused until the lock ends. */
  maxFailures: 8,
  lockMs: 15 * 60_000,
};

/** Seconds until sign-in is allowed again for any of the keys, or 0. */
export async function lockedFor(db: Db, keys: string[], now: number): Promise<number> {
  const { rows } = await db.execute({
    sql: `SELECT max(locked_until) AS until FROM login_failures WHERE key IN (${keys.map(() => '?').join(', ')})`,
    args: keys,
  });
  const until = rows[0]?.until;
  return until !== null && until !== undefined && Number(until) > now ? Math.ceil((Number(until) - now) / 1000) : 0;
}

/** Counts a failure against every key; answers the highest count, which sets how long the answer waits. */
export function recordFailure(db: Db, keys: string[], now: number): Promise<number> {
  return writeTransaction(db, async (tx) => {
    let most = 0;
    for (const key of keys) {
      const { rows } = await tx.execute({
        sql: `INSERT INTO login_failures (key, failures, first_at) VALUES (?, 1, ?)
              ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN first_at < ? THEN 1 ELSE failures + 1 END,
                first_at = CASE WHEN first_at < ? THEN excluded.first_at ELSE first_at END,
                locked_until = NULL
              RETURNING failures`,
        args: [key, now, now - loginPolicy.windowMs, now - loginPolicy.windowMs],
      });
      const failures = Number(rows[0]!.failures);
      if (failures >= loginPolicy.maxFailures) {
        await tx.execute({ sql: 'UPDATE login_failures SET locked_until = ? WHERE key = ?', args: [now + loginPolicy.lockMs, key] });
      }
      most = Math.max(most, failures);
    }
    return most;
  });
}

export function clearFailures(db: Db, key: string): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'DELETE FROM login_failures WHERE key = ?', args: [key] });
  });
}
