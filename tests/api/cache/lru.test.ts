import { describe, expect, it } from 'vitest';
import { Lru } from '../../../api/cache/lru.ts';

describe('the least-recently-used map', () => {
  it('forgets the least recently read entry beyond its number of entries', () => {
    const lru = new Lru<string>({ maxEntries: 2, maxBytes: 1000 });
    lru.set('a', 'A', 1);
    lru.set('b', 'B', 1);
    expect(lru.get('a')).toBe('A');
    lru.set('c', 'C', 1);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.size]).toEqual(['A', 'C', 2]);
  });

  it('stays within its bytes, counting a replaced entry once', () => {
    const lru = new Lru<string>({ maxEntries: 100, maxBytes: 10 });
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    lru.set('b', 'B2', 5);
    expect(lru.bytes).toBe(9);
    lru.set('c', 'C', 4);
    expect(lru.get('a')).toBeUndefined();
    expect(lru.bytes).toBe(9);
    expect([lru.get('b'), lru.get('c')]).toEqual(['B2', 'C']);
  });

  it('does not keep a value larger than all of its memory, nor anything when it has none', () => {
    const lru = new Lru<string>({ maxEntries: 100, maxBytes: 10 });
    lru.set('small', 's', 3);
    lru.set('huge', 'h', 11);
    expect([lru.get('huge'), lru.get('small'), lru.bytes]).toEqual([undefined, 's', 3]);
    const off = new Lru<string>({ maxEntries: 100, maxBytes: 0 });
    off.set('a', 'A', 1);
    expect(off.size).toBe(0);
  });
});
