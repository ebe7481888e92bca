/** Scale: a page read must cost the same in a database of a million comments, and deep in a 50,000-comment thread. */
import { statSync } from 'node:fs';
import type { ThreadResponse } from '../../shared/types.ts';
import { load, warm, type LoadResult } from './load.ts';
import { connections, expectStatus, threadPath } from './read.ts';
import { bytes, figure, heading, int, median, ms, note, ratio, summarise } from './report.ts';
import { seededDb, topLevelOf } from './seed.ts';
import { parleyServer } from './servers.ts';

const seconds = Number(process.env.BENCH_SCALE_SECONDS ?? 3);
const rounds = 3;
const bulkPages = 10_000;
const bulkComments = 100;
const bigThread = 50_000;
const small = '/bench/scale-50';
const small100 = '/bench/scale-100';
const big = '/bench/scale-50000';

/** The cursor of the thread's last page, found the way a reader gets there: following nextCursor (200 at a time). */
async function lastPageCursor(url: string, key: string): Promise<string> {
  const top = topLevelOf(bigThread);
  const lastPage = top % 50 || 50;
  let cursor: string | null = null;
  let seen = 0;
  while (seen < top - lastPage) {
    const step = Math.min(200, top - lastPage - seen);
    const res = await fetch(`${url}${threadPath(key, `&limit=${step}${cursor ? `&cursor=${cursor}` : ''}`)}`);
    const page = (await res.json()) as ThreadResponse;
    seen += page.comments.length;
    cursor = page.nextCursor;
    if (!cursor) throw new Error(`the thread ended after ${seen} top-level comments, not ${top}`);
  }
  return cursor!;
}

interface Target {
  name: string;
  url: string;
  path: string;
  /** Bytes of the answer, and the comments in it. */
  size: number;
  shown: number;
  runs: LoadResult[];
  /** The small-database read of the same size this one is compared with. */
  baseline?: Target;
}

async function target(name: string, url: string, path: string): Promise<Target> {
  const raw = Buffer.from(await (await fetch(`${url}${path}`)).arrayBuffer());
  const answer = JSON.parse(raw.toString()) as ThreadResponse;
  await warm({ urls: [`${url}${path}`], connections, seconds });
  return { name, url, path, size: raw.length, shown: answer.comments.reduce((n, c) => n + 1 + c.replies.length, 0), runs: [] };
}

/** The median run's figures, taken figure by figure. */
const typical = (t: Target) => ({ perSecond: median(t.runs.map((r) => r.perSecond)), p50: median(t.runs.map((r) => r.p50)), p99: median(t.runs.map((r) => r.p99)) });

export async function scaleSection(dir: string): Promise<void> {
  const bulkKeys = Array.from({ length: bulkPages }, (_, i) => `/bench/scale-page-${i + 1}`);
  heading(
    'Scale: the same reads in a small database and in one of a million comments',
    `GET ${threadPath('KEY')} (first pages: 50 top-level comments with their replies, 75 comments in all once a thread has 75), and a deep cursor ` +
      `(the last page of a ${int(bigThread)}-comment thread, reached by following nextCursor); one server per database, both running, ` +
      `read cache off (PARLEY_CACHE_MB=0) so that every request reads the database; ` +
      `autocannon in its own process, ${connections} connections, ${rounds} rounds of ${seconds} s per read, the reads taking turns ` +
      `(so that other work on the machine weighs on all of them alike), medians shown; a 2 s warm-up each; ` +
      `each big-database read is compared with the small-database read of the same number of comments`,
  );
  const started = performance.now();
  // Two threads in the small database: answers of 50 comments and of 75 (a first page once a thread has 75),
  // so every read in the big one is compared with a small-database read of the same size.
  const smallDb = await seededDb(dir, 'scale-small', [{ keys: [small], comments: 50 }, { keys: [small100], comments: bulkComments }]);
  smallDb.close();
  const bigDb = await seededDb(dir, 'scale-big', [
    { keys: bulkKeys, comments: bulkComments },
    { keys: [small], comments: 50 },
    { keys: [big], comments: bigThread },
  ]);
  bigDb.close();
  const total = bulkPages * bulkComments + 50 + bigThread;
  note(`generated in SQL in ${((performance.now() - started) / 1000).toFixed(1)} s: ${int(total)} comments on ${int(bulkPages + 2)} pages, ${(statSync(bigDb.file).size / 1e6).toFixed(0)} MB file`);

  // The read cache off: a repeated read would otherwise come from memory, and this is about the database.
  const smallServer = await parleyServer(smallDb.url, { PARLEY_CACHE_MB: '0' });
  const server = await parleyServer(bigDb.url, { PARLEY_CACHE_MB: '0' });
  try {
    const walk = performance.now();
    const cursor = await lastPageCursor(server.url, big);
    const walked = (performance.now() - walk) / 1000;
    const base50 = await target('50-comment thread, database of 150 comments', smallServer.url, threadPath(small));
    const base100 = await target(`${bulkComments}-comment thread, database of 150 comments`, smallServer.url, threadPath(small100));
    const targets = [
      base50,
      base100,
      { ...(await target(`the 50-comment thread, database of ${int(total)}`, server.url, threadPath(small))), baseline: base50 },
      { ...(await target(`a ${bulkComments}-comment page of ${int(bulkPages)}, first page`, server.url, threadPath(bulkKeys[bulkPages / 2]!))), baseline: base100 },
      { ...(await target(`${int(bigThread)}-comment thread, first page`, server.url, threadPath(big))), baseline: base100 },
      { ...(await target(`${int(bigThread)}-comment thread, last page`, server.url, threadPath(big, `&cursor=${cursor}`))), baseline: base50 },
    ];
    for (let round = 0; round < rounds; round++) {
      for (const t of targets) {
        const result = await load({ urls: [`${t.url}${t.path}`], connections, seconds });
        expectStatus(result, '200', `read of ${t.path}`);
        t.runs.push(result);
      }
    }
    for (const t of targets) {
      const m = typical(t);
      const share = t.baseline ? m.perSecond / typical(t.baseline).perSecond : 1;
      const line = `${int(m.perSecond)} req/s   p50 ${ms(m.p50)}   p99 ${ms(m.p99)}`;
      const against = t.baseline ? `; ratio to the ${t.baseline.shown}-comment answer of the small database` : '; a baseline';
      figure(t.name, t.baseline ? `${line}   ${ratio(share)}` : line, `${t.shown} comments, ${bytes(t.size)}; rounds: ${t.runs.map((r) => int(r.perSecond)).join(', ')} req/s${against}`);
      summarise({
        section: 'scale',
        figure: t.name.replace('database of', 'db of'),
        value: t.baseline ? `${int(m.perSecond)} (${ratio(share)}, p99 ${ms(m.p99)})` : `${int(m.perSecond)} req/s (p99 ${ms(m.p99)})`,
        ...(t.baseline ? { target: { text: `≥ 0.8× small db, ${t.shown} shown`, met: share >= 0.8 } } : {}),
      });
    }
    note(`(the last page's cursor took ${walked.toFixed(1)} s to reach: ${Math.ceil(topLevelOf(bigThread) / 200)} reads of up to 200 top-level comments)`);
  } finally {
    await Promise.all([smallServer.stop(), server.stop()]);
  }
}
