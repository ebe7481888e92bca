/**
 * Notifications end to end: the real server process, a real SMTP server on loopback (smtp-server), a real
 * webhook receiver, and the database file read back to see what was queued.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';
import { serverEntry, startServerProcess, type ServerProcess } from '../helpers/server.ts';
import { startSmtp, type SmtpReceiver } from '../helpers/smtp.ts';
import { tempDir } from '../helpers/temp.ts';

const pageUrl = 'https://blog.example.com/posts/hello/';

describe('notifications', () => {
  let dir: string;
  let dbUrl: string;
  let smtp: SmtpReceiver;
  let server: ServerProcess;
  let db: Client;
  let env: Record<string, string>;
  let admin: string;

  const post = async (body: Record<string, unknown>) => {
    const res = await fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page: '/posts/hello/', pageUrl, pageTitle: 'Hello <world>', ...body }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };
  const queuedFor = async (email: string) =>
    (await db.execute({ sql: 'SELECT topic FROM outbox WHERE recipient = ? ORDER BY id', args: [email] })).rows.map((r) => String(r.topic));
  const adminRequest = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { cookie: admin, origin: server.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  /** Opens an emailed /manage link and presses Continue, as a reader would: answers the guest cookie. */
  const openLink = async (link: string) => {
    const token = new URL(link).searchParams.get('t')!;
    const page = await fetch(link);
    expect(await page.text()).toContain('<form method="post" action="/manage/session">');
    return fetch(`${server.url}/manage/session`, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }, body: `t=${token}`, redirect: 'manual' });
  };
  const linkIn = (text: string, path: string) => new RegExp(`https?://\\S+${path}\\?t=[\\w.-]+`).exec(text)?.[0];

  beforeAll(async () => {
    dir = tempDir();
    dbUrl = `file:${join(dir, 'parley.db')}`;
    smtp = await startSmtp();
    env = { SMTP_URL: smtp.url, MAIL_FROM: 'Comments <comments@blog.example.com>', PARLEY_OUTBOX_POLL_MS: '100', PARLEY_RETRY_BASE_MS: '200', PARLEY_WEBHOOKS_PRIVATE: '1' };
    const added = spawnSync(process.execPath, [serverEntry, 'admin', 'add', 'mod@example.com', '--name', 'Mia', '--password-stdin'], {
      env: { ...process.env, DATABASE_URL: dbUrl },
      input: 'a long moderator password\n',
    });
    expect(added.status, String(added.stderr)).toBe(0);
    server = await startServerProcess(dbUrl, env);
    db = createClient({ url: dbUrl });
    const login = await fetch(`${server.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'mod@example.com', password: 'a long moderator password' }),
    });
    admin = login.headers.get('set-cookie')!.split(';')[0]!;
    // This moderator wants no alerts, so that only readers' emails arrive in these tests.
    expect((await adminRequest('PUT', '/api/admin/notifications/alerts', { alerts: 'none' })).status).toBe(200);
  });

  afterAll(async () => {
    db?.close();
    await server?.stop();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks a new address to confirm, then emails it exactly once per reply, with working links', async () => {
    const ann = await post({ body: 'First!', author: { name: 'Ann', email: 'Ann@Example.com' }, notify: true, lang: 'de-AT' });
    const [confirm] = await smtp.waitFor(1);
    expect(confirm!.to).toEqual(['ann@example.com']);
    expect(confirm!.subject).toBe('Bestätige deine E-Mail-Adresse für Antworten auf Default site');
    // Links point at the server's own address, whatever Host a request named.
    expect(confirm!.text).toContain(`${server.url}/manage?t=`);
    expect(confirm!.messageId).toMatch(/^<parley-\d+@blog\.example\.com>$/);
    // The page title is the reader's text: escaped in the HTML version, as written in the plain one.
    expect(confirm!.html).toContain('Hello &#60;world&#62;');
    expect(confirm!.html).not.toContain('<world>');
    expect(confirm!.text).toContain('„Hello <world>“');

    // A reply before confirming sends nothing to Ann.
    await post({ body: 'Too early', author: { name: 'Bob' }, parentId: ann });
    expect(await queuedFor('ann@example.com')).toEqual(['confirm']);

    // Ann opens the link: the address is confirmed and that browser may manage her comments.
    const link = linkIn(confirm!.text, '/manage')!;
    const session = await openLink(link);
    expect(session.status).toBe(303);
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    const manage = await (await fetch(`${server.url}/manage`, { headers: { cookie } })).text();
    expect(manage).toContain('First!');
    // The link works once.
    expect((await openLink(link)).status).toBe(400);

    const reply = await post({ body: 'Nice <b>post</b>, Ann', author: { name: 'Bob <script>' }, parentId: ann });
    const mails = await smtp.waitFor(2);
    const mail = mails[1]!;
    expect(mail.to).toEqual(['ann@example.com']);
    expect(mail.subject).toBe('Bob <script> hat auf deinen Kommentar zu „Hello <world>“ geantwortet');
    expect(mail.text).toContain(`${pageUrl}#comment-${reply}`);
    expect(mail.html).not.toMatch(/<script|<b>post/);
    const unsubscribeThread = String(mail.header('list-unsubscribe')).replace(/^<|>$/g, '');
    expect(unsubscribeThread).toMatch(/\/unsubscribe\?t=/);
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(unsubscribeThread);
    expect(await queuedFor('ann@example.com')).toEqual(['confirm', 'reply']);

    // Ann replying in her own thread does not email herself.
    await post({ body: 'Thanks Bob', author: { name: 'Ann', email: 'ann@example.com' }, parentId: ann });
    expect(await queuedFor('ann@example.com')).toEqual(['confirm', 'reply']);

    // One click (as a mail client does it, RFC 8058) stops emails about this thread.
    const scanner = await fetch(unsubscribeThread);
    expect(await scanner.text()).toContain('Hello &lt;world&gt;');
    const unsubscribed = await fetch(unsubscribeThread, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(unsubscribed.status).toBe(200);
    await post({ body: 'Anyone there?', author: { name: 'Cy' }, parentId: ann });
    expect(await queuedFor('ann@example.com')).toEqual(['confirm', 'reply']);
    expect(smtp.mails).toHaveLength(2);

    // A tampered link does nothing.
    expect((await fetch(unsubscribeThread.replace(/t=./, 't=x'), { method: 'POST' })).status).toBe(400);
  });

  it('retries a refused email and delivers it on the third attempt, every attempt logged', async () => {
    smtp.refuseNext(2);
    const before = smtp.mails.length;
    const res = await adminRequest('POST', '/api/admin/notifications/test', { to: 'owner@example.com' });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: number };
    await smtp.waitFor(before + 1);
    expect(smtp.mails.at(-1)!.subject).toBe('Parley test email');
    const outbox = (await (await adminRequest('GET', '/api/admin/outbox')).json()) as { messages: { id: number; status: string; attempts: { ok: boolean; response: string }[] }[] };
    const entry = outbox.messages.find((m) => m.id === id)!;
    expect(entry.status).toBe('sent');
    expect(entry.attempts.map((a) => a.ok)).toEqual([false, false, true]);
    expect(entry.attempts[0]!.response).toMatch(/451/);
  });

  it('delivers a message queued before a crash once, after the restart', async () => {
    smtp.refuseAll(true);
    const res = await adminRequest('POST', '/api/admin/notifications/test', { to: 'crash@example.com' });
    const { id } = (await res.json()) as { id: number };
    // Wait until the first attempt has failed, so the message sits in the outbox for a retry.
    const waiting = async () => (await db.execute({ sql: "SELECT 1 FROM outbox WHERE id = ? AND status = 'queued' AND attempts > 0", args: [id] })).rows.length > 0;
    for (let i = 0; i < 100 && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await waiting()).toBe(true);
    await server.kill();
    smtp.refuseAll(false);
    server = await startServerProcess(dbUrl, env);
    const login = await fetch(`${server.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'mod@example.com', password: 'a long moderator password' }),
    });
    admin = login.headers.get('set-cookie')!.split(';')[0]!;
    for (let i = 0; i < 100 && !smtp.mails.some((m) => m.to.includes('crash@example.com')); i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000)); // time for any duplicate to show up
    expect(smtp.mails.filter((m) => m.to.includes('crash@example.com'))).toHaveLength(1);
    const row = (await db.execute({ sql: 'SELECT status FROM outbox WHERE id = ?', args: [id] })).rows[0]!;
    expect(row.status).toBe('sent');
  });

  it('signs webhook deliveries and retries them until the receiver accepts', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    let failures = 1;
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = failures-- > 0 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const made = await adminRequest('POST', '/api/admin/webhooks', { site: 'default', url, events: ['comment.created'] });
      expect(made.status).toBe(201);
      const { webhook } = (await made.json()) as { webhook: { secret: string } };
      const id = await post({ body: 'Hooked', author: { name: 'Dee' } });
      for (let i = 0; i < 100 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      expect(received).toHaveLength(2);
      const delivery = received[1]!;
      expect(delivery.body).toBe(received[0]!.body);
      const payload = JSON.parse(delivery.body) as { event: string; comment: { id: string; body: string } };
      expect(payload.event).toBe('comment.created');
      expect(payload.comment).toMatchObject({ id, body: 'Hooked' });
      // The receiver checks the signature as README shows.
      const [t, v1] = String(delivery.headers['x-parley-signature']).split(',').map((p) => p.split('=')[1]!);
      expect(createHmac('sha256', webhook.secret).update(`${t}.${delivery.body}`).digest('hex')).toBe(v1);
      expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
      const outbox = (await (await adminRequest('GET', '/api/admin/outbox?channel=webhook')).json()) as { messages: { status: string; attempts: { response: string }[] }[] };
      expect(outbox.messages[0]!.status).toBe('sent');
      expect(outbox.messages[0]!.attempts.map((a) => a.response)).toEqual(['HTTP 503', 'HTTP 204']);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('sends a moderator on the daily digest one summary, not one email per comment', async () => {
    const before = smtp.mails.length;
    await post({ body: 'For the digest', author: { name: 'Eve' } });
    expect((await adminRequest('PUT', '/api/admin/notifications/alerts', { alerts: 'digest' })).status).toBe(200);
    const mails = await smtp.waitFor(before + 1);
    const digest = mails.at(-1)!;
    expect(digest.to).toEqual(['mod@example.com']);
    expect(digest.subject).toMatch(/^\[Parley\] \d+ new comments today, 0 waiting for a moderator$/);
    expect(digest.text).toContain('For the digest');
    expect(digest.text).toContain(`${server.url}/admin`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.mails.filter((m) => m.to.includes('mod@example.com'))).toHaveLength(1);
  });

  it('in a browser: ticks "Email me replies", confirms from the email, then edits the comment at /manage', async () => {
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(10_000);
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: 'Write a comment…' }).click();
      await page.getByLabel('Comment', { exact: true }).fill('Tell me when someone answers.');
      await page.getByLabel('Name').fill('Fay');
      // Asking for emails without an address is stopped in the form.
      await page.getByLabel('Email me replies').check();
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.getByText('Give your email address to get replies by email.').waitFor();
      await page.getByLabel('Email (optional, never shown)').fill('fay@example.com');
      const before = smtp.mails.length;
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.getByText('Replies will come by email. If this address is new here, confirm it first: the link is in your inbox.').waitFor();
      const mails = await smtp.waitFor(before + 1);
      const confirm = mails.find((m) => m.to.includes('fay@example.com'))!;
      expect(confirm.subject).toBe('Confirm your email for replies on Default site');

      // The link, opened in any browser, asks for one click and then shows the reader's comments.
      await page.goto(linkIn(confirm.text, '/manage')!);
      await page.getByRole('button', { name: 'Confirm and manage my comments' }).click();
      const box = page.getByRole('textbox');
      expect(await box.inputValue()).toBe('Tell me when someone answers.');
      await box.fill('Tell me, please, when someone answers.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved.').waitFor();
      await page.goto(`${server.url}/`);
      await page.getByText('Tell me, please, when someone answers.').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
