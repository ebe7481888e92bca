import { describe, expect, it } from 'vitest';
import { tableCounts } from '../../helpers/db.ts';
import { testApp } from '../../helpers/app.ts';

const long = (n: number) => 'x'.repeat(n);

describe('bad comment posts get a clear error and store nothing', () => {
  const cases: [string, unknown, number, string, string?][] = [
    ['a missing body', { page: '/p' }, 400, 'validation', 'body'],
    ['an empty body', { page: '/p', body: '' }, 400, 'validation', 'body'],
    ['a whitespace-only body', { page: '/p', body: ' \n\t \u00a0' }, 400, 'validation', 'body'],
    ['a body of control characters', { page: '/p', body: '\u0000\u0007' }, 400, 'validation', 'body'],
    ['a body over 10,000 characters', { page: '/p', body: long(10_001) }, 400, 'validation', 'body'],
    ['a body that is not text', { page: '/p', body: 42 }, 400, 'validation', 'body'],
    ['a name over 64 characters', { page: '/p', body: 'x', author: { name: long(65) } }, 400, 'validation', 'author.name'],
    ['a malformed email', { page: '/p', body: 'x', author: { email: 'not-an-email' } }, 400, 'validation', 'author.email'],
    ['a missing page', { body: 'x' }, 400, 'validation', 'page'],
    ['a bad site slug', { site: '../etc', page: '/p', body: 'x' }, 400, 'validation', 'site'],
    ['an unknown site', { site: 'nope', page: '/p', body: 'x' }, 404, 'not_found', 'site'],
    ['a parent id that is not an id', { page: '/p', body: 'x', parentId: 'abc' }, 400, 'validation', 'parentId'],
    ['a parent that does not exist', { page: '/p', body: 'x', parentId: '12345' }, 404, 'not_found', 'parentId'],
    ['a JSON array', [], 400, 'validation'],
    ['JSON null', null, 400, 'validation'],
  ];

  for (const [what, body, status, code, field] of cases) {
    it(`refuses ${what}`, async () => {
      const t = await testApp();
      const before = await tableCounts(t.db);
      const res = await t.post('/api/comments', body);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const { error } = await res.json();
      expect(error.code).toBe(code);
      expect(error.message).toEqual(expect.any(String));
      if (field) expect(error.field).toBe(field);
      expect(await tableCounts(t.db)).toEqual(before);
    });
  }

  it('refuses a body over 10,000 characters but takes exactly 10,000, counting characters not bytes', async () => {
    const t = await testApp();
    expect((await t.post('/api/comments', { page: '/p', body: 'é'.repeat(10_000) })).status).toBe(201);
    expect((await t.post('/api/comments', { page: '/p', body: '😀'.repeat(10_000) })).status).toBe(201);
    expect((await t.post('/api/comments', { page: '/p', body: '😀'.repeat(10_001) })).status).toBe(400);
  });

  it('refuses a reply whose parent is on another page', async () => {
    const t = await testApp();
    const { comment } = await t.comment({ page: '/a' });
    const before = await tableCounts(t.db);
    const res = await t.post('/api/comments', { page: '/b', body: 'x', parentId: comment.id });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'validation', field: 'parentId' });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const t = await testApp();
    const res = await t.post('/api/comments', '{"page": "/p", "body": ');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('validation');
    expect(await tableCounts(t.db)).toMatchObject({ comments: 0, pages: 0 });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const t = await testApp();
    const res = await t.app.request('/api/comments', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'page=/p&body=x' });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
    expect(await tableCounts(t.db)).toMatchObject({ comments: 0, pages: 0 });
  });

  it('refuses a request body over 64 KB with 413 before reading it', async () => {
    const t = await testApp();
    const res = await t.post('/api/comments', { page: '/p', body: long(70_000) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('too_large');
    expect(await tableCounts(t.db)).toMatchObject({ comments: 0, pages: 0 });
  });

  it('refuses a comment on a locked page with 403', async () => {
    const t = await testApp();
    await t.comment({ page: '/closed' });
    await t.db.execute("UPDATE pages SET locked = 1 WHERE key = '/closed'");
    const before = await tableCounts(t.db);
    const res = await t.post('/api/comments', { page: '/closed', body: 'late' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('locked');
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe('bad thread reads get a clear error', () => {
  const cases: [string, string, string][] = [
    ['no page', '/api/comments', 'page'],
    ['an unknown sort', '/api/comments?page=/p&sort=random', 'sort'],
    ['a limit over 200', '/api/comments?page=/p&limit=201', 'limit'],
    ['a limit of 0', '/api/comments?page=/p&limit=0', 'limit'],
    ['a limit that is not a number', '/api/comments?page=/p&limit=ten', 'limit'],
    ['a forged cursor', '/api/comments?page=/p&cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ];
  for (const [what, path, field] of cases) {
    it(`refuses ${what}`, async () => {
      const t = await testApp();
      await t.comment({ page: '/p' });
      const res = await t.get(path);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'validation', field });
    });
  }

  it('refuses a cursor made for another sort order or another list', async () => {
    const t = await testApp();
    const { comment } = await t.comment({ page: '/p' });
    for (let i = 0; i < 3; i++) await t.comment({ page: '/p', parentId: comment.id });
    for (const [from, to] of [['best', 'oldest'], ['oldest', 'newest'], ['newest', 'oldest']]) {
      await t.comment({ page: '/p' });
      const { nextCursor } = await (await t.get(`/api/comments?page=/p&limit=1&sort=${from}`)).json();
      expect(nextCursor, from).not.toBeNull();
      const res = await t.get(`/api/comments?page=/p&limit=1&sort=${to}&cursor=${nextCursor}`);
      expect(res.status, `${from} cursor used for ${to}`).toBe(400);
    }
    const replies = await (await t.get(`/api/comments/${comment.id}/replies?limit=1`)).json();
    expect((await t.get(`/api/comments?page=/p&cursor=${replies.nextCursor}`)).status).toBe(400);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const t = await testApp();
    const res = await t.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
