/** Failed sign-ins, per account and per address hash: slowed first, then refused for a while. */
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';

export const loginPolicy = {
  /** Failures counted within this window. */
  windowMs: 15 * 60_000,
  /** After this many failures, further attempts are refused until the lock ends. */
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

/**
 * Counts an attempt against every key, before the password is checked, so parallel guesses all count;
 * a right password takes its attempt back. Answers the highest count.
 */
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
      if (failures > loginPolicy.maxFailures) {
        await tx.execute({ sql: 'UPDATE login_failures SET locked_until = ? WHERE key = ?', args: [now + loginPolicy.lockMs, key] });
      }
      most = Math.max(most, failures);
    }
    return most;
  });
}

/** Takes back one counted attempt (a sign-in that turned out right), for a key that must not be cleared. */
export function forgiveOne(db: Db, key: string): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'UPDATE login_failures SET failures = max(failures - 1, 0) WHERE key = ? AND locked_until IS NULL', args: [key] });
    // Old rows go now and then, so guessed emails do not pile up.
    if (Math.random() < 0.05) await tx.execute({ sql: 'DELETE FROM login_failures WHERE first_at < ? AND (locked_until IS NULL OR locked_until < ?)', args: [Date.now() - 86_400_000, Date.now()] });
  });
}

export function clearFailures(db: Db, key: string): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'DELETE FROM login_failures WHERE key = ?', args: [key] });
  });
}
