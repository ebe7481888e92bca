/** What moderators read and do: the queue across sites, status changes, pins and edits. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import type { AdminComment, ModerationAction } from '../../shared/types.ts';
import { ApiError } from '../errors.ts';
import { ipHashShown } from './bans.ts';
import { commentColumns, toComment } from './comment-row.ts';
import { recountAround } from './counters.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const columns = `${commentColumns}, c.body_source, c.author_email, c.ip_hash, c.held_reason, c.moderator_edited, p.site, p.key, p.title, p.url`;

function toAdminComment(row: Record<string, unknown>): AdminComment {
  const { comment } = toComment(row as never);
  const status = String(row.status) as AdminComment['status'];
  return {
    ...comment,
    status,
    html: String(row.body_html),
    source: String(row.body_source),
    author: { ...comment.author, name: String(row.author_name), website: row.author_website === null ? null : String(row.author_website) },
    email: row.author_email === null ? null : String(row.author_email),
    ipHash: row.ip_hash === null ? null : String(row.ip_hash).slice(0, ipHashShown),
    site: String(row.site),
    page: { key: String(row.key), title: row.title === null ? null : String(row.title), url: row.url === null ? null : String(row.url) },
    pinned: Number(row.pinned) === 1,
    heldReason: row.held_reason === null ? null : String(row.held_reason),
    moderatorEdited: Number(row.moderator_edited) === 1,
    replies: [],
  };
}

export interface QueueFilter {
  status?: AdminComment['status'] | undefined;
  site?: string | undefined;
  page?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Comments across every site, newest first, filtered. */
export async function listQueue(db: Db, filter: QueueFilter): Promise<{ comments: AdminComment[]; nextCursor: string | null }> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.status) where.push('c.status = ?'), args.push(filter.status);
  if (filter.site) where.push('p.site = ?'), args.push(filter.site);
  if (filter.page) where.push('p.key = ?'), args.push(filter.page);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push("(c.body_source LIKE ? ESCAPE '\\' OR c.author_name LIKE ? ESCAPE '\\' OR c.author_email LIKE ? ESCAPE '\\')");
    args.push(like, like, like);
  }
  if (filter.cursor) {
    const [created, id] = decodeCursor(filter.cursor, 2, 6) as [number, number];
    where.push('(c.created_at, c.id) < (?, ?)');
    args.push(created, id);
  }
  const { rows } = await db.execute({
    sql: `SELECT ${columns} FROM comments c JOIN pages p ON p.id = c.page_id
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
    args: [...args, filter.limit + 1],
  });
  const more = rows.length > filter.limit;
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    comments: page.map((r) => toAdminComment(r)),
    nextCursor: more && last ? encodeCursor([Number(last.created_at), Number(last.id)], 6) : null,
  };
}

export async function getAdminComment(db: Db | Transaction, id: number): Promise<AdminComment | null> {
  const { rows } = await db.execute({ sql: `SELECT ${columns} FROM comments c JOIN pages p ON p.id = c.page_id WHERE c.id = ?`, args: [id] });
  return rows[0] ? toAdminComment(rows[0]) : null;
}

const statusAfter: Partial<Record<ModerationAction, AdminComment['status']>> = {
  approve: 'approved',
  restore: 'approved',
  spam: 'spam',
  delete: 'deleted',
};

/** Applies one moderation action; doing it twice changes nothing more. Answers the comment as it now is, and its status before. */
export async function moderate(tx: Transaction, id: number, action: ModerationAction): Promise<{ comment: AdminComment; before: AdminComment['status'] }> {
  const before = await getAdminComment(tx, id);
  if (!before) throw new ApiError('not_found', `There is no comment ${id}.`);
  if (action === 'pin' || action === 'unpin') {
    if (before.depth > 0) throw new ApiError('validation', 'Only top-level comments can be pinned.');
    await tx.execute({ sql: 'UPDATE comments SET pinned = ? WHERE id = ?', args: [action === 'pin' ? 1 : 0, id] });
  } else {
    const status = statusAfter[action]!;
    if (status === 'approved' && before.status === 'deleted' && before.html === '') {
      throw new ApiError('conflict', 'Its writer deleted this comment: there is nothing to restore.');
    }
    if (status !== before.status) {
      await tx.execute({ sql: 'UPDATE comments SET status = ?, held_reason = CASE WHEN ? = \'approved\' THEN NULL ELSE held_reason END WHERE id = ?', args: [status, status, id] });
      await recountAround(tx, id);
    }
  }
  return { comment: (await getAdminComment(tx, id))!, before: before.status };
}

export async function moderatorEdit(tx: Transaction, id: number, source: string, html: string, now: number): Promise<AdminComment> {
  const before = await getAdminComment(tx, id);
  if (before?.status === 'deleted' && before.html === '') throw new ApiError('conflict', 'Its writer deleted this comment: there is nothing to edit.');
  const { rowsAffected } = await tx.execute({
    sql: 'UPDATE comments SET body_source = ?, body_html = ?, edited_at = ?, moderator_edited = 1 WHERE id = ?',
    args: [source, html, now, id],
  });
  if (rowsAffected === 0) throw new ApiError('not_found', `There is no comment ${id}.`);
  return (await getAdminComment(tx, id))!;
}
