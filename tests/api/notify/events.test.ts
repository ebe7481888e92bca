/** What each event queues: read back from the outbox table of a real database. */
import { describe, expect, it } from 'vitest';
import { signIn } from '../../helpers/admin.ts';
import { testApp, type TestApp } from '../../helpers/app.ts';

const mailEnv = { SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM: 'Comments <c@example.com>' };

async function outbox(t: TestApp): Promise<{ channel: string; topic: string; recipient: string; message: Record<string, unknown> }[]> {
  const { rows } = await t.db.execute('SELECT channel, topic, recipient, message FROM outbox ORDER BY id');
  return rows.map((r) => ({ channel: String(r.channel), topic: String(r.topic), recipient: String(r.recipient), message: JSON.parse(String(r.message)) as Record<string, unknown> }));
}

async function confirm(t: TestApp, email: string): Promise<void> {
  await t.db.execute({ sql: 'UPDATE subscribers SET confirmed_at = 1 WHERE email = ?', args: [email] });
}

describe('what events queue', () => {
  it('queues one confirmation per address a day, and nothing without "email me replies"', async () => {
    const t = await testApp(mailEnv);
    expect((await t.comment({ body: 'no thanks', author: { email: 'quiet@example.com' } })).notify).toBeUndefined();
    expect((await t.comment({ body: 'one', author: { email: 'ann@example.com' }, notify: true })).notify).toBe('requested');
    expect((await t.comment({ body: 'two', author: { email: 'ANN@example.com' }, notify: true })).notify).toBe('requested');
    expect((await outbox(t)).map((m) => [m.topic, m.recipient])).toEqual([['confirm', 'ann@example.com']]);
    // The answer is the same for a confirmed address: it tells no one who reads the site.
    await confirm(t, 'ann@example.com');
    expect((await t.comment({ body: 'three', author: { email: 'ann@example.com' }, notify: true })).notify).toBe('requested');
    // A day later an unused link is sent again, once.
    await t.db.execute("UPDATE subscribers SET confirmed_at = NULL, confirm_sent_at = confirm_sent_at - 86400001");
    await t.comment({ body: 'four', author: { email: 'ann@example.com' }, notify: true });
    await t.comment({ body: 'five', author: { email: 'ann@example.com' }, notify: true });
    expect((await outbox(t)).map((m) => m.topic)).toEqual(['confirm', 'confirm']);
  });

  it('refuses "email me replies" without an address, and changes nothing', async () => {
    const t = await testApp(mailEnv);
    const res = await t.post('/api/comments', { page: '/p', body: 'hi', notify: true });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation', field: 'author.email' } });
    expect(await outbox(t)).toEqual([]);
    expect((await t.db.execute('SELECT count(*) AS n FROM comments')).rows[0]!.n).toBe(0);
  });

  it('queues no email at all when mail is off, but still calls webhooks', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    await t.db.execute("UPDATE admins SET alerts = 'all'");
    expect((await mod.request('POST', '/api/admin/webhooks', { site: 'default', url: 'https://hooks.example.com/x' })).status).toBe(201);
    const parent = await t.comment({ body: 'p', author: { email: 'ann@example.com' }, notify: true });
    await t.comment({ body: 'r', parentId: parent.comment.id });
    expect((await outbox(t)).map((m) => m.channel)).toEqual(['webhook', 'webhook']);
    expect((await t.db.execute('SELECT count(*) AS n FROM subscribers')).rows[0]!.n).toBe(0);
  });

  it('emails a held reply only once a moderator approves it, and tells the webhooks', async () => {
    const t = await testApp(mailEnv);
    const mod = await signIn(t);
    await mod.request('PUT', '/api/admin/notifications/alerts', { alerts: 'none' });
    await mod.request('POST', '/api/admin/webhooks', { site: 'default', url: 'https://hooks.example.com/x', format: 'slack', events: ['comment.approved'] });
    const parent = await t.comment({ body: 'p', author: { email: 'ann@example.com' }, notify: true });
    await confirm(t, 'ann@example.com');
    await mod.request('PATCH', '/api/admin/sites/default', { settings: { moderation: 'all' } });
    const reply = await t.comment({ body: 'held reply', author: { name: 'Bob' }, parentId: parent.comment.id });
    expect((await outbox(t)).map((m) => m.topic)).toEqual(['confirm']);
    expect((await mod.request('POST', `/api/admin/comments/${reply.comment.id}/approve`)).status).toBe(200);
    const queued = await outbox(t);
    expect(queued.map((m) => [m.topic, m.recipient])).toEqual([
      ['confirm', 'ann@example.com'],
      ['reply', 'ann@example.com'],
      ['comment.approved', 'https://hooks.example.com/x'],
    ]);
    // Approving again changes nothing and sends nothing more.
    await mod.request('POST', `/api/admin/comments/${reply.comment.id}/approve`);
    expect(await outbox(t)).toHaveLength(3);
    const slack = JSON.parse(String((queued[2]!.message as { body: string }).body)) as { text: string };
    expect(slack.text).toMatch(/^Comment approved by Bob on “\/post\/1”\n> held reply/);
  });

  it('alerts moderators by their setting, never about their own comments', async () => {
    const t = await testApp(mailEnv);
    const mod = await signIn(t);
    await t.db.execute("INSERT INTO admins (email, name, password_hash, created_at, alerts) VALUES ('all@example.com', 'All', 'x', 0, 'all'), ('none@example.com', 'None', 'x', 0, 'none')");
    await t.comment({ body: 'plain' });
    expect((await outbox(t)).map((m) => m.recipient)).toEqual(['all@example.com']);
    await mod.request('PATCH', '/api/admin/sites/default', { settings: { moderation: 'all' } });
    await t.comment({ body: 'held <b>one</b>', author: { name: '<img src=x onerror=alert(1)>' } });
    const held = (await outbox(t)).slice(1);
    expect(held.map((m) => m.recipient).sort()).toEqual(['all@example.com', 'mod@example.com']);
    const html = String(held[0]!.message.html);
    expect(html).not.toMatch(/<img|<b>/);
    expect(held[0]!.message.subject).toBe('[default] Held for moderation: a comment on “/post/1”');
    // A moderator's own comment alerts no one.
    const before = (await outbox(t)).length;
    await mod.request('POST', '/api/comments', { page: '/post/1', body: 'from the moderator' });
    expect(await outbox(t)).toHaveLength(before);
  });

  it('tells webhooks when a writer deletes their comment', async () => {
    const t = await testApp(mailEnv);
    const mod = await signIn(t);
    await mod.request('POST', '/api/admin/webhooks', { site: 'default', url: 'https://hooks.example.com/d', format: 'discord', events: ['comment.deleted'] });
    const mine = await t.comment({ body: '@everyone look' });
    const res = await t.app.request(`/api/comments/${mine.comment.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${mine.editToken}` } });
    expect(res.status).toBe(204);
    const [hook] = await outbox(t);
    expect(hook!.topic).toBe('comment.deleted');
    const body = JSON.parse(String((hook!.message as { body: string }).body)) as { content: string; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).not.toContain('@everyone');
  });

  it('validates webhooks and test emails with clear errors', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    const bad = [
      [{ site: 'default', url: 'ftp://x.example.com' }, 'url'],
      [{ site: 'default', url: '' }, 'url'],
      [{ site: 'default', url: 'https://x.example.com', events: [] }, 'events'],
      [{ site: 'default', url: 'https://x.example.com', events: ['comment.eaten'] }, 'events'],
      [{ site: 'default', url: 'https://x.example.com', format: 'teams' }, 'format'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await mod.request('POST', '/api/admin/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toMatch(new RegExp(`^${field}`));
    }
    expect((await mod.request('POST', '/api/admin/webhooks', { site: 'nope', url: 'https://x.example.com' })).status).toBe(404);
    const test = await mod.request('POST', '/api/admin/notifications/test', {});
    expect(test.status).toBe(409);
    expect(await test.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('SMTP_URL') } });
    expect(await outbox(t)).toEqual([]);
    expect((await mod.request('PUT', '/api/admin/notifications/alerts', { alerts: 'loud' })).status).toBe(400);
    expect((await t.get('/api/admin/notifications')).status).toBe(401);
  });
});

describe('the thread tells the widget', () => {
  it('whether the server emails replies', async () => {
    const on = await testApp(mailEnv);
    expect(((await (await on.get('/api/comments?page=/p')).json()) as { page: { emailReplies?: boolean } }).page.emailReplies).toBe(true);
    await on.comment({ page: '/p', body: 'x' });
    expect(((await (await on.get('/api/comments?page=/p')).json()) as { page: { emailReplies?: boolean } }).page.emailReplies).toBe(true);
    const off = await testApp();
    expect(((await (await off.get('/api/comments?page=/p')).json()) as { page: { emailReplies?: boolean } }).page.emailReplies).toBeUndefined();
  });
});

describe('what else queues or unqueues', () => {
  it('makes links from the configured address, never from the Host header', async () => {
    const t = await testApp({ ...mailEnv, PUBLIC_URL: 'https://comments.example.com' });
    await t.app.request('http://evil.example/api/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Host: 'evil.example' },
      body: JSON.stringify({ page: '/p', body: 'hi', author: { email: 'ann@example.com' }, notify: true }),
    });
    const [confirmation] = await outbox(t);
    expect(String(confirmation!.message.text)).toMatch(/https:\/\/comments\.example\.com\/manage\?t=/);
    expect(JSON.stringify(confirmation!.message)).not.toContain('evil.example');
    const bare = await testApp(mailEnv);
    await bare.app.request('http://evil.example/api/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Host: 'evil.example' },
      body: JSON.stringify({ page: '/p', body: 'hi', author: { email: 'ann@example.com' }, notify: true }),
    });
    expect(JSON.stringify((await outbox(bare))[0]!.message)).not.toContain('evil.example');
  });

  it('emails a reply once, through spam and back, and through an edit that holds it again', async () => {
    const t = await testApp(mailEnv);
    const mod = await signIn(t);
    await mod.request('PUT', '/api/admin/notifications/alerts', { alerts: 'held' });
    await mod.request('PATCH', '/api/admin/sites/default', { settings: { maxLinks: 0 } });
    const parent = await t.comment({ body: 'p', author: { email: 'ann@example.com' }, notify: true });
    await confirm(t, 'ann@example.com');
    const reply = await t.comment({ body: 'a reply', parentId: parent.comment.id });
    const topics = async () => (await outbox(t)).map((m) => m.topic);
    expect(await topics()).toEqual(['confirm', 'reply']);
    await mod.request('POST', `/api/admin/comments/${reply.comment.id}/spam`);
    await mod.request('POST', `/api/admin/comments/${reply.comment.id}/approve`);
    expect(await topics()).toEqual(['confirm', 'reply']);
    // An edit that adds a link holds the reply again: the moderator hears of it.
    const res = await t.app.request(`/api/comments/${reply.comment.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${reply.editToken}` },
      body: JSON.stringify({ body: 'now with https://example.com' }),
    });
    expect(res.status).toBe(200);
    expect(await topics()).toEqual(['confirm', 'reply', 'moderator']);
    await mod.request('POST', `/api/admin/comments/${reply.comment.id}/approve`);
    expect(await topics()).toEqual(['confirm', 'reply', 'moderator']);
  });

  it('emails a reply approved from spam that was never published', async () => {
    const t = await testApp(mailEnv);
    const mod = await signIn(t);
    await mod.request('PUT', '/api/admin/notifications/alerts', { alerts: 'none' });
    const parent = await t.comment({ body: 'p', author: { email: 'ann@example.com' }, notify: true });
    await confirm(t, 'ann@example.com');
    await mod.request('PATCH', '/api/admin/sites/default', { settings: { moderation: 'all' } });
    const reply = await t.comment({ body: 'held', parentId: parent.comment.id });
    await mod.request('POST', `/api/admin/comments/${reply.comment.id}/spam`);
    await mod.request('POST', '/api/admin/comments/bulk', { ids: [reply.comment.id], action: 'approve' });
    expect((await outbox(t)).map((m) => m.topic)).toEqual(['confirm', 'reply']);
  });

  it('cancels emails about a comment its writer deletes, and erases everything about erased ones', async () => {
    const t = await testApp(mailEnv);
    const mod = await signIn(t);
    await mod.request('POST', '/api/admin/webhooks', { site: 'default', url: 'https://hooks.example.com/x' });
    const parent = await t.comment({ body: 'p', author: { email: 'ann@example.com' }, notify: true });
    await confirm(t, 'ann@example.com');
    const reply = await t.comment({ body: 'regrettable words', parentId: parent.comment.id });
    expect((await outbox(t)).map((m) => m.topic)).toContain('reply');
    await t.app.request(`/api/comments/${reply.comment.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${reply.editToken}` } });
    const after = await outbox(t);
    expect(after.map((m) => m.topic)).not.toContain('reply');
    expect(after.at(-1)!.topic).toBe('comment.deleted');

    const mine = await t.comment({ body: 'erase me entirely', author: { name: 'Zed', email: 'zed@example.com' } });
    expect(JSON.stringify(await outbox(t))).toContain('erase me entirely');
    const erased = await t.post('/api/comments/erase', { comments: [{ id: mine.comment.id, token: mine.editToken }] });
    expect(await erased.json()).toEqual({ erased: 1 });
    const left = await outbox(t);
    expect(JSON.stringify(left)).not.toMatch(/erase me entirely|Zed/);
    expect(left.at(-1)!.topic).toBe('comment.deleted');
  });

  it('asks an address that unsubscribed from everything to confirm again', async () => {
    const t = await testApp(mailEnv);
    const parent = await t.comment({ body: 'p', author: { email: 'ann@example.com' }, notify: true });
    await confirm(t, 'ann@example.com');
    await t.db.execute('UPDATE subscribers SET unsubscribed_at = 5');
    await t.db.execute('UPDATE comments SET notify_replies = 0');
    // Someone types Ann's address into the form again: Ann gets a confirmation, not replies.
    const again = await t.comment({ body: 'q', author: { email: 'ann@example.com' }, notify: true });
    await t.comment({ body: 'reply', parentId: again.comment.id });
    await t.comment({ body: 'reply', parentId: parent.comment.id });
    expect((await outbox(t)).map((m) => m.topic)).toEqual(['confirm', 'confirm']);
  });
});
