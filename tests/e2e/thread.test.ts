import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../shared/types.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/temp.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server.ts';

/** Each comment on the demo page with the text of the comment it sits under (null at the top level). */
function threadShape(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('parley-comments')!.shadowRoot!;
    return [...root.querySelectorAll('article.comment')].map((article) => {
      const list = article.parentElement!.parentElement!.parentElement!;
      const parent = list.classList.contains('replies') ? list.parentElement!.querySelector(':scope > article .body') : null;
      return { text: article.querySelector('.body')!.textContent!.trim(), parent: parent?.textContent!.trim() ?? null };
    });
  });
}

describe('a reader on the demo page', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    dir = tempDir();
    server = await startServerProcess(`file:${join(dir, 'parley.db')}`);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts a comment and two levels of replies that survive a restart, nested', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.getByText('Be the first to comment.').waitFor();

    await page.getByRole('button', { name: 'Write a comment…' }).click();
    const top = page.locator('section > parley-form');
    await top.getByLabel('Comment').fill('A first comment, about slow reading.');
    await top.getByLabel('Name').fill('Ada');
    await top.getByRole('button', { name: 'Post comment' }).click();
    const first = page.locator('article.comment', { hasText: 'A first comment' });
    await first.waitFor();
    await expect.poll(() => page.evaluate(() => document.querySelector('parley-comments')!.shadowRoot!.activeElement?.id)).toMatch(/^comment-\d+$/);
    expect(await page.getByRole('heading', { name: '1 comment' }).count()).toBe(1);

    await first.getByRole('button', { name: 'Reply' }).click();
    const replyForm = first.locator('parley-form');
    await expect.poll(() => replyForm.getByText('Replying to').textContent()).toContain('Ada');
    expect(await replyForm.getByLabel('Name').inputValue(), 'the name is remembered').toBe('Ada');
    await replyForm.getByLabel('Comment').fill('A reply to Ada.');
    await replyForm.getByRole('button', { name: 'Post comment' }).click();
    const second = page.locator('article.comment', { hasText: 'A reply to Ada.' });
    await second.waitFor();

    await second.getByRole('button', { name: 'Reply' }).click();
    await second.locator('parley-form').getByLabel('Comment').fill('A reply to the reply.');
    await second.locator('parley-form').getByRole('button', { name: 'Post comment' }).click();
    const third = page.locator('article.comment', { hasText: 'A reply to the reply.' });
    await third.waitFor();
    await third.getByRole('button', { name: 'Reply' }).click();
    await third.locator('parley-form').getByLabel('Comment').fill('Three levels down.');
    await third.locator('parley-form').getByRole('button', { name: 'Post comment' }).click();
    await page.locator('article.comment', { hasText: 'Three levels down.' }).waitFor();

    const expected = [
      { text: 'A first comment, about slow reading.', parent: null },
      { text: 'A reply to Ada.', parent: 'A first comment, about slow reading.' },
      { text: 'A reply to the reply.', parent: 'A reply to Ada.' },
      { text: 'Three levels down.', parent: 'A reply to the reply.' },
    ];
    expect(await threadShape(page)).toEqual(expected);

    await server.stop();
    server = await startServerProcess(`file:${join(dir, 'parley.db')}`);
    await page.goto(`${server.url}/`);
    await page.locator('article.comment', { hasText: 'Three levels down.' }).waitFor();
    expect(await threadShape(page)).toEqual(expected);
    expect(await page.getByRole('heading', { name: '4 comments' }).count()).toBe(1);

    const api = (await (await fetch(`${server.url}/api/comments?page=/`)).json()) as ThreadResponse;
    expect(api.page).toMatchObject({ key: '/', title: 'On reading slowly', commentCount: 4 });
    expect(api.comments[0]!.replies[0]!.replies[0]!.replies[0]!.html).toBe('<p>Three levels down.</p>');
    await page.close();
  }, 60_000);
});
