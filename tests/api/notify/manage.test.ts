/** The guest's side: the emailed link, the /manage page, unsubscribing. Real app, real database. */
import { describe, expect, it } from 'vitest';
import { ownOrigin } from '../../helpers/admin.ts';
import { testApp, type TestApp } from '../../helpers/app.ts';

const mailEnv = { SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM: 'Comments <c@example.com>' };
const form = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ownOrigin };

async function lastLink(t: TestApp, path: string): Promise<string> {
  const { rows } = await t.db.execute('SELECT message FROM outbox ORDER BY id DESC LIMIT 1');
  const text = (JSON.parse(String(rows[0]!.message)) as { text: string }).text;
  return new RegExp(`http://localhost${path}\\?t=[\\w.-]+`).exec(text)![0];
}

async function signedInGuest(t: TestApp, email = 'ann@example.com'): Promise<{ cookie: string; id: string }> {
  const { comment } = await t.comment({ body: 'Original words', author: { name: 'Ann', email }, notify: true });
  const token = new URL(await lastLink(t, '/manage')).searchParams.get('t')!;
  const res = await t.app.request('/manage/session', { method: 'POST', headers: form, body: `t=${token}` });
  expect(res.status).toBe(303);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, id: comment.id };
}

describe('the emailed link and /manage', () => {
  it('spends the link only on Continue, once, and confirms the address', async () => {
    const t = await testApp(mailEnv);
    await t.comment({ body: 'hi', author: { email: 'ann@example.com' }, notify: true });
    const link = await lastLink(t, '/manage');
    const token = new URL(link).searchParams.get('t')!;
    const opened = await t.get(link.replace('http://localhost', ''));
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await t.db.execute('SELECT confirmed_at FROM subscribers')).rows[0]!.confirmed_at).toBeNull();
    // Without our Origin the form is refused (another site cannot spend the link).
    expect((await t.app.request('/manage/session', { method: 'POST', headers: { ...form, Origin: 'https://evil.example' }, body: `t=${token}` })).status).toBe(403);
    const first = await t.app.request('/manage/session', { method: 'POST', headers: form, body: `t=${token}` });
    expect(first.status).toBe(303);
    expect(first.headers.get('set-cookie')).toMatch(/parley_guest=[\w-]+; Max-Age=\d+; Path=\/manage; HttpOnly; SameSite=Lax/);
    expect((await t.db.execute('SELECT confirmed_at FROM subscribers')).rows[0]!.confirmed_at).not.toBeNull();
    const again = await t.app.request('/manage/session', { method: 'POST', headers: form, body: `t=${token}` });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('has been used');
  });

  it('lets the guest edit within the window and delete, only their own comments', async () => {
    const t = await testApp(mailEnv);
    const other = await t.comment({ body: 'Not Ann', author: { email: 'bob@example.com' } });
    const { cookie, id } = await signedInGuest(t);
    const page = await (await t.get('/manage', { Cookie: cookie })).text();
    expect(page).toContain('Original words');
    expect(page).not.toContain('Not Ann');

    const saved = await t.app.request(`/manage/comments/${id}`, { method: 'POST', headers: { ...form, Cookie: cookie }, body: 'action=save&body=Better+words' });
    expect(saved.status).toBe(303);
    const thread = (await (await t.get('/api/comments?page=/post/1')).json()) as { comments: { id: string; html: string }[] };
    expect(thread.comments.find((c) => c.id === id)!.html).toContain('Better words');

    const theirs = await t.app.request(`/manage/comments/${other.comment.id}`, { method: 'POST', headers: { ...form, Cookie: cookie }, body: 'action=delete' });
    expect(theirs.status).toBe(404);
    const stranger = await t.app.request(`/manage/comments/${id}`, { method: 'POST', headers: form, body: 'action=delete' });
    expect(stranger.status).toBe(401);

    await t.db.execute({ sql: 'UPDATE comments SET created_at = 0 WHERE id = ?', args: [id] });
    const late = await t.app.request(`/manage/comments/${id}`, { method: 'POST', headers: { ...form, Cookie: cookie }, body: 'action=save&body=Too+late' });
    expect(late.status).toBe(403);
    const deleted = await t.app.request(`/manage/comments/${id}`, { method: 'POST', headers: { ...form, Cookie: cookie }, body: 'action=delete' });
    expect(deleted.status).toBe(303);
    const after = (await (await t.get('/api/comments?page=/post/1')).json()) as { comments: { id: string }[] };
    expect(after.comments.map((c) => c.id)).toEqual([other.comment.id]);
  });

  it('unsubscribes from everything; a new "email me replies" asks for confirmation again', async () => {
    const t = await testApp(mailEnv);
    const { cookie } = await signedInGuest(t);
    expect((await t.app.request('/manage/unsubscribe', { method: 'POST', headers: { ...form, Cookie: cookie } })).status).toBe(303);
    const row = async () => (await t.db.execute('SELECT unsubscribed_at, (SELECT max(notify_replies) FROM comments) AS notify FROM subscribers')).rows[0]!;
    expect((await row()).unsubscribed_at).not.toBeNull();
    expect((await row()).notify).toBe(0);
    await t.comment({ body: 'again', author: { email: 'ann@example.com' }, notify: true });
    expect((await row()).unsubscribed_at).toBeNull();
    expect((await t.db.execute('SELECT confirmed_at FROM subscribers')).rows[0]!.confirmed_at).toBeNull();
  });

  it('sends a sign-in link only to writers of the site, answering the same either way', async () => {
    const t = await testApp(mailEnv);
    await t.comment({ body: 'hi', author: { email: 'ann@example.com' } });
    const ask = (email: string) => t.app.request('/manage/link', { method: 'POST', headers: form, body: `site=default&email=${encodeURIComponent(email)}` });
    const known = await ask('ann@example.com');
    const unknown = await ask('zed@example.com');
    await ask('ann@example.com'); // again at once: no second email
    expect(known.status).toBe(200);
    expect((await known.text()).replace('ann@example.com', '')).toBe((await unknown.text()).replace('zed@example.com', ''));
    // The link is queued after the answer (so its timing tells nothing either).
    let rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 50 && rows.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      rows = (await t.db.execute('SELECT topic, recipient FROM outbox')).rows;
    }
    await new Promise((r) => setTimeout(r, 100));
    rows = (await t.db.execute('SELECT topic, recipient FROM outbox')).rows;
    expect(rows.map((r) => [r.topic, r.recipient])).toEqual([['link', 'ann@example.com']]);
    expect((await ask('not an email')).status).toBe(400);
    expect((await ask('x:victim@evil.example;')).status).toBe(400);
  });

  it('asks before unsubscribing on GET, and refuses a forged link', async () => {
    const t = await testApp(mailEnv);
    const parent = await t.comment({ body: 'p', author: { email: 'ann@example.com' }, notify: true });
    await t.db.execute('UPDATE subscribers SET confirmed_at = 1');
    await t.comment({ body: 'r', parentId: parent.comment.id });
    const link = (await lastLink(t, '/unsubscribe')).replace('http://localhost', '');
    const page = await t.get(link);
    expect(await page.text()).toContain('<button type="submit">Unsubscribe</button>');
    expect((await t.db.execute('SELECT notify_replies FROM comments WHERE id = ?', [parent.comment.id])).rows[0]!.notify_replies).toBe(1);
    const [path, token] = link.split('?t=');
    const forged = `${path}?t=${Buffer.from(JSON.stringify(['default', 'bob@example.com', null])).toString('base64url')}.${token!.split('.')[1]}`;
    expect((await t.app.request(forged, { method: 'POST' })).status).toBe(400);
    expect((await t.app.request(link, { method: 'POST' })).status).toBe(200);
    expect((await t.db.execute('SELECT notify_replies FROM comments WHERE id = ?', [parent.comment.id])).rows[0]!.notify_replies).toBe(0);
  });

  it('speaks the language the browser asks for to someone not signed in', async () => {
    const t = await testApp(mailEnv);
    const page = await (await t.get('/manage?site=default', { 'Accept-Language': 'pt-BR, de;q=0.8, en;q=0.5' })).text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('Deine Kommentare verwalten');
    expect(await (await t.get('/manage?site=default')).text()).toContain('Manage your comments');
  });
});
