/** Readers who asked for reply emails, confirmed by double opt-in, and the single-use links that confirm them. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';

export interface Subscriber {
  site: string;
  email: string;
  lang: string;
  confirmed: boolean;
  unsubscribed: boolean;
  /** When the last confirmation link went out (ms), or null. */
  confirmSentAt: number | null;
}

function toSubscriber(row: Record<string, unknown>): Subscriber {
  return {
    site: String(row.site),
    email: String(row.email),
    lang: String(row.lang),
    confirmed: row.confirmed_at !== null,
    unsubscribed: row.unsubscribed_at !== null,
    confirmSentAt: row.confirm_sent_at === null ? null : Number(row.confirm_sent_at),
  };
}

export async function getSubscriber(db: Db | Transaction, site: string, email: string): Promise<Subscriber | null> {
  const { rows } = await db.execute({ sql: 'SELECT * FROM subscribers WHERE site = ? AND email = ?', args: [site, email] });
  return rows[0] ? toSubscriber(rows[0]) : null;
}

/**
 * A writer ticked "email me replies". An address that unsubscribed from everything must confirm again (anyone
 * can type an address into the form); a confirmed one keeps its language, which only its owner chose.
 */
export async function subscribe(tx: Transaction, site: string, email: string, lang: string, now: number): Promise<Subscriber> {
  const { rows } = await tx.execute({
    sql: `INSERT INTO subscribers (site, email, lang, created_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (site, email) DO UPDATE SET
            lang = CASE WHEN subscribers.confirmed_at IS NULL OR subscribers.unsubscribed_at IS NOT NULL THEN excluded.lang ELSE subscribers.lang END,
            confirmed_at = CASE WHEN subscribers.unsubscribed_at IS NULL THEN subscribers.confirmed_at END,
            confirm_sent_at = CASE WHEN subscribers.unsubscribed_at IS NULL THEN subscribers.confirm_sent_at END,
            unsubscribed_at = NULL
          RETURNING *`,
    args: [site, email, lang, now],
  });
  return toSubscriber(rows[0]!);
}

export async function markConfirmationSent(tx: Transaction, site: string, email: string, now: number): Promise<void> {
  await tx.execute({ sql: 'UPDATE subscribers SET confirm_sent_at = ? WHERE site = ? AND email = ?', args: [now, site, email] });
}

/** "Unsubscribe from everything" on this site. */
export function unsubscribeAll(db: Db, site: string, email: string, now: number): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'UPDATE subscribers SET unsubscribed_at = ? WHERE site = ? AND email = ? AND unsubscribed_at IS NULL', args: [now, site, email] });
    await tx.execute({
      sql: 'UPDATE comments SET notify_replies = 0 WHERE notify_replies = 1 AND author_email = ? AND page_id IN (SELECT id FROM pages WHERE site = ?)',
      args: [email, site],
    });
  });
}

/** "Unsubscribe from this thread": no more reply emails for the writer's comments on this page. */
export function unsubscribeThread(db: Db, site: string, email: string, pageId: number): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({
      sql: 'UPDATE comments SET notify_replies = 0 WHERE notify_replies = 1 AND author_email = ? AND page_id = ? AND page_id IN (SELECT id FROM pages WHERE site = ?)',
      args: [email, pageId, site],
    });
  });
}

export async function saveEmailToken(tx: Transaction, hash: string, site: string, email: string, expiresAt: number): Promise<void> {
  await tx.execute({ sql: 'INSERT INTO email_tokens (hash, site, email, expires_at) VALUES (?, ?, ?, ?)', args: [hash, site, email, expiresAt] });
}

/**
 * Uses a link once: answers its site and address if it is unused and unexpired, marks it used and confirms the
 * address. A second use, or an expired link, answers null.
 */
export function useEmailToken(db: Db, hash: string, now: number): Promise<{ site: string; email: string } | null> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'DELETE FROM email_tokens WHERE expires_at < ?', args: [now - 7 * 24 * 3600 * 1000] });
    const { rows } = await tx.execute({
      sql: 'UPDATE email_tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ? RETURNING site, email',
      args: [now, hash, now],
    });
    const row = rows[0];
    if (!row) return null;
    const found = { site: String(row.site), email: String(row.email) };
    await tx.execute({ sql: 'UPDATE subscribers SET confirmed_at = coalesce(confirmed_at, ?) WHERE site = ? AND email = ?', args: [now, found.site, found.email] });
    return found;
  });
}

export function createGuestSession(db: Db, idHash: string, site: string, email: string, now: number, expiresAt: number): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'DELETE FROM guest_sessions WHERE expires_at < ?', args: [now] });
    await tx.execute({
      sql: 'INSERT INTO guest_sessions (id_hash, site, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      args: [idHash, site, email, now, expiresAt],
    });
  });
}

export async function guestOf(db: Db, idHash: string, now: number): Promise<{ site: string; email: string } | null> {
  const { rows } = await db.execute({ sql: 'SELECT site, email FROM guest_sessions WHERE id_hash = ? AND expires_at > ?', args: [idHash, now] });
  return rows[0] ? { site: String(rows[0].site), email: String(rows[0].email) } : null;
}

export function deleteGuestSession(db: Db, idHash: string): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'DELETE FROM guest_sessions WHERE id_hash = ?', args: [idHash] });
  });
}

/** Whether the address wrote anything on the site, so that a sign-in link is worth sending. */
export async function isWriterOnSite(db: Db, site: string, email: string): Promise<boolean> {
  const { rows } = await db.execute({
    sql: `SELECT 1 FROM comments c JOIN pages p ON p.id = c.page_id WHERE c.author_email = ? AND p.site = ? AND c.status != 'deleted' LIMIT 1`,
    args: [email, site],
  });
  return rows.length > 0;
}

export interface GuestComment {
  id: number;
  pageId: number;
  pageTitle: string | null;
  pageUrl: string | null;
  pageKey: string;
  source: string;
  status: string;
  createdAt: number;
  notifyReplies: boolean;
}

/** The guest's own comments on the site, newest first. */
export async function guestComments(db: Db, site: string, email: string, limit: number): Promise<GuestComment[]> {
  const { rows } = await db.execute({
    sql: `SELECT c.id, c.page_id, p.title, p.url, p.key, c.body_source, c.status, c.created_at, c.notify_replies
          FROM comments c JOIN pages p ON p.id = c.page_id
          WHERE c.author_email = ? AND p.site = ? AND c.status IN ('approved', 'pending')
          ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
    args: [email, site, limit],
  });
  return rows.map((r) => ({
    id: Number(r.id),
    pageId: Number(r.page_id),
    pageTitle: r.title === null ? null : String(r.title),
    pageUrl: r.url === null ? null : String(r.url),
    pageKey: String(r.key),
    source: String(r.body_source),
    status: String(r.status),
    createdAt: Number(r.created_at),
    notifyReplies: Number(r.notify_replies) === 1,
  }));
}
