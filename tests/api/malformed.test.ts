import { describe, expect, it } from 'vitest';
import type { Db } from '../../api/db/client.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

/** Every row of every table, as text: what "the database is unchanged" is checked against. */
async function dump(db: Db): Promise<string> {
  const { rows: tables } = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await db.execute(`SELECT * FROM "${String(name)}" ORDER BY 1`);
    parts.push(`${String(name)}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

const deep = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

type Case = [what: string, method: string, path: string, body?: string | undefined, headers?: Record<string, string>];

/** Requests a client could get wrong, or an attacker could try. Each must get a 4xx JSON error and change nothing. */
function cases(id: string, otherPageId: string): Case[] {
  const json = (v: unknown) => JSON.stringify(v);
  return [
    ['a body that is a number', 'POST', '/api/comments', json({ page: '/p', body: 5 })],
    ['a body that is an array', 'POST', '/api/comments', json({ page: '/p', body: ['x'] })],
    ['a body that is null', 'POST', '/api/comments', json({ page: '/p', body: null })],
    ['a page that is an object', 'POST', '/api/comments', json({ page: { $gt: '' }, body: 'x' })],
    ['an author that is a string', 'POST', '/api/comments', json({ page: '/p', body: 'x', author: 'me' })],
    ['a name that is a number', 'POST', '/api/comments', json({ page: '/p', body: 'x', author: { name: 1 } })],
    ['a missing body', 'POST', '/api/comments', json({ page: '/p' })],
    ['a missing page', 'POST', '/api/comments', json({ body: 'x' })],
    ['an empty object', 'POST', '/api/comments', '{}'],
    ['a JSON string', 'POST', '/api/comments', '"hello"'],
    ['truncated JSON', 'POST', '/api/comments', '{"page": "/p", "body": "x"'],
    ['JSON with a trailing comma', 'POST', '/api/comments', '{"page": "/p", "body": "x",}'],
    ['an empty body', 'POST', '/api/comments', ''],
    ['a huge body (1 MB)', 'POST', '/api/comments', json({ page: '/p', body: 'x'.repeat(1_000_000) })],
    ['deeply nested JSON', 'POST', '/api/comments', deep(5000)],
    ['invalid UTF-8 as JSON', 'POST', '/api/comments', '\xff\xfe{"page":'],
    ['__proto__ keys', 'POST', '/api/comments', '{"__proto__": {"isAdmin": true}, "page": "/p"}'],
    ['constructor.prototype keys', 'POST', '/api/comments', json({ page: '/p', constructor: { prototype: { x: 1 } } })],
    ['a form body', 'POST', '/api/comments', 'page=/p&body=x', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['text/plain', 'POST', '/api/comments', json({ page: '/p', body: 'x' }), { 'Content-Type': 'text/plain' }],
    ['no content type', 'POST', '/api/comments', json({ page: '/p', body: 'x' }), { 'Content-Type': '' }],
    ['a parent on another page', 'POST', '/api/comments', json({ page: '/p', body: 'x', parentId: otherPageId })],
    ['a parent id with SQL in it', 'POST', '/api/comments', json({ page: '/p', body: 'x', parentId: "1 OR 1=1; DROP TABLE comments;--" })],
    ['a site with SQL in it', 'POST', '/api/comments', json({ site: "default' OR '1'='1", page: '/p', body: 'x' })],
    ['a page key over 512 characters', 'POST', '/api/comments', json({ page: `/${'p'.repeat(600)}`, body: 'x' })],
    ['a page URL with javascript:', 'POST', '/api/comments', json({ page: '/p', body: 'x', pageUrl: 'javascript:alert(1)' })],
    ['a website with data:', 'POST', '/api/comments', json({ page: '/p', body: 'x', author: { website: 'data:text/html,x' } })],
    ['a vote of 2', 'POST', `/api/comments/${id}/vote`, json({ value: 2 })],
    ['a vote as a string', 'POST', `/api/comments/${id}/vote`, json({ value: '1' })],
    ['a vote on an id with SQL in it', 'POST', "/api/comments/1%20OR%201=1/vote", json({ value: 1 })],
    ['a vote on a missing comment', 'POST', '/api/comments/999999/vote', json({ value: 1 })],
    ['an edit without a token', 'PATCH', `/api/comments/${id}`, json({ body: 'changed' })],
    ['an edit with a forged token', 'PATCH', `/api/comments/${id}`, json({ body: 'changed' }), { Authorization: 'Bearer ' + 'A'.repeat(43) }],
    ['a delete with a malformed token', 'DELETE', `/api/comments/${id}`, undefined, { Authorization: 'Bearer %%%' }],
    ['a delete of a huge id', 'DELETE', '/api/comments/99999999999999999999999', undefined],
    ['replies of a negative id', 'GET', '/api/comments/-1/replies'],
    ['a thread with a limit of -1', 'GET', '/api/comments?page=/p&limit=-1'],
    ['a thread with a forged cursor', 'GET', `/api/comments?page=/p&cursor=${Buffer.from('[1,"x",3]').toString('base64url')}`],
    ['counts of 101 pages', 'GET', `/api/counts?${Array.from({ length: 101 }, (_, i) => `page=/p${i}`).join('&')}`],
    ['a preview of nothing', 'POST', '/api/preview', json({ body: '   ' })],
    ['mine with a bad token', 'POST', '/api/comments/mine', json({ comments: [{ id, token: 'short' }] })],
    ['an admin change without a session', 'POST', `/api/admin/comments/${id}/delete`, '{}', { Origin: 'http://localhost' }],
    ['an admin change from another origin', 'POST', '/api/admin/sites', json({ slug: 'evil' }), { Origin: 'https://evil.example' }],
    ['an unknown route', 'POST', '/api/comments/1/explode', '{}'],
  ];
}

describe('malformed requests', () => {
  it('each get a 4xx JSON error, with no stack trace, and leave the database exactly as it was', async () => {
    const t: TestApp = await testApp();
    const { comment } = await t.comment({ page: '/p', body: 'existing' });
    const other = await t.comment({ page: '/other', body: 'elsewhere' });
    const before = await dump(t.db);
    const all = cases(comment.id, other.comment.id);
    expect(all.length).toBeGreaterThanOrEqual(30);
    for (const [what, method, path, body, headers] of all) {
      const res = await t.app.request(path, { method, body, headers: { 'Content-Type': 'application/json', ...headers } });
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
      const text = await res.text();
      const { error } = JSON.parse(text) as { error: { code: string; message: string } };
      expect(error.code, what).toMatch(/^[a-z_]+$/);
      expect(error.message, what).toBeTruthy();
      expect(text, what).not.toMatch(/\bat \w+ \(|SQLITE|SELECT |node_modules/);
    }
    expect(await dump(t.db)).toBe(before);
    console.log(`malformed requests: ${all.length} tried, all refused with 4xx, database unchanged`);
  });
});
