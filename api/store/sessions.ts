/** Moderator sessions: only a keyed hash of the cookie's random id is stored, with an expiry. */
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import type { Admin } from './admins.ts';

export function createSession(db: Db, idHash: string, adminId: number, now: number, expiresAt: number): Promise<void> {
  return writeTransaction(db, async (tx) => {
    // Sign-in is a good moment to forget sessions that have expired.
    await tx.execute({ sql: 'DELETE FROM sessions WHERE expires_at < ?', args: [now] });
    await tx.execute({
      sql: 'INSERT INTO sessions (id_hash, admin_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      args: [idHash, adminId, now, expiresAt],
    });
  });
}

export async function sessionAdmin(db: Db, idHash: string, now: number): Promise<Admin | null> {
  const { rows } = await db.execute({
    sql: `SELECT a.id, a.email, a.name FROM sessions s JOIN admins a ON a.id = s.admin_id WHERE s.id_hash = ? AND s.expires_at > ?`,
    args: [idHash, now],
  });
  const row = rows[0];
  return row ? { id: Number(row.id), email: String(row.email), name: String(row.name) } : null;
}

export function deleteSession(db: Db, idHash: string): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'DELETE FROM sessions WHERE id_hash = ?', args: [idHash] });
  });
}
