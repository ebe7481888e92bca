/**
 * Parley's own format: everything of an install (or one site) as one JSON document, and back.
 * Export → import into an empty database → export gives the same document (but for exportedAt).
 */
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { ApiError } from '../errors.ts';
import { sanitize } from '../render/sanitize.ts';
import { recountPages } from './counters.ts';
import { rank } from './votes.ts';

export interface Backup {
  format: 'parley';
  version: 1;
  exportedAt: string;
  sites: { slug: string; name: string; origins: string[]; settings: Record<string, unknown>; createdAt: number }[];
  pages: { id: number; site: string; key: string; url: string | null; title: string | null; locked: boolean; createdAt: number; aliases: string[] }[];
  comments: Record<string, unknown>[];
  votes: { commentId: number; voter: string; address: string | null; value: number; createdAt: number }[];
  bans: { id: number; kind: string; value: string; reason: string; until: number | null; createdAt: number }[];
  admins?: { email: string; name: string; passwordHash: string; createdAt: number; alerts?: string }[];
  subscribers: { site: string; email: string; lang: string; confirmedAt: number | null; unsubscribedAt: number | null; createdAt: number }[];
  webhooks: { id: number; site: string; url: string; format: string; events: string[]; secret: string; createdAt: number }[];
}

const commentFields = `id, page_id, parent_id, depth, author_name, author_email, author_website, avatar, body_source, body_html,
  status, pinned, upvotes, downvotes, reply_count, badge, ip_hash, edit_token_hash, held_reason, moderator_edited, created_at, edited_at,
  source_id, author_admin_id, notify_replies`;

export async function exportBackup(db: Db, opts: { site?: string | undefined; withAdmins: boolean }): Promise<Backup> {
  const only = opts.site;
  const sites = await db.execute({ sql: `SELECT slug, name, origins, settings, created_at FROM sites ${only ? 'WHERE slug = ?' : ''} ORDER BY slug`, args: only ? [only] : [] });
  if (only && sites.rows.length === 0) throw new ApiError('not_found', `There is no site "${only}".`, 'site');
  const pageWhere = only ? 'WHERE site = ?' : '';
  const args = only ? [only] : [];
  const pages = await db.execute({ sql: `SELECT id, site, key, url, title, locked, created_at FROM pages ${pageWhere} ORDER BY id`, args });
  const aliases = await db.execute({ sql: `SELECT site, key, page_id FROM page_aliases ${pageWhere} ORDER BY key`, args });
  const comments = await db.execute({
    sql: `SELECT ${commentFields} FROM comments WHERE page_id IN (SELECT id FROM pages ${pageWhere}) ORDER BY id`,
    args,
  });
  const votes = await db.execute({
    sql: `SELECT comment_id, voter_hash, ip_hash, value, created_at FROM votes
          WHERE comment_id IN (SELECT c.id FROM comments c JOIN pages p ON p.id = c.page_id ${only ? 'WHERE p.site = ?' : ''})
          ORDER BY comment_id, voter_hash`,
    args,
  });
  const bans = await db.execute('SELECT id, kind, value, reason, until, created_at FROM bans ORDER BY id');
  const siteWhere = only ? 'WHERE site = ?' : '';
  const subscribers = await db.execute({ sql: `SELECT site, email, lang, confirmed_at, unsubscribed_at, created_at FROM subscribers ${siteWhere} ORDER BY site, email`, args });
  const webhooks = await db.execute({ sql: `SELECT id, site, url, format, events, secret, created_at FROM webhooks ${siteWhere} ORDER BY id`, args });
  const backup: Backup = {
    format: 'parley',
    version: 1,
    exportedAt: new Date().toISOString(),
    sites: sites.rows.map((r) => ({
      slug: String(r.slug),
      name: String(r.name),
      origins: JSON.parse(String(r.origins)) as string[],
      settings: JSON.parse(String(r.settings)) as Record<string, unknown>,
      createdAt: Number(r.created_at),
    })),
    pages: pages.rows.map((r) => ({
      id: Number(r.id),
      site: String(r.site),
      key: String(r.key),
      url: r.url === null ? null : String(r.url),
      title: r.title === null ? null : String(r.title),
      locked: Number(r.locked) === 1,
      createdAt: Number(r.created_at),
      aliases: aliases.rows.filter((a) => Number(a.page_id) === Number(r.id)).map((a) => String(a.key)),
    })),
    comments: comments.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))),
    votes: votes.rows.map((r) => ({
      commentId: Number(r.comment_id),
      voter: String(r.voter_hash),
      address: r.ip_hash === null ? null : String(r.ip_hash),
      value: Number(r.value),
      createdAt: Number(r.created_at),
    })),
    bans: bans.rows.map((r) => ({
      id: Number(r.id),
      kind: String(r.kind),
      value: String(r.value),
      reason: String(r.reason),
      until: r.until === null ? null : Number(r.until),
      createdAt: Number(r.created_at),
    })),
    subscribers: subscribers.rows.map((r) => ({
      site: String(r.site),
      email: String(r.email),
      lang: String(r.lang),
      confirmedAt: r.confirmed_at === null ? null : Number(r.confirmed_at),
      unsubscribedAt: r.unsubscribed_at === null ? null : Number(r.unsubscribed_at),
      createdAt: Number(r.created_at),
    })),
    webhooks: webhooks.rows.map((r) => ({
      id: Number(r.id),
      site: String(r.site),
      url: String(r.url),
      format: String(r.format),
      events: JSON.parse(String(r.events)) as string[],
      secret: String(r.secret),
      createdAt: Number(r.created_at),
    })),
  };
  if (opts.withAdmins) {
    const admins = await db.execute('SELECT email, name, password_hash, created_at, alerts FROM admins ORDER BY email');
    backup.admins = admins.rows.map((r) => ({ email: String(r.email), name: String(r.name), passwordHash: String(r.password_hash), createdAt: Number(r.created_at), alerts: String(r.alerts) }));
  }
  return backup;
}

const columns = commentFields.split(',').map((c) => c.trim());

/** Restores a backup into a database that has no pages or comments yet, keeping every id. */
export function importBackup(db: Db, backup: Backup): Promise<{ sites: number; pages: number; comments: number; votes: number; bans: number }> {
  return writeTransaction(db, async (tx) => {
    const { rows } = await tx.execute('SELECT (SELECT count(*) FROM pages) + (SELECT count(*) FROM comments) AS n');
    if (Number(rows[0]!.n) > 0) throw new ApiError('conflict', 'A backup is restored into an empty database: this one already has pages or comments.');
    for (const s of backup.sites) {
      await tx.execute({
        sql: `INSERT INTO sites (slug, name, origins, settings, created_at) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (slug) DO UPDATE SET name = excluded.name, origins = excluded.origins, settings = excluded.settings, created_at = excluded.created_at`,
        args: [s.slug, s.name, JSON.stringify(s.origins), JSON.stringify(s.settings), s.createdAt],
      });
    }
    for (const p of backup.pages) {
      await tx.execute({
        sql: 'INSERT INTO pages (id, site, key, url, title, locked, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        args: [p.id, p.site, p.key, p.url, p.title, p.locked ? 1 : 0, p.createdAt],
      });
      for (const alias of p.aliases) await tx.execute({ sql: 'INSERT INTO page_aliases (site, key, page_id) VALUES (?, ?, ?)', args: [p.site, alias, p.id] });
    }
    for (const c of backup.comments) {
      // A backup is a file anyone could have edited: its HTML goes through the sanitiser again, websites are checked.
      const safe: Record<string, unknown> = {
        ...c,
        body_html: sanitize(String(c.body_html)),
        author_website: typeof c.author_website === 'string' && /^https?:\/\//i.test(c.author_website) ? c.author_website : null,
      };
      await tx.execute({
        sql: `INSERT INTO comments (${columns.join(', ')}, rank) VALUES (${columns.map(() => '?').join(', ')}, ?)`,
        args: [...columns.map((k) => (safe[k] ?? null) as string | number | null), rank(Number(c.upvotes ?? 0), Number(c.downvotes ?? 0))],
      });
    }
    for (const v of backup.votes) {
      await tx.execute({
        sql: 'INSERT INTO votes (comment_id, voter_hash, ip_hash, value, created_at) VALUES (?, ?, ?, ?, ?)',
        args: [v.commentId, v.voter, v.address, v.value, v.createdAt],
      });
    }
    for (const b of backup.bans) {
      await tx.execute({
        sql: 'INSERT OR IGNORE INTO bans (id, kind, value, reason, until, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        args: [b.id, b.kind, b.value, b.reason, b.until, b.createdAt],
      });
    }
    for (const a of backup.admins ?? []) {
      await tx.execute({
        sql: 'INSERT OR IGNORE INTO admins (email, name, password_hash, created_at, alerts) VALUES (?, ?, ?, ?, ?)',
        args: [a.email, a.name, a.passwordHash, a.createdAt, a.alerts ?? 'held'],
      });
    }
    for (const x of backup.subscribers ?? []) {
      await tx.execute({
        sql: 'INSERT OR IGNORE INTO subscribers (site, email, lang, confirmed_at, unsubscribed_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        args: [x.site, x.email.toLowerCase(), x.lang, x.confirmedAt, x.unsubscribedAt, x.createdAt],
      });
    }
    for (const w of backup.webhooks ?? []) {
      await tx.execute({
        // New ids: nothing refers to a webhook's id but the outbox, which a backup leaves out.
        sql: 'INSERT INTO webhooks (site, url, format, events, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        args: [w.site, w.url, w.format, JSON.stringify(w.events), w.secret, w.createdAt],
      });
    }
    // Counts are derived: recount them from what was restored, as readers can reach them.
    await recountPages(tx, backup.pages.map((p) => p.id));
    return { sites: backup.sites.length, pages: backup.pages.length, comments: backup.comments.length, votes: backup.votes.length, bans: backup.bans.length };
  });
}
