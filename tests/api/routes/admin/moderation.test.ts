import { describe, expect, it } from 'vitest';
import type { AdminComment, ThreadResponse } from '../../../../shared/types.ts';
import { signIn } from '../../../helpers/admin.ts';
import { testApp, type TestApp } from '../../../helpers/app.ts';
import { tableCounts } from '../../../helpers/db.ts';

const setModeration = (t: TestApp, moderation: string) =>
  t.db.execute({ sql: "UPDATE sites SET settings = json_set(settings, '$.moderation', ?) WHERE slug = 'default'", args: [moderation] });

const thread = async (t: TestApp, page = '/post/1') => (await (await t.get(`/api/comments?page=${page}`)).json()) as ThreadResponse;

describe('holding comments for moderation', () => {
  it('holds every comment when the site says all: readers do not see it, counts exclude it', async () => {
    const t = await testApp();
    await setModeration(t, 'all');
    const { comment } = await t.comment({ body: 'Hold me', author: { name: 'Guest', email: 'guest@example.com' } });
    expect(comment.status).toBe('pending');
    const seen = await thread(t);
    expect(seen.comments).toEqual([]);
    expect(seen.page.commentCount).toBe(0);
    expect(await (await t.get('/api/counts?page=/post/1')).json()).toEqual({ counts: { '/post/1': 0 } });
  });

  it('shows a held comment to its writer alone, through the edit token', async () => {
    const t = await testApp();
    await setModeration(t, 'all');
    const { comment, editToken } = await t.comment({ body: 'Mine' });
    const mine = await t.post('/api/comments/mine', { comments: [{ id: comment.id, token: editToken }] });
    expect((await mine.json()).comments.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[comment.id, 'pending']]);
    const stranger = await t.post('/api/comments/mine', { comments: [{ id: comment.id, token: 'x'.repeat(43) }] });
    expect((await stranger.json()).comments).toEqual([]);
  });

  it('holds first-time writers only, when the site says first', async () => {
    const t = await testApp();
    await setModeration(t, 'first');
    const mod = await signIn(t);
    const first = await t.comment({ body: 'Hello', author: { email: 'new@example.com' } });
    expect(first.comment.status).toBe('pending');
    await mod.request('POST', `/api/admin/comments/${first.comment.id}/approve`);
    const second = await t.comment({ body: 'Again', author: { email: 'NEW@example.com' } });
    expect(second.comment.status).toBe('approved');
    expect((await t.comment({ body: 'Stranger', author: { email: 'other@example.com' } })).comment.status).toBe('pending');
  });

  it('holds comments with links when the site says links', async () => {
    const t = await testApp();
    await setModeration(t, 'links');
    expect((await t.comment({ body: 'no links here' })).comment.status).toBe('approved');
    expect((await t.comment({ body: 'buy at https://spam.example' })).comment.status).toBe('pending');
  });
});

describe('moderator actions', () => {
  it('approves a held comment: readers see it and the counts include it; the audit log says who', async () => {
    const t = await testApp();
    await setModeration(t, 'all');
    const mod = await signIn(t);
    const { comment } = await t.comment({ body: 'Please approve', author: { name: 'Guest', email: 'guest@example.com' } });
    const queue = await (await mod.request('GET', '/api/admin/comments?status=pending')).json();
    const listed = queue.comments[0] as AdminComment;
    expect(listed).toMatchObject({ id: comment.id, status: 'pending', email: 'guest@example.com', site: 'default', heldReason: expect.stringContaining('every comment') });
    expect(listed.page.key).toBe('/post/1');
    expect(listed.ipHash).toBeNull();
    const res = await mod.request('POST', `/api/admin/comments/${comment.id}/approve`);
    expect(res.status).toBe(200);
    expect((await res.json()).comment.status).toBe('approved');
    const seen = await thread(t);
    expect(seen.comments.map((c) => c.id)).toEqual([comment.id]);
    expect(seen.page.commentCount).toBe(1);
    const audit = await (await mod.request('GET', '/api/admin/audit')).json();
    expect(audit.entries[0]).toMatchObject({ admin: 'mod@example.com', action: 'approve', target: `comment ${comment.id}` });
  });

  it('marks spam, deletes and restores, keeping counts and reply counts right', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    const parent = (await t.comment({ body: 'parent' })).comment;
    const child = (await t.comment({ body: 'child', parentId: parent.id })).comment;
    await mod.request('POST', `/api/admin/comments/${child.id}/spam`);
    let seen = await thread(t);
    expect(seen.page.commentCount).toBe(1);
    expect(seen.comments[0]!.replyCount).toBe(0);
    await mod.request('POST', `/api/admin/comments/${child.id}/approve`);
    await mod.request('POST', `/api/admin/comments/${parent.id}/delete`);
    seen = await thread(t);
    expect(seen.comments[0]).toMatchObject({ status: 'deleted', html: '' });
    expect(seen.comments[0]!.replies.map((r) => r.id)).toEqual([child.id]);
    expect(seen.page.commentCount).toBe(1);
    await mod.request('POST', `/api/admin/comments/${parent.id}/restore`);
    seen = await thread(t);
    expect(seen.comments[0]).toMatchObject({ status: 'approved', html: '<p>parent</p>', replyCount: 1 });
    expect(seen.page.commentCount).toBe(2);
  });

  it('pins a comment to the top and unpins it', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    await t.comment({ body: 'first' });
    const late = (await t.comment({ body: 'late' })).comment;
    await mod.request('POST', `/api/admin/comments/${late.id}/pin`);
    expect((await thread(t)).comments.map((c) => c.html)).toEqual(['<p>late</p>', '<p>first</p>']);
    await mod.request('POST', `/api/admin/comments/${late.id}/unpin`);
    expect((await thread(t)).comments.map((c) => c.html)).toEqual(['<p>first</p>', '<p>late</p>']);
  });

  it('edits with a note that a moderator did', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    const { comment } = await t.comment({ body: 'rude words' });
    const res = await mod.request('PATCH', `/api/admin/comments/${comment.id}`, { body: '[removed by a moderator]' });
    expect((await res.json()).comment).toMatchObject({ moderatorEdited: true, source: '[removed by a moderator]' });
    const [shown] = (await thread(t)).comments;
    expect(shown!.html).toBe('<p>[removed by a moderator]</p>');
    expect(shown!.editedAt).not.toBeNull();
  });

  it('acts on a selection at once', async () => {
    const t = await testApp();
    await setModeration(t, 'all');
    const mod = await signIn(t);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await t.comment({ body: `held ${i}` })).comment.id);
    const res = await mod.request('POST', '/api/admin/comments/bulk', { ids, action: 'approve' });
    expect((await res.json()).comments.map((c: AdminComment) => c.status)).toEqual(['approved', 'approved', 'approved']);
    expect((await thread(t)).page.commentCount).toBe(3);
  });

  it('filters the queue by status, site, page and text, newest first, in pages', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    await t.db.execute("INSERT INTO sites (slug, name, created_at) VALUES ('blog', 'Blog', 0)");
    await t.comment({ body: 'apple pie', author: { name: 'Ann' } });
    await t.comment({ body: 'banana bread', page: '/other' });
    await t.comment({ body: 'cherry tart', site: 'blog' });
    const get = async (q: string) => ((await (await mod.request('GET', `/api/admin/comments?${q}`)).json()).comments as AdminComment[]).map((c) => c.source);
    expect(await get('')).toEqual(['cherry tart', 'banana bread', 'apple pie']);
    expect(await get('site=blog')).toEqual(['cherry tart']);
    expect(await get('page=/other')).toEqual(['banana bread']);
    expect(await get('q=ann')).toEqual(['apple pie']);
    expect(await get('q=100%25')).toEqual([]);
    const first = await (await mod.request('GET', '/api/admin/comments?limit=2')).json();
    const rest = await (await mod.request('GET', `/api/admin/comments?limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.comments, ...rest.comments].map((c: AdminComment) => c.source)).toEqual(['cherry tart', 'banana bread', 'apple pie']);
  });

  it('refuses to restore what its writer deleted', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    const { comment, editToken } = await t.comment({ body: 'gone' });
    await t.app.request(`/api/comments/${comment.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${editToken}` } });
    expect((await mod.request('POST', `/api/admin/comments/${comment.id}/restore`)).status).toBe(409);
  });
});

describe('bans', () => {
  for (const [kind, value, author] of [
    ['email', 'Spammer@Example.com', { email: 'spammer@example.com' }],
    ['name', 'Troll', { name: 'troll' }],
  ] as const) {
    it(`refuses a writer banned by ${kind} with 403 and stores nothing`, async () => {
      const t = await testApp();
      const mod = await signIn(t);
      expect((await mod.request('POST', '/api/admin/bans', { kind, value })).status).toBe(201);
      const before = await tableCounts(t.db);
      const res = await t.post('/api/comments', { page: '/p', body: 'again', author });
      expect(res.status).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: 'banned', message: expect.stringContaining('cannot comment') });
      expect(await tableCounts(t.db)).toEqual(before);
    });
  }

  it('bans by IP hash, lifts bans, and lets temporary bans end', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    const ban = (await (await mod.request('POST', '/api/admin/bans', { kind: 'email', value: 'x@example.com', until: new Date(Date.now() + 3600_000).toISOString() })).json()).ban;
    expect((await t.post('/api/comments', { page: '/p', body: 'x', author: { email: 'x@example.com' } })).status).toBe(403);
    await t.db.execute('UPDATE bans SET until = 1');
    expect((await t.post('/api/comments', { page: '/p', body: 'x', author: { email: 'x@example.com' } })).status).toBe(201);
    expect((await (await mod.request('GET', '/api/admin/bans')).json()).bans).toEqual([]);
    const forGood = (await (await mod.request('POST', '/api/admin/bans', { kind: 'name', value: 'Bob' })).json()).ban;
    expect(forGood.until).toBeNull();
    expect((await mod.request('DELETE', `/api/admin/bans/${forGood.id}`)).status).toBe(204);
    expect((await t.post('/api/comments', { page: '/p', body: 'x', author: { name: 'Bob' } })).status).toBe(201);
    expect(ban.kind).toBe('email');
    expect((await mod.request('POST', '/api/admin/bans', { kind: 'email', value: 'x@example.com', until: '2001-01-01T00:00:00Z' })).status).toBe(400);
  });
});

describe('pages', () => {
  it('locks a thread: posts are refused with 403 and the thread says locked', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    await t.comment({ page: '/closing' });
    const res = await mod.request('PATCH', '/api/admin/pages', { page: '/closing', locked: true });
    expect((await res.json()).page).toMatchObject({ key: '/closing', locked: true, commentCount: 1 });
    expect((await t.post('/api/comments', { page: '/closing', body: 'late' })).status).toBe(403);
    expect((await thread(t, '/closing')).page.locked).toBe(true);
    const listed = await (await mod.request('GET', '/api/admin/pages')).json();
    expect(listed.pages[0]).toMatchObject({ key: '/closing', locked: true, pendingCount: 0 });
  });

  it('closes threads older than the site says', async () => {
    const t = await testApp();
    await t.db.execute(`UPDATE sites SET settings = '{"closeAfterDays": 30}' WHERE slug = 'default'`);
    await t.comment({ page: '/old' });
    await t.db.execute({ sql: "UPDATE pages SET created_at = ? WHERE key = '/old'", args: [Date.now() - 31 * 24 * 3600_000] });
    expect((await thread(t, '/old')).page.locked).toBe(true);
    expect((await t.post('/api/comments', { page: '/old', body: 'late' })).status).toBe(403);
    expect((await t.post('/api/comments', { page: '/new', body: 'fresh' })).status).toBe(201);
  });
});

describe('sites', () => {
  it('adds a site whose origins get CORS answers and may post; other origins are refused', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    const res = await mod.request('POST', '/api/admin/sites', { slug: 'blog', name: 'Blog', origins: ['https://blog.example.com/'] });
    expect((await res.json()).site).toMatchObject({ slug: 'blog', origins: ['https://blog.example.com'], settings: { moderation: 'none' } });
    const ok = await t.post('/api/comments', { site: 'blog', page: '/p', body: 'hi' }, { Origin: 'https://blog.example.com' });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://blog.example.com');
    const before = await tableCounts(t.db);
    const other = await t.post('/api/comments', { page: '/p', body: 'hi' }, { Origin: 'https://blog.example.com' });
    expect(other.status).toBe(403);
    expect(await tableCounts(t.db)).toEqual(before);
    const changed = await mod.request('PATCH', '/api/admin/sites/blog', { settings: { moderation: 'all', editWindowSeconds: 60 } });
    expect((await changed.json()).site.settings).toMatchObject({ moderation: 'all', editWindowSeconds: 60, maxDepth: 6 });
    expect((await mod.request('POST', '/api/admin/sites', { slug: 'blog' })).status).toBe(409);
    expect((await mod.request('PATCH', '/api/admin/sites/blog', { settings: { moderation: 'sometimes' } })).status).toBe(400);
  });
});

describe('moderators writing comments', () => {
  it('get the moderator badge and skip moderation', async () => {
    const t = await testApp();
    await setModeration(t, 'all');
    const mod = await signIn(t);
    const res = await mod.request('POST', '/api/comments', { page: '/post/1', body: 'Official answer' });
    const { comment } = await res.json();
    expect(comment).toMatchObject({ status: 'approved', author: { name: 'Mod', badge: 'moderator' } });
  });
});

describe('review follow-ups', () => {
  it('bans by the IP hash the queue shows', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    const post = (body: string) => t.from('203.0.113.50', '/api/comments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/p', body }) });
    expect((await post('first')).status).toBe(201);
    const queue = await (await mod.request('GET', '/api/admin/comments')).json();
    const ipHash = queue.comments[0].ipHash as string;
    expect(ipHash).toHaveLength(12);
    expect((await mod.request('POST', '/api/admin/bans', { kind: 'ip', value: ipHash })).status).toBe(201);
    expect((await post('second')).status).toBe(403);
    expect((await t.from('198.51.100.50', '/api/comments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/p', body: 'other' }) })).status).toBe(201);
  });

  it('counts only what readers can reach: replies under a comment marked spam leave the count', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    const parent = (await t.comment({ body: 'parent' })).comment;
    await t.comment({ body: 'child', parentId: parent.id });
    await mod.request('POST', `/api/admin/comments/${parent.id}/spam`);
    expect((await (await t.get('/api/comments?page=/post/1')).json()).page.commentCount).toBe(0);
    expect(await (await t.get('/api/counts?page=/post/1')).json()).toEqual({ counts: { '/post/1': 0 } });
    await mod.request('POST', `/api/admin/comments/${parent.id}/approve`);
    expect((await (await t.get('/api/comments?page=/post/1')).json()).page.commentCount).toBe(2);
  });

  it('tells readers when a moderator edited a comment', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    const { comment } = await t.comment({ body: 'rude' });
    await mod.request('PATCH', `/api/admin/comments/${comment.id}`, { body: 'polite' });
    const [shown] = (await (await t.get('/api/comments?page=/post/1')).json()).comments;
    expect(shown).toMatchObject({ html: '<p>polite</p>', editedByModerator: true });
  });

  it('refuses the writer-only /mine route to other origins', async () => {
    const t = await testApp();
    const { comment, editToken } = await t.comment({});
    const res = await t.post('/api/comments/mine', { comments: [{ id: comment.id, token: editToken }] }, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});
