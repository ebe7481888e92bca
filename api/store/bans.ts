/** Bans by email, name or IP hash, for a time or for good; they apply to every site of the install. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import type { Ban, BanKind } from '../../shared/types.ts';

/** How much of an address hash moderators see and ban by. */
export const ipHashShown = 12;

const iso = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

function toBan(row: Record<string, unknown>): Ban {
  return {
    id: String(row.id),
    kind: row.kind as BanKind,
    value: String(row.value),
    reason: String(row.reason),
    until: iso(row.until),
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by_email === null || row.created_by_email === undefined ? null : String(row.created_by_email),
  };
}

const columns = `b.id, b.kind, b.value, b.reason, b.until, b.created_at, (SELECT email FROM admins WHERE id = b.created_by) AS created_by_email`;

/** Bans in force, newest first. */
export async function listBans(db: Db, now: number): Promise<Ban[]> {
  const { rows } = await db.execute({ sql: `SELECT ${columns} FROM bans b WHERE b.until IS NULL OR b.until > ? ORDER BY b.id DESC`, args: [now] });
  return rows.map((r) => toBan(r));
}

export async function addBan(
  tx: Transaction,
  ban: { kind: BanKind; value: string; reason: string; until: number | null; adminId: number; now: number },
): Promise<Ban> {
  const { rows } = await tx.execute({
    sql: `INSERT INTO bans (kind, value, reason, until, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    args: [ban.kind, ban.value, ban.reason, ban.until, ban.adminId, ban.now],
  });
  const made = await tx.execute({ sql: `SELECT ${columns} FROM bans b WHERE b.id = ?`, args: [Number(rows[0]!.id)] });
  return toBan(made.rows[0]!);
}

export async function liftBan(tx: Transaction, id: number): Promise<boolean> {
  const { rowsAffected } = await tx.execute({ sql: 'DELETE FROM bans WHERE id = ?', args: [id] });
  return rowsAffected > 0;
}

/** The ban in force against a writer, if any. */
export async function banFor(db: Db, writer: { email: string | null; name: string; ipHash: string | null }, now: number): Promise<Ban | null> {
  const checks: [BanKind, string | null][] = [
    ['email', writer.email?.toLowerCase() ?? null],
    ['name', writer.name ? writer.name.toLowerCase() : null],
    // Moderators see, and ban, the start of the address hash (AdminComment.ipHash).
    ['ip', writer.ipHash?.slice(0, ipHashShown) ?? null],
  ];
  const wanted = checks.filter((c): c is [BanKind, string] => c[1] !== null);
  if (wanted.length === 0) return null;
  const { rows } = await db.execute({
    sql: `SELECT ${columns} FROM bans b WHERE (b.until IS NULL OR b.until > ?) AND (${wanted.map(() => '(b.kind = ? AND b.value = ?)').join(' OR ')})
          ORDER BY b.until IS NULL DESC, b.until DESC LIMIT 1`,
    args: [now, ...wanted.flat()],
  });
  return rows[0] ? toBan(rows[0]) : null;
}
