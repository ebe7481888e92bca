/** Writing comments: a new comment, its page created on first use, and the counters it changes, in one transaction. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import type { Comment } from '../../shared/types.ts';
import { writeTransaction } from '../db/write.ts';
import { ApiError } from '../errors.ts';
import { returningColumns, toComment } from './comment-row.ts';

export interface CommentDraft {
  site: string;
  pageKey: string;
  pageUrl: string | null;
  pageTitle: string | null;
  parentId: number | null;
  name: string;
  email: string | null;
  website: string | null;
  avatar: string;
  source: string;
  html: string;
  status: 'approved' | 'pending';
  heldReason: string | null;
  /** The moderator who wrote it, when one did while signed in. */
  authorAdminId: number | null;
  badge: string | null;
  /** Threads older than this many days take no new comments (the site's closeAfterDays). */
  closeAfterDays: number | null;
  /** The same text from the same writer on the same page within this many minutes is refused. */
  duplicateMinutes: number;
  ipHash: string | null;
  editTokenHash: string;
  createdAt: number;
  /** The writer wants an email when someone replies (once their address is confirmed). */
  notifyReplies: boolean;
}

/**
 * The same text from the same writer on the page, lately: read through comments_page_time (migration 010), only the
 * page's comments of the last minutes, however long the thread. It runs inside the write transaction of every post.
 */
export const duplicateSql = `SELECT 1 FROM comments WHERE page_id = ? AND created_at > ? AND body_source = ? AND status != 'deleted'
                               AND (ip_hash = ? OR author_email = ?) LIMIT 1`;

/** Work that belongs to the same transaction as the new comment (its notifications). */
export type AfterCreate = (tx: Transaction, id: number) => Promise<void>;

export function createComment(db: Db, draft: CommentDraft, after?: AfterCreate): Promise<Comment> {
  return writeTransaction(db, async (tx) => {
    // A moved thread's old key is an alias: comments posted to it join the thread under its new key.
    const alias = await tx.execute({ sql: 'SELECT p.key FROM page_aliases a JOIN pages p ON p.id = a.page_id WHERE a.site = ? AND a.key = ?', args: [draft.site, draft.pageKey] });
    const pageKey = alias.rows[0] ? String(alias.rows[0].key) : draft.pageKey;
    // A page keeps the first URL and title it was given: a later writer cannot rename someone's article.
    const page = await tx.execute({
      sql: `INSERT INTO pages (site, key, url, title, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (site, key) DO UPDATE SET url = coalesce(pages.url, excluded.url), title = coalesce(pages.title, excluded.title)
            RETURNING id, locked, created_at`,
      args: [draft.site, pageKey, draft.pageUrl, draft.pageTitle, draft.createdAt],
    });
    const pageRow = page.rows[0]!;
    if (isClosed(Number(pageRow.locked), Number(pageRow.created_at), draft.closeAfterDays, draft.createdAt)) {
      throw new ApiError('locked', 'This discussion is closed: new comments are not accepted.');
    }
    const pageId = Number(pageRow.id);

    let depth = 0;
    if (draft.parentId !== null) {
      const parent = await tx.execute({ sql: 'SELECT page_id, depth, status FROM comments WHERE id = ?', args: [draft.parentId] });
      const row = parent.rows[0];
      if (!row || row.status !== 'approved') throw new ApiError('not_found', 'The comment you are replying to does not exist.', 'parentId');
      if (Number(row.page_id) !== pageId) throw new ApiError('validation', 'The comment you are replying to is on another page.', 'parentId');
      depth = Number(row.depth) + 1;
    }

    if (draft.duplicateMinutes > 0 && (draft.ipHash !== null || draft.email !== null)) {
      const same = await tx.execute({
        sql: duplicateSql,
        args: [pageId, draft.createdAt - draft.duplicateMinutes * 60_000, draft.source, draft.ipHash, draft.email],
      });
      if (same.rows.length > 0) throw new ApiError('conflict', 'You posted this same comment here a moment ago.', 'body');
    }

    const inserted = await tx.execute({
      sql: `INSERT INTO comments (page_id, parent_id, depth, author_name, author_email, author_website, avatar,
              body_source, body_html, status, held_reason, author_admin_id, badge, ip_hash, edit_token_hash, created_at, notify_replies)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING ${returningColumns}`,
      args: [pageId, draft.parentId, depth, draft.name, draft.email, draft.website, draft.avatar,
        draft.source, draft.html, draft.status, draft.heldReason, draft.authorAdminId, draft.badge, draft.ipHash, draft.editTokenHash, draft.createdAt, draft.notifyReplies ? 1 : 0],
    });
    if (draft.status === 'approved') {
      if (draft.parentId !== null) {
        await tx.execute({ sql: 'UPDATE comments SET reply_count = reply_count + 1 WHERE id = ?', args: [draft.parentId] });
      }
      await tx.execute({ sql: 'UPDATE pages SET comment_count = comment_count + 1 WHERE id = ?', args: [pageId] });
    }
    const comment = toComment(inserted.rows[0]!).comment;
    if (after) await after(tx, Number(comment.id));
    return comment;
  });
}

/** A thread takes no comments when locked, or when older than the site's closeAfterDays. */
export function isClosed(locked: number, pageCreatedAt: number, closeAfterDays: number | null, now: number): boolean {
  return locked === 1 || (closeAfterDays !== null && now - pageCreatedAt > closeAfterDays * 24 * 3600 * 1000);
}

/** Whether this writer (by email, else by address) has an approved comment on the site already. */
export async function isKnownWriter(db: Db, site: string, email: string | null, ipHash: string | null): Promise<boolean> {
  if (email === null && ipHash === null) return false;
  const { rows } = await db.execute({
    sql: `SELECT 1 FROM comments c JOIN pages p ON p.id = c.page_id
          WHERE p.site = ? AND c.status = 'approved' AND ${email !== null ? 'c.author_email = ?' : 'c.ip_hash = ?'} LIMIT 1`,
    args: [site, email ?? ipHash],
  });
  return rows.length > 0;
}
