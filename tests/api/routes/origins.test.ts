import { describe, expect, it } from 'vitest';
import { tableCounts } from '../../helpers/db.ts';
import { testApp } from '../../helpers/app.ts';

describe('browser origins', () => {
  it('lets requests without an Origin through (non-browser clients)', async () => {
    const t = await testApp();
    expect((await t.get('/api/comments?page=/p')).status).toBe(200);
  });

  it("accepts the server's own origin and PARLEY_ORIGINS, with CORS headers for the latter", async () => {
    const t = await testApp({ PARLEY_ORIGINS: 'https://blog.example.com' });
    expect((await t.get('/api/comments?page=/p', { Origin: 'http://localhost' })).status).toBe(200);
    const res = await t.get('/api/comments?page=/p', { Origin: 'https://blog.example.com' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://blog.example.com');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it("accepts origins in the site's own list", async () => {
    const t = await testApp();
    await t.db.execute(`UPDATE sites SET origins = '["https://mine.example"]' WHERE slug = 'default'`);
    const res = await t.post('/api/comments', { page: '/p', body: 'hi' }, { Origin: 'https://mine.example' });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://mine.example');
  });

  it('refuses a post from another origin with 403 and stores nothing', async () => {
    const t = await testApp();
    const before = await tableCounts(t.db);
    const res = await t.post('/api/comments', { page: '/p', body: 'hi' }, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('answers preflights for allowed origins only', async () => {
    const t = await testApp({ PARLEY_ORIGINS: 'https://blog.example.com' });
    const preflight = (origin: string) =>
      t.app.request('/api/comments', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
    const ok = await preflight('https://blog.example.com');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://blog.example.com');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    const no = await preflight('https://evil.example');
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });
});
