/** The outbox: messages written with the event that caused them, claimed by one worker at a time, every attempt logged. */
import type { Transaction } from '@libsql/client';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import type { Outgoing } from '../notify/message.ts';
import type { OutboxAttempt, OutboxEntry, OutboxStatus } from '../../shared/types.ts';

export interface ClaimedMessage {
  id: number;
  channel: Outgoing['channel'];
  recipient: string;
  message: string;
  attempts: number;
}

export async function enqueue(tx: Transaction, out: Outgoing, now: number): Promise<number> {
  const { rows } = await tx.execute({
    sql: `INSERT INTO outbox (channel, topic, site, recipient, message, comment_id, next_attempt_at, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    args: [out.channel, out.topic, out.site, out.recipient, JSON.stringify(out.message), out.commentId ?? null, now, now],
  });
  return Number(rows[0]!.id);
}

/** Whether an email of this topic about this comment was queued already (a reply approved twice is one email). */
export async function alreadyQueued(tx: Transaction, topic: string, commentId: number): Promise<boolean> {
  const { rows } = await tx.execute({ sql: 'SELECT 1 FROM outbox WHERE comment_id = ? AND topic = ? LIMIT 1', args: [commentId, topic] });
  return rows.length > 0;
}

/** Whether an email of this topic went to this address since `since` (a sign-in link asked for again and again). */
export async function emailedSince(db: Db | Transaction, topic: string, recipient: string, since: number): Promise<boolean> {
  const { rows } = await db.execute({
    sql: "SELECT 1 FROM outbox WHERE channel = 'email' AND topic = ? AND recipient = ? AND created_at > ? LIMIT 1",
    args: [topic, recipient, since],
  });
  return rows.length > 0;
}

/** A comment was deleted by its writer: emails about it that have not gone yet are not sent. */
export async function cancelEmailsAbout(tx: Transaction, commentId: number): Promise<void> {
  await tx.execute({ sql: "DELETE FROM outbox WHERE comment_id = ? AND channel = 'email' AND status = 'queued'", args: [commentId] });
}

/** Comments were erased: every message about them goes, sent or not, with its attempts. */
export async function eraseMessagesAbout(tx: Transaction, commentIds: number[]): Promise<void> {
  const ids = JSON.stringify(commentIds);
  await tx.execute({ sql: 'DELETE FROM outbox_attempts WHERE message_id IN (SELECT id FROM outbox WHERE comment_id IN (SELECT value FROM json_each(?)))', args: [ids] });
  await tx.execute({ sql: 'DELETE FROM outbox WHERE comment_id IN (SELECT value FROM json_each(?))', args: [ids] });
}

/**
 * Takes the next due message for this worker (`claim`, a random id of the worker's): a queued one whose time
 * has come, or one another worker took but did not finish before its lease ran out (it died). One write
 * transaction, so two processes never take the same message; one message at a time, so the lease (longer
 * than one delivery can last) always covers the delivery. The attempt is counted here, when it starts: a
 * message that brings its worker down is not tried forever.
 */
export function claimNext(db: Db, channels: Outgoing['channel'][], claim: string, now: number, leaseMs: number): Promise<ClaimedMessage | null> {
  return writeTransaction(db, async (tx) => {
    const { rows } = await tx.execute({
      sql: `UPDATE outbox SET status = 'sending', lease_until = ?, claim = ?, attempts = attempts + 1
            WHERE id = (SELECT id FROM outbox WHERE ((status = 'queued' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until < ?))
                                                AND channel IN (SELECT value FROM json_each(?))
                        ORDER BY next_attempt_at LIMIT 1)
            RETURNING id, channel, recipient, message, attempts`,
      args: [now + leaseMs, claim, now, now, JSON.stringify(channels)],
    });
    const r = rows[0];
    return r
      ? { id: Number(r.id), channel: String(r.channel) as Outgoing['channel'], recipient: String(r.recipient), message: String(r.message), attempts: Number(r.attempts) }
      : null;
  });
}

export type AttemptOutcome = { ok: true; response: string } | { ok: false; response: string; retryAt: number | null };

/**
 * Records one attempt of the worker holding `claim`: sent, queued again for `retryAt`, or failed for good when
 * there is no retry. Answers false, changing nothing, when the message is no longer that worker's (erased, or
 * taken over).
 */
export function recordAttempt(db: Db, id: number, claim: string, outcome: AttemptOutcome, now: number): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const response = outcome.response.slice(0, 1000);
    const { rowsAffected } = outcome.ok
      ? await tx.execute({
          sql: "UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL, claim = NULL, last_error = NULL WHERE id = ? AND claim = ? AND status = 'sending'",
          args: [now, id, claim],
        })
      : await tx.execute({
          sql: `UPDATE outbox SET status = ?, next_attempt_at = coalesce(?, next_attempt_at), lease_until = NULL, claim = NULL, last_error = ?
                WHERE id = ? AND claim = ? AND status = 'sending'`,
          args: [outcome.retryAt === null ? 'failed' : 'queued', outcome.retryAt, response, id, claim],
        });
    if (rowsAffected === 0) return false;
    await tx.execute({ sql: 'INSERT INTO outbox_attempts (message_id, at, ok, response) VALUES (?, ?, ?, ?)', args: [id, now, outcome.ok ? 1 : 0, response] });
    return true;
  });
}

/** When the next message falls due, so the worker can sleep until then (null: nothing waits). */
export async function nextDueAt(db: Db, channels: Outgoing['channel'][]): Promise<number | null> {
  const { rows } = await db.execute({
    sql: `SELECT min(t) AS t FROM (SELECT min(next_attempt_at) AS t FROM outbox WHERE status = 'queued' AND channel IN (SELECT value FROM json_each(?1))
                                  UNION ALL SELECT min(lease_until) FROM outbox WHERE status = 'sending' AND channel IN (SELECT value FROM json_each(?1)))`,
    args: [JSON.stringify(channels)],
  });
  return rows[0]?.t === null || rows[0]?.t === undefined ? null : Number(rows[0].t);
}

export interface OutboxFilter {
  status?: OutboxStatus | undefined;
  channel?: Outgoing['channel'] | undefined;
  limit: number;
  before?: number | undefined;
}

/** The newest messages first, each with its attempts, for the admin page. */
export async function listOutbox(db: Db, filter: OutboxFilter): Promise<{ messages: OutboxEntry[]; nextBefore: number | null }> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.status) where.push('status = ?'), args.push(filter.status);
  if (filter.channel) where.push('channel = ?'), args.push(filter.channel);
  if (filter.before) where.push('id < ?'), args.push(filter.before);
  const { rows } = await db.execute({
    sql: `SELECT id, channel, topic, site, recipient, message, status, attempts, next_attempt_at, last_error, created_at, sent_at
          FROM outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    args: [...args, filter.limit + 1],
  });
  const page = rows.slice(0, filter.limit);
  const attempts = await attemptsOf(db, page.map((r) => Number(r.id)));
  const iso = (ms: unknown) => (ms === null ? null : new Date(Number(ms)).toISOString());
  return {
    messages: page.map((r) => {
      const message = JSON.parse(String(r.message)) as { subject?: string };
      return {
        id: Number(r.id),
        channel: String(r.channel) as OutboxEntry['channel'],
        topic: String(r.topic),
        site: r.site === null ? null : String(r.site),
        recipient: String(r.recipient),
        subject: message.subject ?? null,
        status: String(r.status) as OutboxStatus,
        attempts: attempts.get(Number(r.id)) ?? [],
        nextAttemptAt: r.status === 'queued' ? iso(r.next_attempt_at) : null,
        lastError: r.last_error === null ? null : String(r.last_error),
        createdAt: iso(r.created_at)!,
        sentAt: iso(r.sent_at),
      };
    }),
    nextBefore: rows.length > filter.limit ? Number(page.at(-1)!.id) : null,
  };
}

async function attemptsOf(db: Db, ids: number[]): Promise<Map<number, OutboxAttempt[]>> {
  const found = new Map<number, OutboxAttempt[]>();
  if (ids.length === 0) return found;
  const { rows } = await db.execute({
    sql: 'SELECT message_id, at, ok, response FROM outbox_attempts WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY id',
    args: [JSON.stringify(ids)],
  });
  for (const r of rows) {
    const list = found.get(Number(r.message_id)) ?? [];
    list.push({ at: new Date(Number(r.at)).toISOString(), ok: Number(r.ok) === 1, response: String(r.response) });
    found.set(Number(r.message_id), list);
  }
  return found;
}

/** Counts per status, for the admin page's summary. */
export async function outboxCounts(db: Db): Promise<Record<OutboxStatus, number>> {
  const { rows } = await db.execute('SELECT status, count(*) AS n FROM outbox GROUP BY status');
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[String(r.status) as OutboxStatus] = Number(r.n);
  return counts;
}

/** Sends a failed message again from the start (a moderator's "retry"). */
export function requeue(db: Db, id: number, now: number): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const { rowsAffected } = await tx.execute({
      sql: "UPDATE outbox SET status = 'queued', next_attempt_at = ?, attempts = 0, claim = NULL WHERE id = ? AND status = 'failed'",
      args: [now, id],
    });
    return rowsAffected > 0;
  });
}

/** Forgets delivered messages after `sentDays` and failed ones after `failedDays`, with their attempts. */
export function pruneOutbox(db: Db, now: number, sentDays: number, failedDays: number): Promise<void> {
  const day = 24 * 3600 * 1000;
  return writeTransaction(db, async (tx) => {
    const old = `SELECT id FROM outbox WHERE (status = 'sent' AND created_at < ?) OR (status = 'failed' AND created_at < ?)`;
    const args = [now - sentDays * day, now - failedDays * day];
    await tx.execute({ sql: `DELETE FROM outbox_attempts WHERE message_id IN (${old})`, args });
    await tx.execute({ sql: `DELETE FROM outbox WHERE id IN (${old})`, args });
  });
}
