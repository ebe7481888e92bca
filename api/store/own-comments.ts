/** What a writer may do to their own comment with its edit token: change the text, or delete it. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import type { Comment } from '../../shared/types.ts';
import { commentColumns, returningColumns, toComment } from './comment-row.ts';
import { recountAround } from './counters.ts';

export interface OwnedComment {
  id: number;
  site: string;
  status: string;
  email: string | null;
  name: string;
  editTokenHash: string | null;
  createdAt: number;
}

/** The comments of these ids that readers do not see yet (pending, or spam, which its writer sees as pending), with their token hashes. */
export async function unpublished(db: Db, ids: number[]): Promise<{ comment: Comment; tokenHash: string | null }[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.execute({
    sql: `SELECT ${commentColumns}, c.edit_token_hash FROM comments c WHERE c.id IN (${ids.map(() => '?').join(', ')}) AND c.status IN ('pending', 'spam')`,
    args: ids,
  });
  return rows.map((r) => ({ comment: toComment(r).comment, tokenHash: r.edit_token_hash === null ? null : String(r.edit_token_hash) }));
}

/** A comment its writer may still act on (not deleted or spam), or null. */
export async function getOwnedComment(db: Db, id: number): Promise<OwnedComment | null> {
  const { rows } = await db.execute({
    sql: `SELECT c.id, p.site, c.status, c.author_email, c.author_name, c.edit_token_hash, c.created_at FROM comments c JOIN pages p ON p.id = c.page_id
          WHERE c.id = ? AND c.status IN ('approved', 'pending')`,
    args: [id],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    site: String(row.site),
    status: String(row.status),
    email: row.author_email === null ? null : String(row.author_email),
    name: String(row.author_name),
    editTokenHash: row.edit_token_hash === null ? null : String(row.edit_token_hash),
    createdAt: Number(row.created_at),
  };
}

/**
 * Changes the text, unless the comment was deleted (or its token changed) since the request was checked.
 * An edit that the site's rules would hold (a link too many, a blocked word) goes back to the moderators.
 */
export function updateBody(
  db: Db,
  owned: OwnedComment,
  edit: { source: string; html: string; editedAt: number; heldReason: string | null },
  heldAgain?: (tx: Transaction, id: number) => Promise<void>,
): Promise<Comment | null> {
  return writeTransaction(db, async (tx) => {
    const { rows } = await tx.execute({
      sql: `UPDATE comments SET body_source = ?, body_html = ?, edited_at = ?, moderator_edited = 0,
              status = CASE WHEN ? IS NULL THEN status ELSE 'pending' END, held_reason = coalesce(?, held_reason)
            WHERE id = ? AND status IN ('approved', 'pending') AND edit_token_hash IS ? RETURNING ${returningColumns}`,
      args: [edit.source, edit.html, edit.editedAt, edit.heldReason, edit.heldReason, owned.id, owned.editTokenHash],
    });
    if (!rows[0]) return null;
    if (edit.heldReason !== null && owned.status === 'approved') {
      await recountAround(tx, owned.id);
      if (heldAgain) await heldAgain(tx, owned.id);
    }
    return toComment(rows[0]).comment;
  });
}

/**
 * Deletes a comment at its writer's request: the words and the name go. A comment with replies keeps
 * its place as a "[deleted]" placeholder; without replies it disappears, and so does any placeholder
 * above it that was only kept for it.
 */
export function deleteByAuthor(db: Db, id: number, after?: (tx: Transaction, id: number) => Promise<void>): Promise<void> {
  return writeTransaction(db, async (tx) => {
    const { rowsAffected } = await tx.execute({
      sql: `UPDATE comments SET status = 'deleted', body_source = '', body_html = '', author_name = '', author_email = NULL,
              author_website = NULL, ip_hash = NULL, avatar = '', edit_token_hash = NULL WHERE id = ? AND status IN ('approved', 'pending')`,
      args: [id],
    });
    if (rowsAffected > 0) {
      await recountAround(tx, id);
      if (after) await after(tx, id);
    }
  });
}
