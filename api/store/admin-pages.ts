/** Pages as moderators see them: every thread with its counts, and locking. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import type { AdminPage } from '../../shared/types.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const columns = `p.id, p.site, p.key, p.title, p.url, p.locked, p.comment_count, p.created_at,
  (SELECT count(*) FROM comments c WHERE c.page_id = p.id AND c.status = 'pending') AS pending_count`;

function toAdminPage(row: Record<string, unknown>): AdminPage {
  return {
    site: String(row.site),
    key: String(row.key),
    title: row.title === null ? null : String(row.title),
    url: row.url === null ? null : String(row.url),
    locked: Number(row.locked) === 1,
    commentCount: Number(row.comment_count),
    pendingCount: Number(row.pending_count),
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

/** Pages newest first, optionally of one site. */
export async function listPages(db: Db, opts: { site?: string | undefined; limit: number; cursor?: string | undefined }) {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (opts.site) where.push('p.site = ?'), args.push(opts.site);
  if (opts.cursor) where.push('p.id < ?'), args.push(decodeCursor(opts.cursor, 1, 7)[0]!);
  const { rows } = await db.execute({
    sql: `SELECT ${columns} FROM pages p ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.id DESC LIMIT ?`,
    args: [...args, opts.limit + 1],
  });
  const more = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  return { pages: page.map((r) => toAdminPage(r)), nextCursor: more ? encodeCursor([Number(page.at(-1)!.id)], 7) : null };
}

/** Locks or unlocks a thread, creating its page when nobody has commented yet. */
export async function setLocked(tx: Transaction, site: string, key: string, locked: boolean, now: number): Promise<AdminPage> {
  // A moved thread's old key names the thread it moved to.
  const alias = await tx.execute({ sql: 'SELECT p.key FROM page_aliases a JOIN pages p ON p.id = a.page_id WHERE a.site = ? AND a.key = ?', args: [site, key] });
  if (alias.rows[0]) key = String(alias.rows[0].key);
  await tx.execute({
    sql: `INSERT INTO pages (site, key, locked, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (site, key) DO UPDATE SET locked = excluded.locked`,
    args: [site, key, locked ? 1 : 0, now],
  });
  const { rows } = await tx.execute({ sql: `SELECT ${columns} FROM pages p WHERE p.site = ? AND p.key = ?`, args: [site, key] });
  return toAdminPage(rows[0]!);
}
