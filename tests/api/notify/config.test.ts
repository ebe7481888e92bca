import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../api/config.ts';
import { postWebhook, smtpFailure } from '../../../api/notify/deliver.ts';
import { retryDelay } from '../../../api/notify/worker.ts';

describe('mail settings', () => {
  it('are off without SMTP_URL, and need MAIL_FROM with it', () => {
    expect(readConfig({}).mail).toBeNull();
    expect(readConfig({ SMTP_URL: 'smtp://u:p@mail.example.com:587', MAIL_FROM: 'C <c@example.com>' }).mail).toEqual({ smtpUrl: 'smtp://u:p@mail.example.com:587', from: 'C <c@example.com>' });
    expect(() => readConfig({ SMTP_URL: 'smtp://mail.example.com' })).toThrow(/MAIL_FROM is needed/);
    expect(() => readConfig({ SMTP_URL: 'mail.example.com:25', MAIL_FROM: 'c@example.com' })).toThrow(ConfigError);
    expect(() => readConfig({ PARLEY_RETRY_BASE_MS: 'soon' })).toThrow(/PARLEY_RETRY_BASE_MS must be a number/);
  });

  it('retry with a growing delay, capped at six hours', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 30_000))).toEqual([30_000, 120_000, 480_000, 1_920_000]);
    expect(retryDelay(8, 30_000)).toBe(6 * 3600 * 1000);
  });
});

describe('delivery failures', () => {
  it('give up on an address the server refuses, but retry its sign-in and sender troubles', () => {
    expect(smtpFailure({ responseCode: 550, command: 'RCPT TO', response: '550 No such user' })).toMatchObject({ retry: false, response: '550 No such user' });
    expect(smtpFailure({ responseCode: 451, command: 'DATA', response: '451 Try later' }).retry).toBe(true);
    expect(smtpFailure({ responseCode: 535, code: 'EAUTH', command: 'AUTH PLAIN', response: '535 Bad credentials' }).retry).toBe(true);
    expect(smtpFailure({ responseCode: 553, command: 'MAIL FROM', response: '553 Sender refused' }).retry).toBe(true);
    expect(smtpFailure({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' })).toMatchObject({ retry: true, response: 'ECONNECTION: connect ECONNREFUSED' });
  });

  it('refuse webhooks to private addresses unless allowed', async () => {
    const message = { body: '{}', webhookId: 1, event: 'comment.created' as const };
    for (const url of ['http://127.0.0.1:9/x', 'http://[::1]:9/x', 'http://169.254.169.254/latest', 'http://localhost:9/x']) {
      const result = await postWebhook(1, url, message, 's', Date.now());
      expect(result, url).toMatchObject({ ok: false, retry: false });
      expect(result.response, url).toMatch(/^Refused: .* is a private address/);
    }
    // Allowed, it is tried (and nothing listens there).
    expect((await postWebhook(1, 'http://127.0.0.1:9/x', message, 's', Date.now(), true)).retry).toBe(true);
  });
});
