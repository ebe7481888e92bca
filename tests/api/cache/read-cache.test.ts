import { gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../api/app.ts';
import { openDb, type Db } from '../../../api/db/client.ts';
import { importFile } from '../../../api/import/run.ts';
import type { CountsResponse, ThreadResponse } from '../../../shared/types.ts';
import { signIn, type Moderator } from '../../helpers/admin.ts';
import { testApp, type TestApp } from '../../helpers/app.ts';

/**
 * Two app instances on one database file, each with its own client and its own cache: as two server processes.
 * `t` writes (its app, its client, or the import functions); `other` reads, and must see every write at once.
 */
interface TwoProcesses {
  t: TestApp;
  mod: Moderator;
  other: Hono;
  thread(page: string, query?: string): Promise<ThreadResponse>;
  counts(...pages: string[]): Promise<CountsResponse['counts']>;
}

const clients: Db[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const db of clients.splice(0)) db.close();
});

async function twoProcesses(): Promise<TwoProcesses> {
  const t = await testApp();
  const db = await openDb({ url: t.url });
  clients.push(db);
  const other = createApp({ db, config: t.config, secret: 'test-secret', assetsDir: '/nonexistent' });
  const get = async (path: string) => {
    const res = await other.request(path);
    expect(res.status, path).toBe(200);
    return res.json();
  };
  return {
    t,
    mod: await signIn(t),
    other,
    thread: (page, query = '') => get(`/api/comments?page=${encodeURIComponent(page)}${query}`) as Promise<ThreadResponse>,
    counts: async (...pages) => ((await get(`/api/counts?${pages.map((p) => `page=${encodeURIComponent(p)}`).join('&')}`)) as CountsResponse).counts,
  };
}

const htmlOf = (thread: ThreadResponse) => thread.comments.map((c) => c.html);

describe('the read cache', () => {
  it('answers a repeated read from memory, and reads again once the page version changes', async () => {
    const p = await twoProcesses();
    const { comment } = await p.t.comment({ body: 'as written' });
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>as written</p>']);
    // Behind the triggers' back, the stored text changes: the other process still answers what it read.
    await p.t.db.execute('DROP TRIGGER comments_version_changed');
    await p.t.db.execute({ sql: "UPDATE comments SET body_html = '<p>changed quietly</p>' WHERE id = ?", args: [comment.id] });
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>as written</p>']);
    await p.t.db.execute("UPDATE pages SET version = version + 1 WHERE key = '/post/1'");
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>changed quietly</p>']);
  });

  it('hands out a fresh form token with a cached thread, left out of the ETag', async () => {
    const p = await twoProcesses();
    await p.t.comment({});
    const first = await p.other.request('/api/comments?page=/post/1');
    const issuedOf = async (res: Response) => parseInt(((await res.clone().json()) as ThreadResponse).formToken.split('.')[0]!, 36);
    // Tokens are made to the second (every reader of that second gets the same one).
    await new Promise((resolve) => setTimeout(resolve, 1010));
    const again = await p.other.request('/api/comments?page=/post/1');
    const issued = await issuedOf(again);
    expect(issued).toBeGreaterThan(await issuedOf(first));
    expect(issued).toBeLessThanOrEqual(Date.now());
    expect(issued % 1000).toBe(0);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect((await p.other.request('/api/comments?page=/post/1', { headers: { 'If-None-Match': first.headers.get('etag')! } })).status).toBe(304);
  });

  it('sends the same answer gzipped, the fresh form token included', async () => {
    const p = await twoProcesses();
    for (let i = 0; i < 20; i++) await p.t.comment({ body: `comment ${i} ${'with some words '.repeat(10)}` });
    const plain = (await (await p.other.request('/api/comments?page=/post/1')).json()) as ThreadResponse;
    const res = await p.other.request('/api/comments?page=/post/1', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
    const unzipped = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()) as ThreadResponse;
    expect(unzipped).toEqual({ ...plain, formToken: expect.stringMatching(/^[0-9a-z]+\.[\w-]+$/) });
  });

  it('shows a new comment and a reply posted through another process at once, in the thread and the counts', async () => {
    const p = await twoProcesses();
    const first = await p.t.comment({ body: 'first' });
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>first</p>']);
    expect(await p.counts('/post/1', '/post/2')).toEqual({ '/post/1': 1, '/post/2': 0 });
    await p.t.comment({ body: 'second' });
    await p.t.comment({ body: 'a reply', parentId: first.comment.id });
    await p.t.comment({ page: '/post/2', body: 'elsewhere' });
    const thread = await p.thread('/post/1');
    expect(htmlOf(thread)).toEqual(['<p>first</p>', '<p>second</p>']);
    expect(thread.comments[0]!.replies.map((r) => r.html)).toEqual(['<p>a reply</p>']);
    expect(thread.page.commentCount).toBe(3);
    expect(await p.counts('/post/1', '/post/2')).toEqual({ '/post/1': 3, '/post/2': 1 });
  });

  it('changes the ETag when another process writes, so a browser revalidating gets the new thread', async () => {
    const p = await twoProcesses();
    await p.t.comment({ body: 'first' });
    const etag = (await p.other.request('/api/comments?page=/post/1')).headers.get('etag')!;
    await p.t.comment({ body: 'second' });
    const res = await p.other.request('/api/comments?page=/post/1', { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(200);
    expect(htmlOf((await res.json()) as ThreadResponse)).toEqual(['<p>first</p>', '<p>second</p>']);
  });

  it('sees a writer\'s edit, delete and erase', async () => {
    const p = await twoProcesses();
    const a = await p.t.comment({ body: 'a' });
    const b = await p.t.comment({ body: 'b' });
    const c = await p.t.comment({ body: 'c' });
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>a</p>', '<p>b</p>', '<p>c</p>']);
    const auth = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
    await p.t.app.request(`/api/comments/${a.comment.id}`, { method: 'PATCH', headers: auth(a.editToken), body: JSON.stringify({ body: 'a, edited' }) });
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>a, edited</p>', '<p>b</p>', '<p>c</p>']);
    await p.t.app.request(`/api/comments/${b.comment.id}`, { method: 'DELETE', headers: auth(b.editToken) });
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>a, edited</p>', '<p>c</p>']);
    expect(await p.counts('/post/1')).toEqual({ '/post/1': 2 });
    await p.t.post('/api/comments/erase', { comments: [{ id: c.comment.id, token: c.editToken }] });
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>a, edited</p>']);
    expect(await p.counts('/post/1')).toEqual({ '/post/1': 1 });
  });

  it('sees votes, in the scores and in the best order', async () => {
    const p = await twoProcesses();
    await p.t.comment({ body: 'a' });
    const b = await p.t.comment({ body: 'b' });
    expect(htmlOf(await p.thread('/post/1', '&sort=best'))).toEqual(['<p>a</p>', '<p>b</p>']);
    for (const voter of ['voter-1111111', 'voter-2222222', 'voter-3333333']) {
      await p.t.from(`192.0.2.${voter.at(-1)}`, `/api/comments/${b.comment.id}/vote`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ value: 1, voter }) });
    }
    const best = await p.thread('/post/1', '&sort=best');
    expect(htmlOf(best)).toEqual(['<p>b</p>', '<p>a</p>']);
    expect(best.comments[0]).toMatchObject({ score: 3, upvotes: 3 });
  });

  it('sees every moderator action: approve, spam, delete, restore, pin, unpin, edit, bulk', async () => {
    const p = await twoProcesses();
    await p.mod.request('PATCH', '/api/admin/sites/default', { settings: { moderation: 'all' } });
    const held = await p.t.comment({ body: 'held' });
    const other = await p.t.comment({ body: 'other' });
    expect(htmlOf(await p.thread('/post/1'))).toEqual([]);
    expect(await p.counts('/post/1')).toEqual({ '/post/1': 0 });
    await p.mod.request('POST', `/api/admin/comments/${held.comment.id}/approve`);
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>held</p>']);
    expect(await p.counts('/post/1')).toEqual({ '/post/1': 1 });
    await p.mod.request('POST', '/api/admin/comments/bulk', { ids: [other.comment.id], action: 'approve' });
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>held</p>', '<p>other</p>']);
    await p.mod.request('POST', `/api/admin/comments/${other.comment.id}/pin`);
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>other</p>', '<p>held</p>']);
    await p.mod.request('POST', `/api/admin/comments/${other.comment.id}/unpin`);
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>held</p>', '<p>other</p>']);
    await p.mod.request('PATCH', `/api/admin/comments/${held.comment.id}`, { body: 'held, trimmed by a moderator' });
    expect((await p.thread('/post/1')).comments[0]).toMatchObject({ html: '<p>held, trimmed by a moderator</p>', editedByModerator: true });
    await p.mod.request('POST', `/api/admin/comments/${held.comment.id}/spam`);
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>other</p>']);
    await p.mod.request('POST', `/api/admin/comments/${held.comment.id}/approve`);
    await p.mod.request('POST', `/api/admin/comments/${other.comment.id}/delete`);
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>held, trimmed by a moderator</p>']);
    expect(await p.counts('/post/1')).toEqual({ '/post/1': 1 });
    await p.mod.request('POST', `/api/admin/comments/${other.comment.id}/restore`);
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>held, trimmed by a moderator</p>', '<p>other</p>']);
    expect(await p.counts('/post/1')).toEqual({ '/post/1': 2 });
  });

  it('sees a lock, and the site settings the thread shows: depth, default order, closing with age', async () => {
    const p = await twoProcesses();
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    await p.t.comment({ body: 'a' });
    await p.t.comment({ body: 'b' });
    expect((await p.thread('/post/1')).page).toMatchObject({ locked: false, maxDepth: 6 });
    await p.mod.request('PATCH', '/api/admin/pages', { page: '/post/1', locked: true });
    expect((await p.thread('/post/1')).page.locked).toBe(true);
    await p.mod.request('PATCH', '/api/admin/pages', { page: '/post/1', locked: false });
    expect((await p.thread('/post/1')).page.locked).toBe(false);
    await p.mod.request('PATCH', '/api/admin/sites/default', { settings: { maxDepth: 3, defaultSort: 'newest' } });
    const thread = await p.thread('/post/1');
    expect(thread.page.maxDepth).toBe(3);
    expect(thread.sort).toBe('newest');
    expect(htmlOf(thread)).toEqual(['<p>b</p>', '<p>a</p>']);
    vi.setSystemTime(start + 3 * 24 * 3600 * 1000);
    expect((await p.thread('/post/1')).page.locked).toBe(false);
    expect((await p.mod.request('PATCH', '/api/admin/sites/default', { settings: { closeAfterDays: 2 } })).status).toBe(200);
    expect((await p.thread('/post/1')).page.locked).toBe(true);
  });

  it('closes a cached thread when it grows older than the site\'s closeAfterDays, with no write at all', async () => {
    const p = await twoProcesses();
    await p.mod.request('PATCH', '/api/admin/sites/default', { settings: { closeAfterDays: 2 } });
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    await p.t.comment({ body: 'a' });
    expect((await p.thread('/post/1')).page.locked).toBe(false);
    vi.setSystemTime(start + 2 * 24 * 3600 * 1000 - 60_000);
    expect((await p.thread('/post/1')).page.locked).toBe(false);
    vi.setSystemTime(start + 2 * 24 * 3600 * 1000 + 60_000);
    expect((await p.thread('/post/1')).page.locked).toBe(true);
    // Closed for good now, the thread is kept in memory again: a quiet change (no trigger) does not show.
    await p.t.db.execute('DROP TRIGGER comments_version_changed');
    await p.t.db.execute("UPDATE comments SET body_html = '<p>changed quietly</p>'");
    expect(htmlOf(await p.thread('/post/1'))).toEqual(['<p>a</p>']);
  });

  it('follows a thread that moves: the new key, the old key as an alias, their counts', async () => {
    const p = await twoProcesses();
    await p.t.comment({ page: '/old', body: 'moving' });
    expect((await p.thread('/old')).page.key).toBe('/old');
    expect(await p.counts('/old', '/new')).toEqual({ '/old': 1, '/new': 0 });
    await p.mod.request('POST', '/api/admin/pages/move', { from: '/old', to: '/new' });
    for (const key of ['/old', '/new']) {
      const thread = await p.thread(key);
      expect(thread.page.key).toBe('/new');
      expect(htmlOf(thread)).toEqual(['<p>moving</p>']);
    }
    expect(await p.counts('/old', '/new')).toEqual({ '/old': 1, '/new': 1 });
  });

  it('follows a merge, and never takes a new page that reuses a merged page\'s id for the old one', async () => {
    const p = await twoProcesses();
    await p.t.comment({ page: '/keep', body: 'kept' });
    await p.t.comment({ page: '/merged', body: 'merged in' });
    expect(htmlOf(await p.thread('/merged'))).toEqual(['<p>merged in</p>']);
    const mergedId = Number((await p.t.db.execute("SELECT id FROM pages WHERE key = '/merged'")).rows[0]!.id);
    await p.mod.request('POST', '/api/admin/pages/move', { from: '/merged', to: '/keep' });
    expect(htmlOf(await p.thread('/keep'))).toEqual(['<p>kept</p>', '<p>merged in</p>']);
    expect((await p.thread('/merged')).page.key).toBe('/keep');
    // The merged page's id was the highest, so SQLite gives it to the next page.
    await p.t.comment({ page: '/fresh', body: 'fresh' });
    expect(Number((await p.t.db.execute("SELECT id FROM pages WHERE key = '/fresh'")).rows[0]!.id)).toBe(mergedId);
    expect(htmlOf(await p.thread('/fresh'))).toEqual(['<p>fresh</p>']);
  });

  it('sees a Disqus import into threads it has already served', async () => {
    const p = await twoProcesses();
    await p.t.comment({ page: '/2015/hello-world/', body: 'already here' });
    expect(htmlOf(await p.thread('/2015/hello-world/'))).toEqual(['<p>already here</p>']);
    expect(await p.counts('/2015/hello-world/', '/2016/closed-post')).toEqual({ '/2015/hello-world/': 1, '/2016/closed-post': 0 });
    await importFile(p.t.db, 'test-secret', 'disqus', new URL('../../fixtures/disqus.xml', import.meta.url).pathname, 'default');
    const thread = await p.thread('/2015/hello-world/');
    expect(thread.comments.length).toBe(4);
    expect(thread.page.commentCount).toBe(5);
    expect(await p.counts('/2015/hello-world/', '/2016/closed-post')).toEqual({ '/2015/hello-world/': 5, '/2016/closed-post': 1 });
  });

  it('sees a backup restored through another process', async () => {
    const source = await twoProcesses();
    await source.t.comment({ page: '/restored', body: 'from the backup' });
    const backup = await (await source.mod.request('GET', '/api/admin/export')).json();
    const p = await twoProcesses();
    expect(htmlOf(await p.thread('/restored'))).toEqual([]);
    expect(await p.counts('/restored')).toEqual({ '/restored': 0 });
    expect((await p.mod.request('POST', '/api/admin/import', backup)).status).toBe(200);
    expect(htmlOf(await p.thread('/restored'))).toEqual(['<p>from the backup</p>']);
    expect(await p.counts('/restored')).toEqual({ '/restored': 1 });
  });

  it('keeps pages of a thread apart by cursor and limit, and refreshes each', async () => {
    const p = await twoProcesses();
    for (const body of ['a', 'b', 'c']) await p.t.comment({ body });
    const first = await p.thread('/post/1', '&limit=2');
    expect(htmlOf(first)).toEqual(['<p>a</p>', '<p>b</p>']);
    const cursor = `&limit=2&cursor=${first.nextCursor}`;
    expect(htmlOf(await p.thread('/post/1', cursor))).toEqual(['<p>c</p>']);
    await p.t.comment({ body: 'd' });
    expect(htmlOf(await p.thread('/post/1', cursor))).toEqual(['<p>c</p>', '<p>d</p>']);
    expect(htmlOf(await p.thread('/post/1', '&limit=3'))).toEqual(['<p>a</p>', '<p>b</p>', '<p>c</p>']);
  });

  it('answers with the site\'s settings and origin check even when the thread is in memory', async () => {
    const p = await twoProcesses();
    await p.t.comment({ body: 'a' });
    await p.thread('/post/1');
    const foreign = await p.other.request('/api/comments?page=/post/1', { headers: { Origin: 'https://elsewhere.example' } });
    expect(foreign.status).toBe(403);
    await p.mod.request('PATCH', '/api/admin/sites/default', { origins: ['https://elsewhere.example'] });
    const allowed = await p.other.request('/api/comments?page=/post/1', { headers: { Origin: 'https://elsewhere.example' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://elsewhere.example');
    expect(allowed.headers.get('vary')).toBe('Accept-Encoding, Origin');
    expect((await p.other.request('/api/comments?page=/post/1&site=nope')).status).toBe(404);
  });
});
