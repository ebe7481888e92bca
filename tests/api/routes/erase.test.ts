import { describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../../shared/types.ts';
import { testApp } from '../../helpers/app.ts';

describe("a writer's right to erase", () => {
  it('erases every comment a browser proves it wrote, at any age; replies keep their place', async () => {
    const t = await testApp();
    const mine = await t.comment({ body: 'mine', author: { name: 'Me', email: 'me@example.com' } });
    const other = await t.comment({ body: 'not mine' });
    await t.comment({ body: 'reply to mine', parentId: mine.comment.id });
    const old = await t.comment({ page: '/old', body: 'old one' });
    await t.db.execute({ sql: 'UPDATE comments SET created_at = 0 WHERE id = ?', args: [old.comment.id] });
    const res = await t.post('/api/comments/erase', {
      comments: [
        { id: mine.comment.id, token: mine.editToken },
        { id: old.comment.id, token: old.editToken },
        { id: other.comment.id, token: mine.editToken },
      ],
    });
    expect(await res.json()).toEqual({ erased: 2 });
    const thread = (await (await t.get('/api/comments?page=/post/1')).json()) as ThreadResponse;
    expect(thread.comments.map((c) => [c.html, c.status])).toEqual([['', 'deleted'], ['<p>not mine</p>', 'approved']]);
    expect(thread.comments[0]!.replies.map((r) => r.html)).toEqual(['<p>reply to mine</p>']);
    expect(thread.page.commentCount).toBe(2);
    const { rows } = await t.db.execute({ sql: 'SELECT body_source, author_name, author_email, ip_hash FROM comments WHERE id = ?', args: [mine.comment.id] });
    expect(rows[0]).toMatchObject({ body_source: '', author_name: '', author_email: null, ip_hash: null });
  });

  it('leaves no address hash behind, even for a comment its writer deleted before', async () => {
    const t = await testApp();
    const res = await t.from('203.0.113.9', '/api/comments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/p', body: 'x' }) });
    const { comment, editToken } = await res.json();
    await t.app.request(`/api/comments/${comment.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${editToken}` } });
    const { rows } = await t.db.execute({ sql: 'SELECT ip_hash, avatar FROM comments WHERE id = ?', args: [comment.id] });
    expect(rows[0]).toMatchObject({ ip_hash: null, avatar: '' });
  });
});
