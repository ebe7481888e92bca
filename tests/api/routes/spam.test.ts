import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../api/config.ts';
import type { ThreadResponse } from '../../../shared/types.ts';
import { signIn } from '../../helpers/admin.ts';
import { testApp, type TestApp } from '../../helpers/app.ts';
import { tableCounts } from '../../helpers/db.ts';

const settings = (t: TestApp, change: Record<string, unknown>) =>
  t.db.execute({ sql: "UPDATE sites SET settings = json_patch(settings, ?) WHERE slug = 'default'", args: [JSON.stringify(change)] });

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('spam defences', () => {
  it('refuses a comment whose honeypot is filled, with a clear error, storing nothing', async () => {
    const t = await testApp();
    const before = await tableCounts(t.db);
    const res = await t.post('/api/comments', { page: '/p', body: 'buy now', hp: 'http://spam.example' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ field: 'hp', message: expect.stringContaining('automated') });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses a post sooner than the form allows, with Retry-After, and a missing or forged form token', async () => {
    const t = await testApp({ PARLEY_RATE_LIMITS: 'on' });
    await settings(t, { minSecondsToPost: 2 });
    const { formToken } = (await (await t.get('/api/comments?page=/p')).json()) as ThreadResponse;
    const quick = await t.post('/api/comments', { page: '/p', body: 'fast', formToken });
    expect(quick.status).toBe(429);
    expect(Number(quick.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.post('/api/comments', { page: '/p', body: 'no token' })).status).toBe(400);
    expect((await t.post('/api/comments', { page: '/p', body: 'forged', formToken: `${formToken.split('.')[0]}.${'A'.repeat(22)}` })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await t.post('/api/comments', { page: '/p', body: 'patient', formToken })).status).toBe(201);
    // A token is for the thread that handed it out.
    expect((await t.post('/api/comments', { page: '/elsewhere', body: 'reused', formToken })).status).toBe(400);
  });

  it('holds a comment with more links than the site allows, saying why', async () => {
    const t = await testApp();
    await settings(t, { maxLinks: 2 });
    const two = await t.comment({ body: 'https://a.example and https://b.example' });
    expect(two.comment.status).toBe('approved');
    const three = await t.comment({ body: 'https://a.example https://b.example https://c.example' });
    expect(three.comment.status).toBe('pending');
    const mod = await signIn(t);
    const queue = await (await mod.request('GET', '/api/admin/comments?status=pending')).json();
    expect(queue.comments[0].heldReason).toBe('Contains 3 links; the site allows 2 without review.');
  });

  it('holds or refuses blocked words and phrases, as whole words, ignoring case', async () => {
    const t = await testApp();
    await settings(t, { blocklist: ['casino', 'free money'] });
    expect((await t.comment({ body: 'Visit my CASINO tonight' })).comment.status).toBe('pending');
    expect((await t.comment({ body: 'I like occasional casinos' })).comment.status).toBe('approved');
    expect((await t.comment({ body: 'Get Free  Money'.replace('  ', ' ') })).comment.status).toBe('pending');
    await settings(t, { blocklistAction: 'refuse' });
    const before = await tableCounts(t.db);
    const refused = await t.post('/api/comments', { page: '/p', body: 'casino!' });
    expect(refused.status).toBe(400);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses the same text from the same writer on the same page within minutes with 409', async () => {
    const t = await testApp();
    const first = await t.from('203.0.113.7', '/api/comments', json({ page: '/p', body: 'Me too' }));
    expect(first.status).toBe(201);
    const again = await t.from('203.0.113.7', '/api/comments', json({ page: '/p', body: 'Me too' }));
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('conflict');
    expect((await t.from('198.51.100.9', '/api/comments', json({ page: '/p', body: 'Me too' }))).status).toBe(201);
    expect((await t.from('203.0.113.7', '/api/comments', json({ page: '/other', body: 'Me too' }))).status).toBe(201);
    await settings(t, { duplicateMinutes: 0 });
    expect((await t.from('203.0.113.7', '/api/comments', json({ page: '/p', body: 'Me too' }))).status).toBe(201);
  });

  it('sends an edit that adds too many links back to the moderators', async () => {
    const t = await testApp();
    await settings(t, { maxLinks: 1 });
    const { comment, editToken } = await t.comment({ body: 'innocent' });
    const res = await t.app.request(`/api/comments/${comment.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${editToken}` },
      body: JSON.stringify({ body: 'now https://a.example https://b.example' }),
    });
    expect((await res.json()).comment.status).toBe('pending');
    const thread = (await (await t.get('/api/comments?page=/post/1')).json()) as ThreadResponse;
    expect(thread.comments).toEqual([]);
    expect(thread.page.commentCount).toBe(0);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once an address posts faster than the site allows, per address', async () => {
    const t = await testApp({ PARLEY_RATE_LIMITS: 'on' });
    await settings(t, { postsPerMinute: 3, minSecondsToPost: 0 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.from('203.0.113.1', '/api/comments', json({ page: '/p', body: `n${i}` }))).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await t.from('203.0.113.1', '/api/comments', json({ page: '/p', body: 'again' }));
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect((await t.from('203.0.113.2', '/api/comments', json({ page: '/p', body: 'someone else' }))).status).toBe(201);
  });

  it('multiplies every limit by PARLEY_RATE_LIMIT_FACTOR, which benchmarks raise', async () => {
    const t = await testApp({ PARLEY_RATE_LIMITS: 'on', PARLEY_RATE_LIMIT_FACTOR: '2.5' });
    await settings(t, { postsPerMinute: 2, minSecondsToPost: 0 });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.from('203.0.113.4', '/api/comments', json({ page: '/p', body: `f${i}` }))).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(() => readConfig({ PARLEY_RATE_LIMIT_FACTOR: '0' })).toThrow(/PARLEY_RATE_LIMIT_FACTOR/);
    expect(() => readConfig({ PARLEY_RATE_LIMIT_FACTOR: 'lots' })).toThrow(/PARLEY_RATE_LIMIT_FACTOR/);
    expect(readConfig({}).rateLimitFactor).toBe(1);
  });

  it('limits votes and edits too', async () => {
    const t = await testApp({ PARLEY_RATE_LIMITS: 'on' });
    await settings(t, { votesPerMinute: 2, editsPerMinute: 1, minSecondsToPost: 0 });
    const { comment, editToken } = await t.comment({ body: 'x' });
    const vote = (v: number) => t.from('203.0.113.3', `/api/comments/${comment.id}/vote`, json({ value: v, voter: 'voter-1234' }));
    expect([(await vote(1)).status, (await vote(-1)).status, (await vote(0)).status]).toEqual([200, 200, 429]);
    const edit = () =>
      t.from('203.0.113.3', `/api/comments/${comment.id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${editToken}` }, body: JSON.stringify({ body: 'y' }) });
    expect([(await edit()).status, (await edit()).status]).toEqual([200, 429]);
  });

  it('counts an IPv6 writer per /64, the block one customer gets', async () => {
    const t = await testApp({ PARLEY_RATE_LIMITS: 'on' });
    await settings(t, { postsPerMinute: 2, minSecondsToPost: 0 });
    const from = (ip: string, body: string) => t.from(ip, '/api/comments', json({ page: '/p', body }));
    expect((await from('2001:db8:1:2::1', 'a')).status).toBe(201);
    expect((await from('2001:db8:1:2:ffff::9', 'b')).status).toBe(201);
    expect((await from('2001:db8:1:2:abcd:1:2:3', 'c')).status).toBe(429);
    expect((await from('2001:db8:1:3::1', 'd')).status).toBe(201);
  });

  it('believes X-Forwarded-For only from proxies listed in TRUST_PROXY', async () => {
    const t = await testApp({ PARLEY_RATE_LIMITS: 'on', TRUST_PROXY: '10.0.0.1' });
    await settings(t, { postsPerMinute: 1, minSecondsToPost: 0 });
    const via = (proxy: string, client: string, body: string) =>
      t.from(proxy, '/api/comments', { ...json({ page: '/p', body }), headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `${client}, ${proxy}` } });
    expect((await via('10.0.0.1', '203.0.113.10', 'a')).status).toBe(201);
    expect((await via('10.0.0.1', '203.0.113.11', 'b')).status).toBe(201);
    expect((await via('10.0.0.1', '203.0.113.10', 'c')).status).toBe(429);
    // From an address that is not a trusted proxy, the header is ignored: both count against the socket.
    expect((await via('198.51.100.1', '203.0.113.12', 'd')).status).toBe(201);
    expect((await via('198.51.100.1', '203.0.113.13', 'e')).status).toBe(429);
  });
});
