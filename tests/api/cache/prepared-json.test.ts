import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipBody, plainBody, prepareJson, tailOf } from '../../../api/cache/prepared-json.ts';
import { acceptsGzip } from '../../../api/middleware/etag.ts';

const big = { page: { key: '/p', title: 'Ünïcödé ✓ "quoted"' }, comments: Array.from({ length: 200 }, (_, i) => ({ id: String(i), html: `<p>comment ${i}</p>` })), nextCursor: null };

describe('a JSON answer prepared once', () => {
  it('appends per-request fields to the same JSON, plain and gzipped', () => {
    const prepared = prepareJson(big);
    const extras: Record<string, string>[] = [{}, { formToken: 'abc.def' }, { a: 'x', b: '\u2028"\\' }];
    for (const extra of extras) {
      const tail = tailOf(prepared, extra);
      const plain = Buffer.from(plainBody(prepared, tail)).toString();
      expect(JSON.parse(plain)).toEqual({ ...big, ...extra });
      expect(gunzipSync(gzipBody(prepared, tail)!).toString()).toBe(plain);
    }
  });

  it('tags what is shared, whatever is appended', () => {
    expect(prepareJson(big).etag).toBe(prepareJson({ ...big }).etag);
    expect(prepareJson(big).etag).not.toBe(prepareJson({ ...big, nextCursor: 'x' }).etag);
    expect(prepareJson(big).etag).toMatch(/^W\/"[\w-]{22}"$/);
  });

  it('leaves small answers to the compress middleware, and handles an empty object', () => {
    const small = prepareJson({ counts: { '/a': 1 } });
    expect(small.gzip).toBeNull();
    expect(gzipBody(small, tailOf(small, {}))).toBeNull();
    const empty = prepareJson({});
    expect(JSON.parse(Buffer.from(plainBody(empty, tailOf(empty, { x: 'y' }))).toString())).toEqual({ x: 'y' });
  });
});

describe('Accept-Encoding', () => {
  it('takes gzip when named and not refused', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0.000, br')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
