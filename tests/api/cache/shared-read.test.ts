import { describe, expect, it } from 'vitest';
import { SharedRead } from '../../../api/cache/shared-read.ts';

describe('reads shared by requests that arrive together', () => {
  it('runs one read for callers of the same turn, separate reads for other keys', async () => {
    const shared = new SharedRead<number>();
    let runs = 0;
    const read = () => Promise.resolve(++runs);
    const together = await Promise.all([shared.read('a', read), shared.read('a', read), shared.read('a', read), shared.read('b', read)]);
    expect(together).toEqual([1, 1, 1, 2]);
  });

  it('never hands a caller a read that started before it arrived', async () => {
    const shared = new SharedRead<string>();
    let release!: () => void;
    let state = 'before the write';
    const started: string[] = [];
    const slow = () => {
      started.push(state);
      return new Promise<string>((resolve) => (release = () => resolve(started.at(-1)!)));
    };
    const first = shared.read('k', slow);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['before the write']);
    // A write lands while the first read is under way; a caller arriving now must see it.
    state = 'after the write';
    const second = shared.read('k', slow);
    release();
    expect(await first).toBe('before the write');
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await second).toBe('after the write');
  });

  it('passes a failed read to every caller that joined it, and tries again for the next', async () => {
    const shared = new SharedRead<number>();
    const failing = shared.read('k', () => Promise.reject(new Error('database gone')));
    const joined = shared.read('k', () => Promise.resolve(1));
    await expect(failing).rejects.toThrow('database gone');
    await expect(joined).rejects.toThrow('database gone');
    expect(await shared.read('k', () => Promise.resolve(2))).toBe(2);
  });
});
