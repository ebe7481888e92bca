/** Moving a thread to a new key (the article moved), or merging it into another; the old key stays an alias. */
import type { Transaction } from '@libsql/client';
import { ApiError } from '../errors.ts';

async function pageId(tx: Transaction, site: string, key: string): Promise<number | null> {
  const { rows } = await tx.execute({ sql: 'SELECT id FROM pages WHERE site = ? AND key = ?', args: [site, key] });
  return rows[0] ? Number(rows[0].id) : null;
}

/** Answers whether the move merged two threads. */
export async function movePage(tx: Transaction, site: string, from: string, to: string): Promise<{ merged: boolean }> {
  if (from === to) throw new ApiError('validation', 'The new key is the same as the old one.', 'to');
  const source = await pageId(tx, site, from);
  if (source === null) throw new ApiError('not_found', `There is no thread "${from}" on the site "${site}".`, 'from');
  const target = await pageId(tx, site, to);
  // The new key becomes a real key: it can no longer be an alias of anything.
  await tx.execute({ sql: 'DELETE FROM page_aliases WHERE site = ? AND key = ?', args: [site, to] });
  if (target === null) {
    await tx.execute({ sql: 'UPDATE pages SET key = ? WHERE id = ?', args: [to, source] });
  } else {
    // Merging keeps both histories: every comment of the old thread joins the new one, in time order.
    await tx.execute({ sql: 'UPDATE comments SET page_id = ? WHERE page_id = ?', args: [target, source] });
    await tx.execute({ sql: 'UPDATE page_aliases SET page_id = ? WHERE page_id = ?', args: [target, source] });
    await tx.execute({
      sql: `UPDATE pages SET title = coalesce(title, (SELECT title FROM pages WHERE id = ?2)), url = coalesce(url, (SELECT url FROM pages WHERE id = ?2)),
              comment_count = comment_count + (SELECT comment_count FROM pages WHERE id = ?2) WHERE id = ?1`,
      args: [target, source],
    });
    await tx.execute({ sql: 'DELETE FROM pages WHERE id = ?', args: [source] });
  }
  await tx.execute({ sql: 'INSERT INTO page_aliases (site, key, page_id) VALUES (?, ?, ?)', args: [site, from, target ?? source] });
  return { merged: target !== null };
}
