import { describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../../shared/types.ts';
import { tableCounts } from '../../helpers/db.ts';
import { testApp, type TestApp } from '../../helpers/app.ts';

const send = (t: TestApp, method: 'PATCH' | 'DELETE', id: string, token: string | null, body?: unknown) =>
  t.app.request(`/api/comments/${id}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const threadOf = async (t: TestApp) => (await (await t.get('/api/comments?page=/post/1')).json()) as ThreadResponse;

const snapshot = async (t: TestApp) => (await t.db.execute('SELECT * FROM comments ORDER BY id')).rows.map((r) => ({ ...r }));

describe('editing your own comment', () => {
  it('changes the text within the window, re-rendered and marked edited', async () => {
    const t = await testApp();
    const { comment, editToken } = await t.comment({ body: 'tpyo' });
    const res = await send(t, 'PATCH', comment.id, editToken, { body: 'typo *fixed*' });
    expect(res.status).toBe(200);
    const { comment: edited } = await res.json();
    expect(edited).toMatchObject({ id: comment.id, html: '<p>typo <em>fixed</em></p>' });
    expect(Date.parse(edited.editedAt)).toBeGreaterThanOrEqual(Date.parse(comment.createdAt));
    const [shown] = (await threadOf(t)).comments;
    expect(shown).toMatchObject({ html: '<p>typo <em>fixed</em></p>', editedAt: edited.editedAt });
  });

  const refusals: [string, (token: string) => string | null, number, string][] = [
    ['without a token', () => null, 401, 'unauthorized'],
    ['with a wrong token', () => 'x'.repeat(43), 401, 'unauthorized'],
    ['with a malformed token', (token) => `${token} extra`, 401, 'unauthorized'],
  ];
  for (const [what, tokenFor, status, code] of refusals) {
    it(`refuses ${what} and changes nothing`, async () => {
      const t = await testApp();
      const { comment, editToken } = await t.comment({ body: 'original' });
      const before = await snapshot(t);
      for (const method of ['PATCH', 'DELETE'] as const) {
        const res = await send(t, method, comment.id, tokenFor(editToken), method === 'PATCH' ? { body: 'changed' } : undefined);
        expect(res.status, method).toBe(status);
        expect((await res.json()).error.code).toBe(code);
      }
      expect(await snapshot(t)).toEqual(before);
    });
  }

  it('checks the token before the text: a wrong token with a bad body is still 401', async () => {
    const t = await testApp();
    const { comment } = await t.comment({ body: 'original' });
    expect((await send(t, 'PATCH', comment.id, 'y'.repeat(43), { body: '' })).status).toBe(401);
  });

  it('refuses after the edit window with 403 and changes nothing', async () => {
    const t = await testApp();
    const { comment, editToken } = await t.comment({ body: 'original' });
    await t.db.execute({ sql: 'UPDATE comments SET created_at = created_at - ? WHERE id = ?', args: [16 * 60_000, comment.id] });
    const before = await snapshot(t);
    const res = await send(t, 'PATCH', comment.id, editToken, { body: 'too late' });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('passed') });
    expect((await send(t, 'DELETE', comment.id, editToken)).status).toBe(403);
    expect(await snapshot(t)).toEqual(before);
  });

  it("follows the site's edit window setting", async () => {
    const t = await testApp();
    await t.db.execute(`UPDATE sites SET settings = '{"editWindowSeconds": 3600}' WHERE slug = 'default'`);
    const { comment, editToken, editableUntil } = await t.comment({ body: 'original' });
    expect(Date.parse(editableUntil) - Date.parse(comment.createdAt)).toBe(3600_000);
    await t.db.execute({ sql: 'UPDATE comments SET created_at = created_at - ? WHERE id = ?', args: [30 * 60_000, comment.id] });
    expect((await send(t, 'PATCH', comment.id, editToken, { body: 'still in time' })).status).toBe(200);
  });

  it('refuses an empty edit with 400 and keeps the comment', async () => {
    const t = await testApp();
    const { comment, editToken } = await t.comment({ body: 'original' });
    const res = await send(t, 'PATCH', comment.id, editToken, { body: '  ' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('body');
    expect((await threadOf(t)).comments[0]!.html).toBe('<p>original</p>');
  });

  it("answers 404 for a comment that does not exist and refuses another site's origin", async () => {
    const t = await testApp();
    const { comment, editToken } = await t.comment({ body: 'original' });
    expect((await send(t, 'PATCH', '424242', editToken, { body: 'x' })).status).toBe(404);
    const res = await t.app.request(`/api/comments/${comment.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${editToken}`, Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await threadOf(t)).comments).toHaveLength(1);
  });
});

describe('deleting your own comment', () => {
  it('makes a comment without replies disappear, and the count drops', async () => {
    const t = await testApp();
    const { comment, editToken } = await t.comment({ body: 'regret', author: { name: 'Ann', email: 'ann@example.com' } });
    await t.comment({ body: 'stays' });
    expect((await send(t, 'DELETE', comment.id, editToken)).status).toBe(204);
    const thread = await threadOf(t);
    expect(thread.page.commentCount).toBe(1);
    expect(thread.comments.map((c) => c.html)).toEqual(['<p>stays</p>']);
    const { rows } = await t.db.execute({ sql: 'SELECT body_source, author_name, author_email FROM comments WHERE id = ?', args: [comment.id] });
    expect(rows[0]).toMatchObject({ body_source: '', author_name: '', author_email: null });
    expect((await send(t, 'DELETE', comment.id, editToken)).status).toBe(404);
  });

  it('keeps a comment with replies as a [deleted] placeholder with the replies under it', async () => {
    const t = await testApp();
    const { comment, editToken } = await t.comment({ body: 'parent', author: { name: 'Ann' } });
    await t.comment({ body: 'child', parentId: comment.id });
    expect((await send(t, 'DELETE', comment.id, editToken)).status).toBe(204);
    const thread = await threadOf(t);
    expect(thread.page.commentCount).toBe(1);
    expect(thread.comments[0]).toMatchObject({ id: comment.id, status: 'deleted', html: '', author: { name: '' }, replyCount: 1 });
    expect(thread.comments[0]!.replies.map((r) => r.html)).toEqual(['<p>child</p>']);
  });

  it('lets a placeholder go when its last reply is deleted', async () => {
    const t = await testApp();
    const parent = await t.comment({ body: 'parent' });
    const child = await t.comment({ body: 'child', parentId: parent.comment.id });
    await send(t, 'DELETE', parent.comment.id, parent.editToken);
    expect((await send(t, 'DELETE', child.comment.id, child.editToken)).status).toBe(204);
    const thread = await threadOf(t);
    expect(thread.comments).toEqual([]);
    expect(thread.page.commentCount).toBe(0);
  });

  it('stores nothing when the request is refused', async () => {
    const t = await testApp();
    const { comment } = await t.comment({ body: 'x' });
    const before = await tableCounts(t.db);
    expect((await send(t, 'DELETE', comment.id, null)).status).toBe(401);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
