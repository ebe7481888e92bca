/** Keeps the denormalised counters true after a comment changes status: reply counts up the chain, the page's count. */
import type { Transaction } from '@libsql/client';

/** A comment readers see: approved, or a deleted placeholder that still holds replies. */
const shown = "(c.status = 'approved' OR (c.status = 'deleted' AND c.reply_count > 0))";

/**
 * Recounts, from the comment's parent up to the top, each ancestor's visible replies (a placeholder that
 * loses its last reply stops being visible, which changes the count above it), then the page's comments.
 */
export async function recountAround(tx: Transaction, commentId: number): Promise<void> {
  const { rows } = await tx.execute({ sql: 'SELECT parent_id, page_id FROM comments WHERE id = ?', args: [commentId] });
  const row = rows[0];
  if (!row) return;
  let parent = row.parent_id === null ? null : Number(row.parent_id);
  while (parent !== null) {
    const up = await tx.execute({
      sql: `UPDATE comments SET reply_count = (SELECT count(*) FROM comments c WHERE c.parent_id = comments.id AND ${shown})
            WHERE id = ? RETURNING parent_id`,
      args: [parent],
    });
    const next = up.rows[0]?.parent_id;
    parent = next === null || next === undefined ? null : Number(next);
  }
  await recountPage(tx, Number(row.page_id));
}

/**
 * A page's count is what readers can reach: approved comments whose every ancestor is shown. The recursive
 * step names its index, as in thread.ts.
 */
export async function recountPage(tx: Transaction, pageId: number): Promise<void> {
  await tx.execute({
    sql: `WITH RECURSIVE reachable (id, status) AS (
            SELECT c.id, c.status FROM comments c WHERE c.page_id = ?1 AND c.parent_id IS NULL AND ${shown}
            UNION ALL
            SELECT c.id, c.status FROM reachable r JOIN comments c INDEXED BY comments_replies ON c.parent_id = r.id WHERE ${shown}
          )
          UPDATE pages SET comment_count = (SELECT count(*) FROM reachable WHERE status = 'approved') WHERE id = ?1`,
    args: [pageId],
  });
}

/** Every reply count and page count of these pages, from scratch (after an import or a restore). */
export async function recountPages(tx: Transaction, pageIds: number[]): Promise<void> {
  if (pageIds.length === 0) return;
  const list = pageIds.join(', ');
  // Set-based, all pages at once. Repeated while anything changes: a placeholder's visibility depends on
  // its own reply count, so chains of placeholders settle one level per pass (usually in two).
  for (let changed = 1, pass = 0; changed > 0 && pass < 50; pass++) {
    changed = (await tx.execute(
      `UPDATE comments SET reply_count = (SELECT count(*) FROM comments c WHERE c.parent_id = comments.id AND ${shown})
       WHERE page_id IN (${list})
         AND reply_count != (SELECT count(*) FROM comments c WHERE c.parent_id = comments.id AND ${shown})`,
    )).rowsAffected;
  }
  for (const pageId of pageIds) await recountPage(tx, pageId);
}
