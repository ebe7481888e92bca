/**
 * The admin page's Notifications section in Chromium, against the real server process: with a real SMTP server
 * on loopback, and without any (email off).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';
import { serverEntry, startServerProcess, type ServerProcess } from '../helpers/server.ts';
import { startSmtp, type SmtpReceiver } from '../helpers/smtp.ts';
import { tempDir } from '../helpers/temp.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A fresh database with one moderator, and the server on it. */
async function serve(dir: string, env: Record<string, string>): Promise<{ server: ServerProcess; dbUrl: string }> {
  const dbUrl = `file:${join(dir, 'parley.db')}`;
  const added = spawnSync(process.execPath, [serverEntry, 'admin', 'add', 'mod@example.com', '--name', 'Mia Mod', '--password-stdin'], {
    env: { ...process.env, DATABASE_URL: dbUrl },
    input: 'a long moderator password\n',
  });
  expect(added.status, String(added.stderr)).toBe(0);
  return { server: await startServerProcess(dbUrl, env), dbUrl };
}

/** The moderator signs in, in a browser profile of their own, and opens Notifications. */
async function openNotifications(browser: Browser, url: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 4')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${url}/admin`);
  await page.getByLabel('Email').fill('mod@example.com');
  await page.getByLabel('Password').fill('a long moderator password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Notifications' }).click();
  await page.getByRole('heading', { name: 'Outbox' }).waitFor();
  return { page, problems, close: () => context.close() };
}

/** Presses Refresh until the check holds (the worker sends in the background). */
async function refreshUntil(page: Page, what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForTimeout(200);
  }
  throw new Error(`the outbox never showed ${what}`);
}

const shows = (row: Locator, status: string) => async () => (await row.count()) > 0 && (await row.locator('.status').first().textContent()) === status;

/** axe-core's serious and critical findings on the admin page (evaluated through the debugger, so the CSP stays as it is). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(el: Element): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document.querySelector('parley-admin')!);
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('the Notifications section with email on', () => {
  let dir: string;
  let smtp: SmtpReceiver;
  let server: ServerProcess;
  let dbUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = tempDir();
    smtp = await startSmtp();
    ({ server, dbUrl } = await serve(dir, { SMTP_URL: smtp.url, MAIL_FROM: 'Comments <c@example.com>', PARLEY_OUTBOX_POLL_MS: '100', PARLEY_RETRY_BASE_MS: '200' }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a test email and shows it sent in the outbox with its attempt, then retries a failed one', async () => {
    const mod = await openNotifications(browser, server.url);
    const { page } = mod;
    await page.getByText('Messages come from Comments <c@example.com>.').waitFor();

    // With the field left empty, the test email goes to the moderator's own address.
    await page.getByRole('button', { name: 'Send test email' }).click();
    await page.getByRole('status').getByText('A test email to mod@example.com is queued').waitFor();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['mod@example.com']);
    expect(mail!.subject).toBe('Parley test email');

    const row = page.locator('tr', { hasText: 'mod@example.com' });
    await refreshUntil(page, 'the test email sent', shows(row, 'sent'));
    expect(await row.textContent()).toContain('Parley test email');
    expect(await page.locator('.counts').textContent()).toMatch(/sent\s*1/);
    const toggle = row.getByRole('button', { name: '1 attempt' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const attempts = page.locator('tr.attempts');
    await attempts.waitFor();
    expect(await attempts.locator('li').count()).toBe(1);
    expect(await attempts.textContent()).toMatch(/ok[\s\S]*250/);

    // A refused email: its failed attempts and the server's answer show; once it has failed for good, Retry sends it.
    smtp.refuseAll(true);
    await page.getByLabel('Send to (empty: your own address)').fill('owner@example.com');
    await page.getByRole('button', { name: 'Send test email' }).click();
    const refused = page.locator('tr', { hasText: 'owner@example.com' });
    await refreshUntil(page, 'the refusal', async () => (await refused.getByText('451 Mailbox busy, try again later').count()) > 0);
    expect(await refused.locator('.status').first().textContent()).toMatch(/^(queued|sending)$/);
    // Eight refusals take hours of backoff: mark it failed for good, as the worker would after the last one.
    const db = createClient({ url: dbUrl });
    let marked = 0;
    for (let i = 0; marked === 0 && i < 50; i++) {
      marked = (await db.execute("UPDATE outbox SET status = 'failed' WHERE recipient = 'owner@example.com' AND status = 'queued'")).rowsAffected;
      if (marked === 0) await page.waitForTimeout(50);
    }
    db.close();
    expect(marked).toBe(1);
    smtp.refuseAll(false);
    await page.getByLabel('Status').selectOption('failed');
    await page.getByRole('button', { name: 'Show' }).click();
    await refused.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('status').getByText('is queued again').waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Show' }).click();
    await refreshUntil(page, 'the retried email sent', shows(refused, 'sent'));
    expect(smtp.mails.filter((m) => m.to.includes('owner@example.com'))).toHaveLength(1);

    expect(await seriousViolations(page)).toEqual([]);
    expect(mod.problems).toEqual([]);
    await mod.close();
  }, 60_000);

  it('saves the moderator’s alerts', async () => {
    const mod = await openNotifications(browser, server.url);
    await mod.page.getByLabel('Email me about').selectOption('digest');
    await mod.page.getByRole('button', { name: 'Save alerts' }).click();
    await mod.page.getByRole('status').getByText('Your alerts: Daily digest.').waitFor();
    await mod.page.reload();
    await mod.page.getByRole('button', { name: 'Save alerts' }).waitFor();
    expect(await mod.page.getByLabel('Email me about').inputValue()).toBe('digest');
    expect(mod.problems).toEqual([]);
    await mod.close();
  });

  it('adds a webhook with its secret, and removes it after a confirmation', async () => {
    const mod = await openNotifications(browser, server.url);
    const { page } = mod;
    await page.getByText('No webhooks yet.').waitFor();
    await page.getByLabel('Site').selectOption('default');
    await page.getByLabel('URL').fill('https://hooks.example.com/parley');
    await page.getByLabel('Format').selectOption('slack');
    await page.getByLabel('comment.deleted').uncheck();
    await page.getByRole('button', { name: 'Add webhook' }).click();

    const hook = page.locator('li.hook', { hasText: 'https://hooks.example.com/parley' });
    await hook.waitFor();
    expect(await hook.textContent()).toContain('comment.created, comment.approved');
    expect(await hook.textContent()).toContain('Slack');
    const secret = hook.getByLabel('Secret');
    expect(await secret.getAttribute('readonly')).not.toBeNull();
    expect(await secret.inputValue()).toMatch(/^[\w-]{32}$/);
    await page.getByText('X-Parley-Signature').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Remove asks first; Keep leaves it, Remove removes it.
    await hook.getByRole('button', { name: 'Remove' }).click();
    await hook.getByRole('button', { name: 'Keep' }).click();
    await hook.getByRole('button', { name: 'Remove' }).click();
    await hook.getByRole('group', { name: 'Remove this webhook?' }).getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('status').getByText('Removed the webhook to https://hooks.example.com/parley.').waitFor();
    await page.getByText('No webhooks yet.').waitFor();
    const listed = (await (await page.request.get(`${server.url}/api/admin/webhooks`)).json()) as { webhooks: unknown[] };
    expect(listed.webhooks).toEqual([]);

    // Markup in a URL stays text.
    const hostile = 'https://hooks.example.com/x?<img src=x onerror="window.__pwned=1">';
    await page.getByLabel('URL').fill(hostile);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.locator('li.hook', { hasText: hostile }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const injected = await page.evaluate(() => {
      const section = document.querySelector('parley-admin')!.shadowRoot!.querySelector('admin-notifications')!.shadowRoot!;
      return section.querySelector('admin-webhooks')!.shadowRoot!.querySelectorAll('img, [onerror]').length;
    });
    expect(injected).toBe(0);
    expect(mod.problems).toEqual([]);
    await mod.close();
  });
});

describe('the Notifications section with email off', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    dir = tempDir();
    ({ server } = await serve(dir, { SMTP_URL: '', MAIL_FROM: '' }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says email is off and how to turn it on, and offers no test email', async () => {
    const mod = await openNotifications(browser, server.url);
    await mod.page.getByText('Email is off: set SMTP_URL and MAIL_FROM and restart Parley. Nothing is emailed until then; webhooks still work.').waitFor();
    expect(await mod.page.getByRole('button', { name: 'Send test email' }).count()).toBe(0);
    await mod.page.getByText('No messages match.').waitFor();
    expect(mod.problems).toEqual([]);
    await mod.close();
  });
});
