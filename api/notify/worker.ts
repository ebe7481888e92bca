/**
 * Delivers the outbox from inside the server process. Messages are claimed in a write transaction with a
 * lease, so with several processes each message goes out from one of them; a process that dies mid-send
 * loses its lease and another (or itself, restarted) takes the message over. A message is marked sent as
 * soon as the SMTP server or webhook accepts it, and never sent again after that.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { claimDue, enqueue, nextDueAt, pruneOutbox, recordAttempt, releaseClaims, type ClaimedMessage } from '../store/outbox.ts';
import { digestSummary, getWebhook, takeDueDigests } from '../store/notify-targets.ts';
import { mailSender, postWebhook, type AttemptResult, type MailSender } from './deliver.ts';
import type { EmailMessage, Outgoing, WebhookMessage } from './message.ts';
import { digestEmail } from './templates.ts';

/** After this many attempts a message is failed for good (with the backoff, about 15 hours of trying). */
export const maxAttempts = 8;
const maxDelayMs = 6 * 3600 * 1000;
const leaseMs = 2 * 60 * 1000;
const batch = 10;

export interface Outbox {
  /** Look at the outbox now (something was just queued). */
  kick(): void;
  /** Finishes the message in hand, then stops. */
  stop(): Promise<void>;
  readonly mailConfigured: boolean;
}

export function retryDelay(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 4 ** (attempts - 1), maxDelayMs);
}

export function startOutbox(db: Db, config: Config, base: () => string): Outbox {
  const mail: MailSender | null = config.mail ? mailSender(config.mail.smtpUrl, config.mail.from) : null;
  const channels: Outgoing['channel'][] = mail ? ['email', 'webhook'] : ['webhook'];
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  let again = false;
  let lastDigestCheck = 0;
  const housekeepingMs = Math.min(60_000, config.outbox.pollMs * 10);

  async function deliver(claimed: ClaimedMessage): Promise<AttemptResult> {
    if (claimed.channel === 'email') return mail!.send(claimed.id, claimed.recipient, JSON.parse(claimed.message) as EmailMessage);
    const message = JSON.parse(claimed.message) as WebhookMessage;
    const hook = await getWebhook(db, message.webhookId);
    if (!hook) return { ok: false, retry: false, response: 'The webhook was removed before this could be delivered.' };
    return postWebhook(claimed.id, claimed.recipient, message, hook.secret, Date.now());
  }

  /** Once a minute (sooner with a short poll): daily digests that are due, and forgetting old messages. */
  async function housekeeping(now: number): Promise<void> {
    if (now - lastDigestCheck < housekeepingMs) return;
    lastDigestCheck = now;
    await pruneOutbox(db, now, 30, 90);
    if (!mail) return;
    await writeTransaction(db, async (tx) => {
      for (const admin of await takeDueDigests(tx, now)) {
        const summary = await digestSummary(tx, admin.since, 20);
        if (summary.total === 0) continue;
        await enqueue(tx, { channel: 'email', topic: 'digest', site: null, recipient: admin.email, message: digestEmail(summary, `${base()}/admin`) }, now);
      }
    });
  }

  async function drain(): Promise<void> {
    await housekeeping(Date.now());
    for (;;) {
      const claimed = await claimDue(db, channels, Date.now(), leaseMs, batch);
      if (claimed.length === 0) return;
      for (const [index, message] of claimed.entries()) {
        if (stopped) {
          await releaseClaims(db, claimed.slice(index).map((m) => m.id));
          return;
        }
        const result = await deliver(message);
        const attempts = message.attempts + 1;
        const now = Date.now();
        const retryAt = result.retry && attempts < maxAttempts ? now + retryDelay(attempts, config.outbox.retryBaseMs) : null;
        await recordAttempt(db, message.id, result.ok ? { ok: true, response: result.response } : { ok: false, response: result.response, retryAt }, now);
        if (!result.ok) console.warn(`[parley] ${message.channel} ${message.id} to ${message.recipient}: attempt ${attempts} failed: ${result.response}`);
      }
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      again = false;
      try {
        await drain();
      } catch (error) {
        console.error('[parley] outbox:', error);
      }
      if (stopped) break;
      if (again) continue;
      let wait = config.outbox.pollMs;
      try {
        const due = await nextDueAt(db, channels);
        if (due !== null) wait = Math.max(0, Math.min(wait, due - Date.now()));
      } catch {
        // The next turn tries again.
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, wait);
      });
      wake = null;
    }
  }

  const running = loop();
  return {
    mailConfigured: mail !== null,
    kick() {
      again = true;
      if (timer) clearTimeout(timer);
      wake?.();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await running;
      mail?.close();
    },
  };
}
