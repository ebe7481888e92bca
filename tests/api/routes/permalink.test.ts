import { describe, expect, it } from 'vitest';
import type { CommentContextResponse } from '../../../shared/types.ts';
import { testApp } from '../../helpers/app.ts';

describe('a linked comment in context', () => {
  it('answers the top-level comment that holds it, with the replies down to it', async () => {
    const t = await testApp();
    const top = (await t.comment({ body: 'top', pageTitle: 'Post' })).comment;
    const mid = (await t.comment({ body: 'mid', parentId: top.id })).comment;
    const deep = (await t.comment({ body: 'deep', parentId: mid.id })).comment;
    const res = await t.get(`/api/comments/${deep.id}/context`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as CommentContextResponse;
    expect(body.page).toMatchObject({ key: '/post/1', title: 'Post' });
    expect(body.comment.id).toBe(top.id);
    expect(body.comment.replies[0]!.replies[0]!.id).toBe(deep.id);
  });

  it('answers 404 for a comment that does not exist or is hidden', async () => {
    const t = await testApp();
    const { comment } = await t.comment({});
    await t.db.execute({ sql: "UPDATE comments SET status = 'spam' WHERE id = ?", args: [comment.id] });
    expect((await t.get(`/api/comments/${comment.id}/context`)).status).toBe(404);
    expect((await t.get('/api/comments/77777/context')).status).toBe(404);
  });
});
