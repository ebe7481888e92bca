import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../api/config.ts';
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
