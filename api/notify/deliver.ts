/** One delivery attempt: an email through SMTP, or a signed POST to a webhook. Answers what the other side said. */
import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailMessage, WebhookMessage } from './message.ts';

export interface AttemptResult {
  ok: boolean;
  /** Whether trying again could help (a 4xx from SMTP, a timeout, a 5xx from a webhook…). */
  retry: boolean;
  response: string;
}

export interface MailSender {
  send(id: number, to: string, message: EmailMessage): Promise<AttemptResult>;
  close(): void;
}

export function mailSender(smtpUrl: string, from: string): MailSender {
  // Timeouts short enough that a stuck server cannot hold a message past its lease (api/notify/worker.ts).
  const transport: Transporter = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 40_000 },
    { from },
  );
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'parley.invalid';
  return {
    async send(id, to, message) {
      try {
        const info = await transport.sendMail({
          to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers ?? {},
          // The same id on every attempt: if a message is ever sent twice (a crash between the server's
          // acceptance and our record of it), mail systems can tell it is one message.
          messageId: `<parley-${id}@${domain}>`,
        });
        return { ok: true, retry: false, response: String(info.response ?? 'accepted') };
      } catch (error) {
        return smtpFailure(error);
      }
    },
    close: () => transport.close(),
  };
}

/** What an SMTP error means for the message: its words, and whether trying again could help. */
export function smtpFailure(error: unknown): AttemptResult {
  const e = error as { responseCode?: number; response?: string; code?: string; command?: string; message?: string };
  const code = e.responseCode;
  // A 5xx for this message or address is the server saying "never": retrying will not help. A 5xx to signing in
  // or to the sender is the server's setup (a changed password), which its owner can fix: retried.
  const setup = e.code === 'EAUTH' || /^(AUTH|MAIL FROM|EHLO|HELO)/i.test(e.command ?? '');
  const permanent = code !== undefined && code >= 500 && code < 600 && !setup;
  return { ok: false, retry: !permanent, response: e.response ?? `${e.code ?? 'error'}: ${e.message ?? String(error)}` };
}

/**
 * Signs like Stripe: `X-Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the
 * webhook's secret>`. The receiver recomputes it and refuses old timestamps (README, Webhooks).
 */
export function signature(secret: string, body: string, seconds: number): string {
  const mac = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
  return `t=${seconds},v1=${mac}`;
}

/** Loopback, private, link-local (cloud metadata) and other addresses no public webhook lives at. */
export function isPrivateAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.\d+\.\d+$/i.exec(address);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b < 128) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || a >= 224;
  }
  const v6 = address.toLowerCase();
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('ff');
}

/** Refuses a webhook whose host is or resolves to a private address, unless the owner allowed those. */
async function privateTarget(url: string): Promise<string | null> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  const found = addresses.find(isPrivateAddress);
  return found ? `Refused: ${host} is a private address (${found}); set PARLEY_WEBHOOKS_PRIVATE=1 to allow webhooks inside your network.` : null;
}

export async function postWebhook(id: number, url: string, message: WebhookMessage, secret: string, now: number, toPrivate = false): Promise<AttemptResult> {
  try {
    const refused = toPrivate ? null : await privateTarget(url);
    if (refused) return { ok: false, retry: false, response: refused };
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Parley-Webhook/1',
        'x-parley-event': message.event,
        'x-parley-delivery': String(id),
        'x-parley-signature': signature(secret, message.body, Math.floor(now / 1000)),
      },
      body: message.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    const text = await firstBytes(response, 200);
    const ok = response.status >= 200 && response.status < 300;
    // A 4xx says the request will never be taken (a revoked Slack hook answers 404), but for "later" (408, 429).
    const retry = !ok && !(response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429);
    return { ok, retry, response: `HTTP ${response.status}${text ? `: ${text}` : ''}` };
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string } };
    return { ok: false, retry: true, response: e.name === 'TimeoutError' ? 'no answer in 15 s' : `${e.cause?.code ?? e.name ?? 'error'}: ${e.message ?? String(error)}` };
  }
}

/** The start of a response's body as text, reading no more than that. */
async function firstBytes(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  try {
    const { value } = await reader.read();
    return value ? new TextDecoder().decode(value.slice(0, max)).trim() : '';
  } catch {
    return '';
  } finally {
    void reader.cancel().catch(() => {});
  }
}
