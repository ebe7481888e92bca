import { describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../../../shared/types.ts';
import { signIn } from '../../../helpers/admin.ts';
import { testApp, type TestApp } from '../../../helpers/app.ts';

const thread = async (t: TestApp, page: string) => (await (await t.get(`/api/comments?page=${encodeURIComponent(page)}`)).json()) as ThreadResponse;

describe('threads that move with their articles', () => {
  it('moves a thread to a new key; the old key still answers with the same thread and takes new comments', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    await t.comment({ page: '/2019/old', pageTitle: 'Old post', body: 'before the move' });
    const res = await mod.request('POST', '/api/admin/pages/move', { from: '/2019/old', to: '/posts/new' });
    expect(await res.json()).toEqual({ merged: false });
    const moved = await thread(t, '/posts/new');
    expect(moved.page).toMatchObject({ key: '/posts/new', title: 'Old post', commentCount: 1 });
    const viaAlias = await thread(t, '/2019/old');
    expect(viaAlias.page.key).toBe('/posts/new');
    expect(viaAlias.comments.map((c) => c.html)).toEqual(['<p>before the move</p>']);
    await t.comment({ page: '/2019/old', body: 'posted to the old key' });
    expect((await thread(t, '/posts/new')).comments.map((c) => c.html)).toEqual(['<p>before the move</p>', '<p>posted to the old key</p>']);
    expect(await (await t.get('/api/counts?page=/2019/old&page=/posts/new')).json()).toEqual({ counts: { '/2019/old': 2, '/posts/new': 2 } });
    const audit = await (await mod.request('GET', '/api/admin/audit')).json();
    expect(audit.entries[0]).toMatchObject({ action: 'move', target: 'page default:/2019/old', detail: 'to /posts/new' });
  });

  it('merges two threads, keeping both histories in time order', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    await t.comment({ page: '/a', body: 'a1' });
    await t.comment({ page: '/b', body: 'b1' });
    const a2 = await t.comment({ page: '/a', body: 'a2' });
    await t.comment({ page: '/a', body: 'reply to a2', parentId: a2.comment.id });
    expect(await (await mod.request('POST', '/api/admin/pages/move', { from: '/a', to: '/b' })).json()).toEqual({ merged: true });
    const merged = await thread(t, '/b');
    expect(merged.comments.map((c) => c.html)).toEqual(['<p>a1</p>', '<p>b1</p>', '<p>a2</p>']);
    expect(merged.comments[2]!.replies.map((r) => r.html)).toEqual(['<p>reply to a2</p>']);
    expect(merged.page.commentCount).toBe(4);
    expect((await thread(t, '/a')).page.key).toBe('/b');
  });

  it('refuses to move a thread that does not exist, or onto itself', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    await t.comment({ page: '/a' });
    expect((await mod.request('POST', '/api/admin/pages/move', { from: '/nope', to: '/b' })).status).toBe(404);
    expect((await mod.request('POST', '/api/admin/pages/move', { from: '/a', to: '/a' })).status).toBe(400);
  });
});
