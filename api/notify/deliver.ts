/** One delivery attempt: an email through SMTP, or a signed POST to a webhook. Answers what the other side said. */
import { createHmac } from 'node:crypto';
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
        const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
        const code = e.responseCode;
        // 5xx is the server saying "never": such an address will not start working by retrying.
        const permanent = code !== undefined && code >= 500 && code < 600;
        return { ok: false, retry: !permanent, response: e.response ?? `${e.code ?? 'error'}: ${e.message ?? String(error)}` };
      }
    },
    close: () => transport.close(),
  };
}

/**
 * Signs like Stripe: `X-Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the
 * webhook's secret>`. The receiver recomputes it and refuses old timestamps (README, Webhooks).
 */
export function signature(secret: string, body: string, seconds: number): string {
  const mac = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
  return `t=${seconds},v1=${mac}`;
}

export async function postWebhook(id: number, url: string, message: WebhookMessage, secret: string, now: number): Promise<AttemptResult> {
  try {
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
    const text = (await response.text().catch(() => '')).slice(0, 200);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, retry: !ok, response: `HTTP ${response.status}${text ? `: ${text}` : ''}` };
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string } };
    return { ok: false, retry: true, response: e.name === 'TimeoutError' ? 'no answer in 15 s' : `${e.cause?.code ?? e.name ?? 'error'}: ${e.message ?? String(error)}` };
  }
}
