import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostile } from '../fixtures/hostile.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serverEntry, startServerProcess, type ServerProcess } from '../helpers/server.ts';
import { tempDir } from '../helpers/temp.ts';

/** Each context is a separate browser profile: a guest, a moderator, a stranger. */
async function person(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 4')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  return { context, page, problems };
}

describe('a moderator keeping order', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    dir = tempDir();
    const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'parley.db')}` };
    const added = spawnSync(process.execPath, [serverEntry, 'admin', 'add', 'mod@example.com', '--name', 'Mia Mod', '--password-stdin'], { env, input: 'a long moderator password\n' });
    expect(added.status, String(added.stderr)).toBe(0);
    server = await startServerProcess(env.DATABASE_URL);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds, approves, marks spam, bans and locks, and every reader sees the result', async () => {
    // The moderator signs in and makes the default site hold every comment.
    const mod = await person(browser, `${server.url}/admin`);
    await mod.page.getByLabel('Email').fill('mod@example.com');
    await mod.page.getByLabel('Password').fill('a long moderator password');
    await mod.page.getByRole('button', { name: 'Sign in' }).click();
    await mod.page.getByRole('button', { name: 'Sites' }).click();
    await mod.page.getByLabel('Moderation').selectOption('all');
    await mod.page.getByRole('button', { name: 'Save default' }).click();
    await mod.page.getByText('Saved default.').waitFor();

    // A guest posts: the comment waits, marked, in the guest's browser only.
    const guest = await person(browser, `${server.url}/`);
    await guest.page.getByRole('button', { name: 'Write a comment…' }).click();
    await guest.page.getByLabel('Comment', { exact: true }).fill('A thoughtful first comment.');
    await guest.page.getByLabel('Name').fill('Gus Guest');
    await guest.page.getByRole('button', { name: 'Post comment' }).click();
    await guest.page.getByText('Awaiting moderation', { exact: true }).waitFor();
    const stranger = await person(browser, `${server.url}/`);
    await stranger.page.getByText('Be the first to comment.').waitFor();

    // The moderator finds it in the queue and approves it; the guest and the stranger now see it.
    await mod.page.getByRole('button', { name: 'Comments' }).click();
    const item = mod.page.locator('li.item', { hasText: 'A thoughtful first comment.' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Gus Guest');
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.locator('.status.approved').waitFor();
    await guest.page.reload();
    await guest.page.locator('article.comment', { hasText: 'A thoughtful first comment.' }).waitFor();
    expect(await guest.page.getByText('Awaiting moderation', { exact: true }).count()).toBe(0);
    await stranger.page.reload();
    await stranger.page.locator('article.comment', { hasText: 'A thoughtful first comment.' }).waitFor();

    // Marked as spam, it disappears for readers.
    await item.getByRole('button', { name: 'Spam' }).click();
    await item.locator('.status.spam').waitFor();
    await stranger.page.reload();
    await stranger.page.getByText('Be the first to comment.').waitFor();

    // Banned by name, the guest's next comment is refused with a clear message.
    await mod.page.getByRole('button', { name: 'Bans' }).click();
    await mod.page.getByLabel('Ban by').selectOption('name');
    await mod.page.getByLabel('Value').fill('Gus Guest');
    await mod.page.getByRole('button', { name: 'Ban', exact: true }).click();
    await mod.page.locator('td', { hasText: 'gus guest' }).waitFor();
    await guest.page.reload();
    await guest.page.getByRole('button', { name: 'Write a comment…' }).click();
    await guest.page.getByLabel('Comment', { exact: true }).fill('Let me back in.');
    await guest.page.getByRole('button', { name: 'Post comment' }).click();
    await guest.page.getByRole('alert').getByText('A moderator has blocked comments from you here.').waitFor();

    // A locked page refuses posts and the widget says so.
    await mod.page.getByRole('button', { name: 'Pages' }).click();
    const row = mod.page.locator('tr', { hasText: 'On reading slowly' });
    await row.getByRole('button', { name: 'Lock' }).click();
    await row.getByRole('button', { name: 'Unlock' }).waitFor();
    await stranger.page.reload();
    await stranger.page.getByText('This discussion is closed.').waitFor();
    expect(await stranger.page.getByRole('button', { name: 'Write a comment…' }).count()).toBe(0);
    const refused = await fetch(`${server.url}/api/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/', body: 'sneaky' }) });
    expect(refused.status).toBe(403);

    // Hostile names, titles and bodies render inert on the admin page too.
    for (const [i, text] of hostile.entries()) {
      await fetch(`${server.url}/api/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ page: `/hostile/${i}`, pageTitle: text.slice(0, 300), body: text, author: { name: text.slice(0, 64) } }),
      });
    }
    await mod.page.getByRole('button', { name: 'Comments' }).click();
    await mod.page.getByLabel('Status').selectOption('');
    await mod.page.getByRole('button', { name: 'Show' }).click();
    await mod.page.locator('li.item').nth(49).waitFor();
    await mod.page.waitForTimeout(300);
    expect(await mod.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    const injected = await mod.page.evaluate(() => {
      const roots = [document.querySelector('parley-admin')!.shadowRoot!, document.querySelector('parley-admin')!.shadowRoot!.querySelector('admin-queue')!.shadowRoot!];
      return roots.flatMap((r) => [...r.querySelectorAll('script, iframe, object, embed, img, svg, [onerror], [onload], [onclick]')].map((e) => e.outerHTML.slice(0, 60)));
    });
    expect(injected).toEqual([]);

    // The audit log shows what happened, and nothing broke the pages' strict CSP.
    await mod.page.getByRole('button', { name: 'Audit log' }).click();
    await mod.page.locator('td', { hasText: 'lock' }).first().waitFor();
    for (const action of ['approve', 'spam', 'ban', 'site change']) expect(await mod.page.locator('td', { hasText: action }).count(), action).toBeGreaterThan(0);
    expect([...mod.problems, ...guest.problems, ...stranger.problems]).toEqual([]);
    for (const p of [mod, guest, stranger]) await p.context.close();
  }, 90_000);
});
