import { describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../../shared/types.ts';
import { rank, votersPerAddress, wilsonLowerBound } from '../../../api/store/votes.ts';
import { testApp, type TestApp } from '../../helpers/app.ts';

const vote = (t: TestApp, id: string, value: unknown, voter = 'voter-aaaaaaaa') => t.post(`/api/comments/${id}/vote`, { value, voter });

describe('votes', () => {
  it('counts an upvote, changes it to a downvote and withdraws it', async () => {
    const t = await testApp();
    const { comment } = await t.comment({});
    expect(await (await vote(t, comment.id, 1)).json()).toEqual({ score: 1, upvotes: 1, downvotes: 0, myVote: 1 });
    expect(await (await vote(t, comment.id, 1)).json()).toEqual({ score: 1, upvotes: 1, downvotes: 0, myVote: 1 });
    expect(await (await vote(t, comment.id, -1)).json()).toEqual({ score: -1, upvotes: 0, downvotes: 1, myVote: -1 });
    expect(await (await vote(t, comment.id, 0)).json()).toEqual({ score: 0, upvotes: 0, downvotes: 0, myVote: 0 });
  });

  it('counts one vote per voter, and voters apart', async () => {
    const t = await testApp();
    const { comment } = await t.comment({});
    await vote(t, comment.id, 1, 'voter-one-1');
    await vote(t, comment.id, 1, 'voter-two-2');
    await vote(t, comment.id, -1, 'voter-three');
    await vote(t, comment.id, 1, 'voter-one-1');
    const { comments } = (await (await t.get('/api/comments?page=/post/1')).json()) as ThreadResponse;
    expect(comments[0]).toMatchObject({ score: 1, upvotes: 2, downvotes: 1 });
    const { rows } = await t.db.execute('SELECT voter_hash FROM votes');
    expect(rows.map((r) => r.voter_hash)).not.toContain('voter-one-1');
  });

  it('refuses bad votes with 400 and unknown comments with 404, storing nothing', async () => {
    const t = await testApp();
    const { comment } = await t.comment({});
    for (const value of [2, '1', null, 0.5]) {
      const res = await vote(t, comment.id, value);
      expect(res.status, String(value)).toBe(400);
      expect((await res.json()).error.field).toBe('value');
    }
    expect((await t.post(`/api/comments/${comment.id}/vote`, { value: 1, voter: 'x' })).status).toBe(400);
    expect((await vote(t, '999999', 1)).status).toBe(404);
    expect((await t.db.execute('SELECT count(*) AS n FROM votes')).rows[0]!.n).toBe(0);
  });

  it('sorts best by the lower bound of the Wilson score, pinned first', async () => {
    const t = await testApp();
    const ids: Record<string, string> = {};
    for (const name of ['few', 'many', 'none', 'bad', 'pinned']) ids[name] = (await t.comment({ body: name })).comment.id;
    await vote(t, ids.few!, 1, 'voter-00000');
    for (let i = 0; i < 4; i++) await vote(t, ids.many!, 1, `voter-many-${i}`);
    await vote(t, ids.many!, -1, 'voter-many-x');
    await vote(t, ids.bad!, -1, 'voter-bad-1');
    await t.db.execute({ sql: 'UPDATE comments SET pinned = 1 WHERE id = ?', args: [ids.pinned!] });
    const first = (await (await t.get('/api/comments?page=/post/1&sort=best&limit=3')).json()) as ThreadResponse;
    const rest = (await (await t.get(`/api/comments?page=/post/1&sort=best&limit=3&cursor=${first.nextCursor}`)).json()) as ThreadResponse;
    expect([...first.comments, ...rest.comments].map((c) => c.html)).toEqual(['pinned', 'many', 'few', 'none', 'bad'].map((b) => `<p>${b}</p>`));
  });

  it('ranks 10 up and 1 down above 1 up and none down, and disliked comments below unvoted ones', () => {
    expect(wilsonLowerBound(10, 1)).toBeGreaterThan(wilsonLowerBound(1, 0));
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(rank(0, 4)).toBeLessThan(rank(0, 0));
    expect(rank(4, 0)).toBeGreaterThan(rank(0, 0));
  });

  it('lets one address be only a few voters on one comment, but change its votes freely', async () => {
    const t = await testApp();
    const { comment } = await t.comment({});
    for (let i = 0; i < votersPerAddress; i++) expect((await vote(t, comment.id, 1, `stuffer-${i}-xx`)).status).toBe(200);
    const refused = await vote(t, comment.id, 1, 'stuffer-extra');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain('your network');
    expect(await (await vote(t, comment.id, -1, 'stuffer-0-xx')).json()).toMatchObject({ upvotes: 4, downvotes: 1 });
  });
});
