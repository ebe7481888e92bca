import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp.ts';
import { testApp } from '../../helpers/app.ts';

describe('widget and demo page', () => {
  it('serves the demo article with the widget embedded and a strict CSP', async () => {
    const t = await testApp();
    const res = await t.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('<script src="/embed.js"');
  });

  it('serves embed.js as JavaScript from the build folder', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'embed.js'), 'console.log("parley")');
    const t = await testApp({}, dir);
    const res = await t.get('/embed.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log("parley")');
  });

  it('says how to build the widget when it is missing', async () => {
    const t = await testApp({}, tempDir());
    const res = await t.get('/embed.js');
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain('npm run build');
  });
});

describe('built widget files', () => {
  it('serves content-hashed modules for good and language files briefly, to any origin', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'widget'));
    mkdirSync(join(dir, 'i18n'));
    writeFileSync(join(dir, 'widget', 'parley-ABCD1234.js'), 'export const x = 1;');
    writeFileSync(join(dir, 'i18n', 'de.json'), '{"retry":"Erneut versuchen"}');
    const t = await testApp({}, dir);
    const module = await t.get('/widget/parley-ABCD1234.js');
    expect(module.status).toBe(200);
    expect(module.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(module.headers.get('access-control-allow-origin')).toBe('*');
    const lang = await t.get('/i18n/de.json');
    expect(await lang.json()).toEqual({ retry: 'Erneut versuchen' });
    expect(lang.headers.get('cache-control')).toBe('public, max-age=300');
    expect((await t.get('/i18n/xx.json')).status).toBe(404);
    expect((await t.get('/widget/../../etc/passwd')).status).toBe(404);
    expect((await t.get('/widget/parley.js')).status).toBe(404);
  });
});

describe('compression', () => {
  it('gzips a thread for a client that asks, and says it varies with Accept-Encoding', async () => {
    const t = await testApp();
    for (let i = 0; i < 20; i++) await t.comment({ body: `A comment long enough to be worth compressing, number ${i}.` });
    const res = await t.get('/api/comments?page=/post/1', { 'Accept-Encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const { gunzipSync } = await import('node:zlib');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString());
    expect(body.comments).toHaveLength(20);
    expect((await t.get('/api/comments?page=/post/1')).headers.get('content-encoding')).toBeNull();
    const etag = res.headers.get('etag')!;
    const again = await t.get('/api/comments?page=/post/1', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    const cors = await t.get('/api/comments?page=/post/1', { 'Accept-Encoding': 'gzip', Origin: 'http://localhost' });
    expect(cors.headers.get('vary')).toMatch(/origin/i);
    expect(cors.headers.get('vary')).toMatch(/accept-encoding/i);
  });
});
