/** Who hears about an event: the writer replied to, the moderators who asked, the site's webhooks. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import type { ModeratorAlerts, WebhookFormat, WebhookInfo } from '../../shared/types.ts';

export interface PageRef {
  id: number;
  site: string;
  key: string;
  url: string | null;
  title: string | null;
}

export interface CommentRef {
  id: number;
  parentId: number | null;
  name: string;
  email: string | null;
  source: string;
  status: string;
  authorAdminId: number | null;
  createdAt: number;
  page: PageRef;
  /** The site's name, as emails call it. */
  siteName: string;
}

/** A comment with its page, as the notifications describe it. */
export async function commentRef(tx: Transaction | Db, id: number): Promise<CommentRef | null> {
  const { rows } = await tx.execute({
    sql: `SELECT c.id, c.parent_id, c.author_name, c.author_email, c.body_source, c.status, c.author_admin_id, c.created_at,
                 p.id AS page_id, p.site, p.key, p.url, p.title, coalesce(s.name, p.site) AS site_name
          FROM comments c JOIN pages p ON p.id = c.page_id LEFT JOIN sites s ON s.slug = p.site WHERE c.id = ?`,
    args: [id],
  });
  const r = rows[0];
  if (!r) return null;
  return {
    id: Number(r.id),
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    name: String(r.author_name),
    email: r.author_email === null ? null : String(r.author_email),
    source: String(r.body_source),
    status: String(r.status),
    authorAdminId: r.author_admin_id === null ? null : Number(r.author_admin_id),
    createdAt: Number(r.created_at),
    page: { id: Number(r.page_id), site: String(r.site), key: String(r.key), url: r.url === null ? null : String(r.url), title: r.title === null ? null : String(r.title) },
    siteName: String(r.site_name),
  };
}

/** The writer of `parentId`, when they want reply emails and their address is confirmed and subscribed. */
export async function replySubscriber(tx: Transaction, parentId: number): Promise<{ email: string; name: string; lang: string } | null> {
  const { rows } = await tx.execute({
    sql: `SELECT c.author_email, c.author_name, s.lang FROM comments c
          JOIN pages p ON p.id = c.page_id
          JOIN subscribers s ON s.site = p.site AND s.email = c.author_email
          WHERE c.id = ? AND c.notify_replies = 1 AND c.status = 'approved'
            AND s.confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL`,
    args: [parentId],
  });
  const r = rows[0];
  return r ? { email: String(r.author_email), name: String(r.author_name), lang: String(r.lang) } : null;
}

/** Moderators whose alert setting is one of `settings`. */
export async function moderatorsAlerted(tx: Transaction | Db, settings: ModeratorAlerts[]): Promise<{ id: number; email: string; name: string }[]> {
  const { rows } = await tx.execute({
    sql: 'SELECT id, email, name FROM admins WHERE alerts IN (SELECT value FROM json_each(?)) ORDER BY id',
    args: [JSON.stringify(settings)],
  });
  return rows.map((r) => ({ id: Number(r.id), email: String(r.email), name: String(r.name) }));
}

export async function adminAlerts(db: Db, adminId: number): Promise<ModeratorAlerts> {
  const { rows } = await db.execute({ sql: 'SELECT alerts FROM admins WHERE id = ?', args: [adminId] });
  return (rows[0] ? String(rows[0].alerts) : 'none') as ModeratorAlerts;
}

export function setAdminAlerts(db: Db, adminId: number, alerts: ModeratorAlerts): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await tx.execute({ sql: 'UPDATE admins SET alerts = ? WHERE id = ?', args: [alerts, adminId] });
  });
}

/**
 * Moderators on the daily digest whose last one is a day old, each marked as sent now, in the transaction that
 * queues their digests: with several processes, one of them takes each digest.
 */
export async function takeDueDigests(tx: Transaction, now: number): Promise<{ id: number; email: string; since: number }[]> {
  const day = 24 * 3600 * 1000;
  const { rows } = await tx.execute({
    sql: "SELECT id, email, digest_sent_at FROM admins WHERE alerts = 'digest' AND (digest_sent_at IS NULL OR digest_sent_at <= ?)",
    args: [now - day],
  });
  await tx.execute({
    sql: 'UPDATE admins SET digest_sent_at = ? WHERE id IN (SELECT value FROM json_each(?))',
    args: [now, JSON.stringify(rows.map((r) => Number(r.id)))],
  });
  // Each digest takes up where the last one stopped (a first one covers the last day; none covers more than a week).
  return rows.map((r) => ({
    id: Number(r.id),
    email: String(r.email),
    since: r.digest_sent_at === null ? now - day : Math.max(Number(r.digest_sent_at), now - 7 * day),
  }));
}

export interface DigestSummary {
  total: number;
  pending: number;
  recent: CommentRef[];
}

/** What happened since `since`: new comments, how many wait for a moderator, the latest few. */
export async function digestSummary(tx: Transaction, since: number, limit: number): Promise<DigestSummary> {
  const counts = await tx.execute({
    sql: "SELECT count(*) AS total, count(*) FILTER (WHERE status = 'pending') AS pending FROM comments WHERE created_at > ? AND status IN ('approved', 'pending')",
    args: [since],
  });
  const ids = await tx.execute({
    sql: "SELECT id FROM comments WHERE created_at > ? AND status IN ('approved', 'pending') ORDER BY created_at DESC, id DESC LIMIT ?",
    args: [since, limit],
  });
  const recent: CommentRef[] = [];
  for (const r of ids.rows) {
    const ref = await commentRef(tx, Number(r.id));
    if (ref) recent.push(ref);
  }
  return { total: Number(counts.rows[0]!.total), pending: Number(counts.rows[0]!.pending), recent };
}

function toWebhook(r: Record<string, unknown>): WebhookInfo {
  return {
    id: Number(r.id),
    site: String(r.site),
    url: String(r.url),
    format: String(r.format) as WebhookFormat,
    events: JSON.parse(String(r.events)) as string[],
    secret: String(r.secret),
    createdAt: new Date(Number(r.created_at)).toISOString(),
  };
}

/** The site's webhooks that want `event`. */
export async function webhooksFor(tx: Transaction, site: string, event: string): Promise<WebhookInfo[]> {
  const { rows } = await tx.execute({
    sql: 'SELECT * FROM webhooks WHERE site = ? AND EXISTS (SELECT 1 FROM json_each(webhooks.events) WHERE value = ?) ORDER BY id',
    args: [site, event],
  });
  return rows.map(toWebhook);
}

export async function listWebhooks(db: Db): Promise<WebhookInfo[]> {
  const { rows } = await db.execute('SELECT * FROM webhooks ORDER BY site, id');
  return rows.map(toWebhook);
}

export async function getWebhook(db: Db | Transaction, id: number): Promise<WebhookInfo | null> {
  const { rows } = await db.execute({ sql: 'SELECT * FROM webhooks WHERE id = ?', args: [id] });
  return rows[0] ? toWebhook(rows[0]) : null;
}

export async function createWebhook(
  tx: Transaction,
  hook: { site: string; url: string; format: WebhookFormat; events: string[]; secret: string },
  now: number,
): Promise<WebhookInfo> {
  const { rows } = await tx.execute({
    sql: 'INSERT INTO webhooks (site, url, format, events, secret, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
    args: [hook.site, hook.url, hook.format, JSON.stringify(hook.events), hook.secret, now],
  });
  return toWebhook(rows[0]!);
}

export async function deleteWebhook(tx: Transaction, id: number): Promise<boolean> {
  const { rowsAffected } = await tx.execute({ sql: 'DELETE FROM webhooks WHERE id = ?', args: [id] });
  return rowsAffected > 0;
}

export async function pageById(db: Db, id: number): Promise<PageRef | null> {
  const { rows } = await db.execute({ sql: 'SELECT id, site, key, url, title FROM pages WHERE id = ?', args: [id] });
  const r = rows[0];
  return r ? { id: Number(r.id), site: String(r.site), key: String(r.key), url: r.url === null ? null : String(r.url), title: r.title === null ? null : String(r.title) } : null;
}
