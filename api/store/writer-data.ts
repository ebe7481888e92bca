/** A writer's data, found by email or by edit tokens: exported on request, erased on request (GDPR). */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { recountAround } from './counters.ts';

export interface WriterComment {
  id: string;
  site: string;
  page: string;
  pageUrl: string | null;
  parentId: string | null;
  name: string;
  email: string | null;
  website: string | null;
  body: string;
  status: string;
  createdAt: string;
  editedAt: string | null;
}

/** Everything stored about the comments written with this email. */
export async function commentsByEmail(db: Db, email: string): Promise<WriterComment[]> {
  const { rows } = await db.execute({
    sql: `SELECT c.id, p.site, p.key, p.url, c.parent_id, c.author_name, c.author_email, c.author_website, c.body_source,
            c.status, c.created_at, c.edited_at
          FROM comments c JOIN pages p ON p.id = c.page_id WHERE c.author_email = ? ORDER BY c.created_at, c.id`,
    args: [email.toLowerCase()],
  });
  return rows.map((r) => ({
    id: String(r.id),
    site: String(r.site),
    page: String(r.key),
    pageUrl: r.url === null ? null : String(r.url),
    parentId: r.parent_id === null ? null : String(r.parent_id),
    name: String(r.author_name),
    email: r.author_email === null ? null : String(r.author_email),
    website: r.author_website === null ? null : String(r.author_website),
    body: String(r.body_source),
    status: String(r.status),
    createdAt: new Date(Number(r.created_at)).toISOString(),
    editedAt: r.edited_at === null ? null : new Date(Number(r.edited_at)).toISOString(),
  }));
}

/**
 * Erases comments: text, name, email, website, address hash and token go; a comment with replies stays as
 * a "[deleted]" placeholder so the replies keep their place. Answers how many were erased.
 */
export function eraseComments(db: Db, ids: number[], after?: (tx: Transaction, erased: number[]) => Promise<void>): Promise<number> {
  return writeTransaction(db, async (tx) => {
    const done: number[] = [];
    for (const id of ids) {
      const { rowsAffected } = await tx.execute({
        // Spam stays spam (hidden, with its replies): erasing must not bring hidden comments back into view.
        sql: `UPDATE comments SET status = CASE WHEN status = 'spam' THEN 'spam' ELSE 'deleted' END, body_source = '', body_html = '',
                author_name = '', author_email = NULL, author_website = NULL, ip_hash = NULL, edit_token_hash = NULL, avatar = ''
              WHERE id = ? AND (body_source != '' OR author_name != '' OR author_email IS NOT NULL OR author_website IS NOT NULL
                OR ip_hash IS NOT NULL OR avatar != '' OR edit_token_hash IS NOT NULL)`,
        args: [id],
      });
      if (rowsAffected > 0) {
        done.push(id);
        await recountAround(tx, id);
      }
    }
    if (after) await after(tx, done);
    return done.length;
  });
}

export async function idsByEmail(db: Db, email: string): Promise<number[]> {
  const { rows } = await db.execute({ sql: 'SELECT id FROM comments WHERE author_email = ?', args: [email.toLowerCase()] });
  return rows.map((r) => Number(r.id));
}

/** The stored edit-token hashes of these comments, to check a browser's tokens against. */
export async function tokenHashesOf(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.execute({
    sql: `SELECT id, edit_token_hash FROM comments WHERE edit_token_hash IS NOT NULL AND id IN (${ids.map(() => '?').join(', ')})`,
    args: ids,
  });
  return new Map(rows.map((r) => [Number(r.id), String(r.edit_token_hash)]));
}

/** What notifications hold about an address: its subscriptions and the emails sent to it. */
export async function notificationsOf(db: Db, email: string): Promise<{ subscriptions: Record<string, unknown>[]; emails: Record<string, unknown>[] }> {
  const address = email.toLowerCase();
  const subs = await db.execute({ sql: 'SELECT site, lang, confirmed_at, unsubscribed_at, created_at FROM subscribers WHERE email = ? ORDER BY site', args: [address] });
  const mails = await db.execute({ sql: "SELECT topic, site, status, created_at, sent_at FROM outbox WHERE channel = 'email' AND recipient = ? ORDER BY id", args: [address] });
  const iso = (ms: unknown) => (ms === null ? null : new Date(Number(ms)).toISOString());
  return {
    subscriptions: subs.rows.map((r) => ({ site: String(r.site), lang: String(r.lang), confirmedAt: iso(r.confirmed_at), unsubscribedAt: iso(r.unsubscribed_at), createdAt: iso(r.created_at) })),
    emails: mails.rows.map((r) => ({ topic: String(r.topic), site: r.site === null ? null : String(r.site), status: String(r.status), createdAt: iso(r.created_at), sentAt: iso(r.sent_at) })),
  };
}

/** Forgets an address in notifications: subscriptions, sign-in links and sessions, and every email to it. */
export function eraseNotifications(db: Db, email: string): Promise<void> {
  const address = email.toLowerCase();
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'DELETE FROM subscribers WHERE email = ?', args: [address] });
    await tx.execute({ sql: 'DELETE FROM email_tokens WHERE email = ?', args: [address] });
    await tx.execute({ sql: 'DELETE FROM guest_sessions WHERE email = ?', args: [address] });
    await tx.execute({ sql: "DELETE FROM outbox_attempts WHERE message_id IN (SELECT id FROM outbox WHERE channel = 'email' AND recipient = ?)", args: [address] });
    await tx.execute({ sql: "DELETE FROM outbox WHERE channel = 'email' AND recipient = ?", args: [address] });
  });
}
