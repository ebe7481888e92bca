import { describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.ts';

describe('comment counts', () => {
  it('answers the counts of several pages in one request, 0 for pages without comments', async () => {
    const t = await testApp();
    const { comment } = await t.comment({ page: '/a' });
    await t.comment({ page: '/a', parentId: comment.id });
    await t.comment({ page: '/b' });
    const res = await t.get('/api/counts?page=/a&page=/b&page=/c');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ counts: { '/a': 2, '/b': 1, '/c': 0 } });
  });

  it('refuses a request without pages or with too many', async () => {
    const t = await testApp();
    expect((await t.get('/api/counts')).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `page=/p${i}`).join('&');
    const res = await t.get(`/api/counts?${many}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'validation', field: 'page' });
  });
});
