import { describe, expect, it } from 'vitest';
import { addModerator, login, ownOrigin, signIn } from '../../../helpers/admin.ts';
import { testApp } from '../../../helpers/app.ts';

describe('moderator sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and stores only its hash', async () => {
    const t = await testApp();
    await addModerator(t);
    const res = await login(t, 'MOD@example.com', 'correct horse battery');
    expect(res.status).toBe(204);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^parley_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(cookie).not.toMatch(/Secure/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const { rows } = await t.db.execute('SELECT id_hash FROM sessions');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).not.toBe(token);
  });

  it('marks the cookie Secure when the server is served over https', async () => {
    const t = await testApp({ PUBLIC_URL: 'https://comments.example.com' });
    await addModerator(t);
    const res = await login(t, 'mod@example.com', 'correct horse battery', { Origin: 'https://comments.example.com' });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('says the same for a wrong password and an unknown email', async () => {
    const t = await testApp();
    await addModerator(t);
    const wrong = await login(t, 'mod@example.com', 'not the password');
    const unknown = await login(t, 'nobody@example.com', 'correct horse battery');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
  });

  it('refuses a sign-in from another origin', async () => {
    const t = await testApp();
    await addModerator(t);
    const res = await login(t, 'mod@example.com', 'correct horse battery', { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('slows repeated failures, then refuses for a while with 429 and Retry-After, even the right password', async () => {
    const t = await testApp({ PARLEY_RATE_LIMITS: 'on' });
    await addModerator(t);
    const started = Date.now();
    for (let i = 0; i < 8; i++) expect((await login(t, 'mod@example.com', `guess ${i}`)).status).toBe(401);
    expect(Date.now() - started).toBeGreaterThan(250 * 8);
    const locked = await login(t, 'mod@example.com', 'correct horse battery');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await locked.json()).error.code).toBe('rate_limited');
  }, 30_000);

  it('counts guesses sent in parallel: the right password among them is not let in past the limit', async () => {
    const t = await testApp({ PARLEY_RATE_LIMITS: 'on' });
    await addModerator(t);
    const guesses = Array.from({ length: 30 }, (_, i) => login(t, 'mod@example.com', `wrong ${i}`));
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(8);
    expect((await login(t, 'mod@example.com', 'correct horse battery')).status).toBe(429);
  }, 30_000);

  it('locks out an address guessing many accounts', async () => {
    const t = await testApp({ PARLEY_RATE_LIMITS: 'on' });
    await addModerator(t);
    for (let i = 0; i < 8; i++) await login(t, `someone${i}@example.com`, 'whatever password');
    const res = await login(t, 'mod@example.com', 'correct horse battery', {});
    // app.request() has no socket address, so every request shares one address hash: the lock applies.
    expect(res.status).toBe(429);
  }, 30_000);

  it('signs out: the session stops working', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    expect((await mod.request('GET', '/api/admin/me')).status).toBe(200);
    expect((await mod.request('POST', '/api/admin/logout')).status).toBe(204);
    expect((await mod.request('GET', '/api/admin/me')).status).toBe(401);
  });

  it('refuses a sign-out from another origin (a forged request cannot end the session)', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    expect((await mod.request('POST', '/api/admin/logout', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await mod.request('GET', '/api/admin/me')).status).toBe(200);
  });

  it('ends sessions that have expired', async () => {
    const t = await testApp();
    const mod = await signIn(t);
    await t.db.execute('UPDATE sessions SET expires_at = 0');
    expect((await mod.request('GET', '/api/admin/comments')).status).toBe(401);
  });
});

describe('every admin route', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/admin/comments'],
    ['POST', '/api/admin/comments/1/approve', {}],
    ['POST', '/api/admin/comments/bulk', { ids: ['1'], action: 'spam' }],
    ['PATCH', '/api/admin/comments/1', { body: 'x' }],
    ['GET', '/api/admin/pages'],
    ['PATCH', '/api/admin/pages', { page: '/p', locked: true }],
    ['POST', '/api/admin/pages/move', { from: '/p', to: '/q' }],
    ['GET', '/api/admin/bans'],
    ['POST', '/api/admin/bans', { kind: 'email', value: 'a@example.com' }],
    ['DELETE', '/api/admin/bans/1'],
    ['GET', '/api/admin/sites'],
    ['POST', '/api/admin/sites', { slug: 'x' }],
    ['PATCH', '/api/admin/sites/default', { name: 'x' }],
    ['GET', '/api/admin/audit'],
  ];

  for (const [method, path, body] of routes) {
    it(`${method} ${path} refuses without a session (401)${method === 'GET' ? '' : ' and from another origin (403)'}`, async () => {
      const t = await testApp();
      const anonymous = await t.app.request(path, {
        method,
        headers: { Origin: ownOrigin, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).error.code).toBe('unauthorized');
      if (method !== 'GET') {
        const mod = await signIn(t);
        const before = (await t.db.execute('SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM bans) + (SELECT count(*) FROM sites) AS n')).rows[0]!.n;
        const foreign = await mod.request(method, path, body, { Origin: 'https://evil.example' });
        expect(foreign.status).toBe(403);
        const noOrigin = await t.app.request(path, { method, headers: { Cookie: mod.cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        expect(noOrigin.status).toBe(403);
        const after = (await t.db.execute('SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM bans) + (SELECT count(*) FROM sites) AS n')).rows[0]!.n;
        expect(after).toBe(before);
      }
    });
  }
});
