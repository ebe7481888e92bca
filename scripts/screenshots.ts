/** `npm run screenshots`: the demo page with a small discussion, light and dark, into docs/screenshots/. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { launchChromium } from '../tests/helpers/chromium.ts';
import { serverEntry, startServerProcess } from '../tests/helpers/server.ts';
import { tempDir } from '../tests/helpers/temp.ts';
import { build } from './build.ts';

await build();
const dir = tempDir();
const url = `file:${join(dir, 'demo.db')}`;
const server = await startServerProcess(url);
try {
  const post = async (body: Record<string, unknown>) => {
    const res = await fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ page: '/', pageTitle: 'On reading slowly', ...body }),
    });
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };
  const vote = (id: string, value: number, voter: string) =>
    fetch(`${server.url}/api/comments/${id}/vote`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ value, voter }) });

  const a = await post({ body: 'This is how I read long essays now: **print them**, sit somewhere without a phone.\n\nThe second pass is where it gets good.', author: { name: 'Ada Lovelace', website: 'https://example.com' } });
  const b = await post({ body: '> The second pass is where it gets good.\n\nAgreed. I keep a list of the ones worth it: https://example.com/list', parentId: a, author: { name: 'Grace Hopper' } });
  await post({ body: 'Thanks for the list!', parentId: b, author: { name: 'Alan Turing' } });
  await post({ body: 'Does anyone have a good essay about *attention* itself?', author: { name: 'Parley team' } });
  for (let i = 0; i < 4; i++) await vote(a, 1, `screenshot-voter-${i}`);
  await vote(b, 1, 'screenshot-voter-x');
  const db = createClient({ url });
  await db.execute("UPDATE comments SET badge = 'moderator' WHERE author_name = 'Parley team'");
  db.close();

  const browser = await launchChromium();
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 760, height: 1000 }, colorScheme: scheme, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/`);
    await page.locator('article.comment').first().waitFor();
    await page.locator('parley-comments').scrollIntoViewIfNeeded();
    await page.locator('parley-comments').screenshot({ path: `docs/screenshots/demo-${scheme}.png` });
    console.log(`docs/screenshots/demo-${scheme}.png`);
  }

  // The admin page, with two comments held for moderation.
  spawnSync(process.execPath, [serverEntry, 'admin', 'add', 'mod@example.com', '--name', 'Mia Mod', '--password-stdin'], {
    env: { ...process.env, DATABASE_URL: url },
    input: 'screenshot password\n',
  });
  const db2 = createClient({ url });
  await db2.execute(`UPDATE sites SET settings = '{"moderation": "first"}' WHERE slug = 'default'`);
  db2.close();
  await post({ body: 'Great post! Visit https://cheap-watches.example for deals', author: { name: 'Deal Finder', email: 'deals@example.com' } });
  await post({ body: 'I disagree with the second paragraph, but **politely**.', parentId: b, author: { name: 'New Reader', email: 'reader@example.com' } });
  const admin = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1 });
  await admin.goto(`${server.url}/admin`);
  await admin.getByLabel('Email').fill('mod@example.com');
  await admin.getByLabel('Password').fill('screenshot password');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.locator('li.item').nth(1).waitFor();
  await admin.screenshot({ path: 'docs/screenshots/admin.png' });
  console.log('docs/screenshots/admin.png');
  await browser.close();
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
