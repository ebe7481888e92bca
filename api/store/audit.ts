/** The audit log: who did what to what, and when. Written in the same transaction as the action. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import type { AuditEntry } from '../../shared/types.ts';
import type { Admin } from './admins.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

export async function audit(tx: Transaction, admin: Admin, action: string, target: string, detail = '', now = Date.now()): Promise<void> {
  await tx.execute({
    sql: 'INSERT INTO audit (admin_id, admin_email, action, target, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    args: [admin.id, admin.email, action, target, detail, now],
  });
}

export async function listAudit(db: Db, opts: { limit: number; cursor: string | undefined }): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const before = opts.cursor ? decodeCursor(opts.cursor, 1, 5)[0]! : Number.MAX_SAFE_INTEGER;
  const { rows } = await db.execute({
    sql: 'SELECT id, admin_email, action, target, detail, created_at FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?',
    args: [before, opts.limit + 1],
  });
  const more = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  return {
    entries: page.map((r) => ({
      id: String(r.id),
      admin: String(r.admin_email),
      action: String(r.action),
      target: String(r.target),
      detail: String(r.detail),
      createdAt: new Date(Number(r.created_at)).toISOString(),
    })),
    nextCursor: more ? encodeCursor([Number(page.at(-1)!.id)], 5) : null,
  };
}
