/**
 * Delivers the outbox from inside the server process. A message is claimed in a write transaction with a
 * lease, one at a time, so with several processes each message goes out from one of them; a process that dies
 * mid-send loses its lease and another (or itself, restarted) takes the message over. A message is marked sent
 * as soon as the SMTP server or webhook accepts it, and never sent again after that.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { claimNext, enqueue, nextDueAt, pruneOutbox, recordAttempt, type AttemptOutcome, type ClaimedMessage } from '../store/outbox.ts';
import { digestSummary, getWebhook, takeDueDigests } from '../store/notify-targets.ts';
import { mailSender, postWebhook, type AttemptResult, type MailSender } from './deliver.ts';
import type { EmailMessage, Outgoing, WebhookMessage } from './message.ts';
import { digestEmail } from './templates.ts';

/** After this many attempts a message is failed for good (with the backoff, about 15 hours of trying). */
export const maxAttempts = 8;
const maxDelayMs = 6 * 3600 * 1000;
/** Longer than one delivery can take (SMTP: 20 s to connect, 20 s to greet, 40 s per exchange; webhooks 15 s). */
const leaseMs = 5 * 60 * 1000;

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startOutbox(db: Db, config: Config, base: () => string): Outbox {
  const mail: MailSender | null = config.mail ? mailSender(config.mail.smtpUrl, config.mail.from) : null;
  const channels: Outgoing['channel'][] = mail ? ['email', 'webhook'] : ['webhook'];
  const claim = randomUUID();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  let again = false;
  let lastHousekeeping = 0;
  const housekeepingMs = Math.min(60_000, config.outbox.pollMs * 10);

  async function deliver(claimed: ClaimedMessage): Promise<AttemptResult> {
    if (claimed.channel === 'email') return mail!.send(claimed.id, claimed.recipient, JSON.parse(claimed.message) as EmailMessage);
    const message = JSON.parse(claimed.message) as WebhookMessage;
    const hook = await getWebhook(db, message.webhookId);
    if (!hook) return { ok: false, retry: false, response: 'The webhook was removed before this could be delivered.' };
    return postWebhook(claimed.id, claimed.recipient, message, hook.secret, Date.now(), config.webhooksToPrivate);
  }

  /**
   * Writes down the attempt, trying again while the database refuses (busy, or a libSQL server out of reach):
   * a delivered message that stayed unrecorded would be sent again when its lease ran out.
   */
  async function record(id: number, outcome: AttemptOutcome, now: number): Promise<void> {
    for (let wait = 500; ; wait = Math.min(wait * 2, 15_000)) {
      try {
        await recordAttempt(db, id, claim, outcome, now);
        return;
      } catch (error) {
        if (Date.now() - now > leaseMs / 2) throw error;
        console.error(`[parley] outbox: could not record the attempt on message ${id}, trying again:`, error);
        await sleep(wait);
      }
    }
  }

  /** Once a minute (sooner with a short poll): daily digests that are due, and forgetting old messages. */
  async function housekeeping(now: number): Promise<void> {
    if (now - lastHousekeeping < housekeepingMs) return;
    lastHousekeeping = now;
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
    while (!stopped) {
      const message = await claimNext(db, channels, claim, Date.now(), leaseMs);
      if (!message) return;
      let result: AttemptResult;
      if (message.attempts > maxAttempts) {
        // Claimed this often without an attempt being recorded: delivering it brings its worker down.
        result = { ok: false, retry: false, response: 'Given up: the process delivering this message stopped each time.' };
      } else {
        try {
          result = await deliver(message);
        } catch (error) {
          result = { ok: false, retry: true, response: `error: ${error instanceof Error ? error.message : String(error)}` };
        }
      }
      const now = Date.now();
      const retryAt = result.retry && message.attempts < maxAttempts ? now + retryDelay(message.attempts, config.outbox.retryBaseMs) : null;
      await record(message.id, result.ok ? { ok: true, response: result.response } : { ok: false, response: result.response, retryAt }, now);
      // Addresses and webhook URLs (secrets, for Slack and Discord) stay out of the log: the outbox has them.
      if (!result.ok) console.warn(`[parley] outbox: ${message.channel} message ${message.id}, attempt ${message.attempts} failed: ${result.response.slice(0, 200)}`);
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
      let wait = config.outbox.pollMs;
      try {
        const due = await nextDueAt(db, channels);
        if (due !== null) wait = Math.max(0, Math.min(wait, due - Date.now()));
      } catch {
        // The next turn tries again.
      }
      // A kick that came while this turn ran means another turn at once.
      if (stopped || again) continue;
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
