/** Moderators: an email, a display name and a scrypt password hash. Every moderator sees every site. */
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { ApiError } from '../errors.ts';

export interface Admin {
  id: number;
  email: string;
  name: string;
}

export async function countAdmins(db: Db): Promise<number> {
  const { rows } = await db.execute('SELECT count(*) AS n FROM admins');
  return Number(rows[0]!.n);
}

export async function adminByEmail(db: Db, email: string): Promise<(Admin & { passwordHash: string }) | null> {
  const { rows } = await db.execute({ sql: 'SELECT id, email, name, password_hash FROM admins WHERE email = ?', args: [email] });
  const row = rows[0];
  return row ? { id: Number(row.id), email: String(row.email), name: String(row.name), passwordHash: String(row.password_hash) } : null;
}

/** Adds a moderator, or sets a new password (and name) for an existing one. */
export function saveAdmin(db: Db, email: string, name: string, passwordHash: string, now: number): Promise<{ created: boolean }> {
  return writeTransaction(db, async (tx) => {
    const updated = await tx.execute({ sql: 'UPDATE admins SET password_hash = ?, name = ? WHERE email = ?', args: [passwordHash, name, email] });
    if (updated.rowsAffected > 0) {
      // A new password ends every session signed in with the old one.
      await tx.execute({ sql: 'DELETE FROM sessions WHERE admin_id = (SELECT id FROM admins WHERE email = ?)', args: [email] });
      return { created: false };
    }
    await tx.execute({ sql: 'INSERT INTO admins (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)', args: [email, name, passwordHash, now] });
    return { created: true };
  });
}

export async function listAdmins(db: Db): Promise<Admin[]> {
  const { rows } = await db.execute('SELECT id, email, name FROM admins ORDER BY email');
  return rows.map((r) => ({ id: Number(r.id), email: String(r.email), name: String(r.name) }));
}

export function removeAdmin(db: Db, email: string): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'DELETE FROM sessions WHERE admin_id = (SELECT id FROM admins WHERE email = ?)', args: [email] });
    const { rowsAffected } = await tx.execute({ sql: 'DELETE FROM admins WHERE email = ?', args: [email] });
    if (rowsAffected === 0) throw new ApiError('not_found', `There is no moderator ${email}.`);
  });
}
