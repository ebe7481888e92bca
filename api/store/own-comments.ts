/** What a writer may do to their own comment with its edit token: change the text, or delete it. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import type { Comment } from '../../shared/types.ts';
import { returningColumns, toComment } from './comment-row.ts';

export interface OwnedComment {
  id: number;
  site: string;
  status: string;
  editTokenHash: string | null;
  createdAt: number;
}

/** A comment its writer may still act on (not deleted or spam), or null. */
export async function getOwnedComment(db: Db, id: number): Promise<OwnedComment | null> {
  const { rows } = await db.execute({
    sql: `SELECT c.id, p.site, c.status, c.edit_token_hash, c.created_at FROM comments c JOIN pages p ON p.id = c.page_id
          WHERE c.id = ? AND c.status IN ('approved', 'pending')`,
    args: [id],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    site: String(row.site),
    status: String(row.status),
    editTokenHash: row.edit_token_hash === null ? null : String(row.edit_token_hash),
    createdAt: Number(row.created_at),
  };
}

export function updateBody(db: Db, id: number, source: string, html: string, editedAt: number): Promise<Comment> {
  return writeTransaction(db, async (tx) => {
    const { rows } = await tx.execute({
      sql: `UPDATE comments SET body_source = ?, body_html = ?, edited_at = ? WHERE id = ? RETURNING ${returningColumns}`,
      args: [source, html, editedAt, id],
    });
    return toComment(rows[0]!).comment;
  });
}

/**
 * Deletes a comment at its writer's request: the words and the name go. A comment with replies keeps
 * its place as a "[deleted]" placeholder; without replies it disappears, and so does any placeholder
 * above it that was only kept for it.
 */
export function deleteByAuthor(db: Db, id: number): Promise<void> {
  return writeTransaction(db, async (tx) => {
    const { rows } = await tx.execute({
      sql: "SELECT page_id, parent_id, reply_count, status FROM comments WHERE id = ? AND status IN ('approved', 'pending')",
      args: [id],
    });
    const row = rows[0];
    if (!row) return;
    await tx.execute({
      sql: `UPDATE comments SET status = 'deleted', body_source = '', body_html = '', author_name = '', author_email = NULL,
              author_website = NULL, edit_token_hash = NULL WHERE id = ?`,
      args: [id],
    });
    // A pending comment was never counted.
    if (row.status === 'approved') {
      await hideFromCounts(tx, Number(row.page_id), row.parent_id === null ? null : Number(row.parent_id), Number(row.reply_count) === 0);
    }
  });
}

/** A visible comment became invisible (or a placeholder): fix the page's count and the reply counts above. */
async function hideFromCounts(tx: Transaction, pageId: number, parentId: number | null, vanished: boolean): Promise<void> {
  await tx.execute({ sql: 'UPDATE pages SET comment_count = max(comment_count - 1, 0) WHERE id = ?', args: [pageId] });
  let parent = parentId;
  // Only a comment that vanished entirely stops counting as a reply; walk up while placeholders vanish too.
  while (vanished && parent !== null) {
    const { rows } = await tx.execute({
      sql: `UPDATE comments SET reply_count = max(reply_count - 1, 0) WHERE id = ? RETURNING parent_id, status, reply_count`,
      args: [parent],
    });
    const row = rows[0];
    if (!row) return;
    vanished = row.status === 'deleted' && Number(row.reply_count) === 0;
    parent = row.parent_id === null ? null : Number(row.parent_id);
  }
}
