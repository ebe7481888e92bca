/** Write: comments posted through POST /api/comments with every check on, and how many the database then holds. */
import { createClient } from '@libsql/client';
import { defaultSettings } from '../../api/store/sites.ts';
import type { ThreadResponse } from '../../shared/types.ts';
import { load, loadTogether, type LoadResult } from './load.ts';
import { connections, threadPath } from './read.ts';
import { figure, heading, int, summarise } from './report.ts';
import { seededDb } from './seed.ts';
import { parleyServer } from './servers.ts';

export const writeSeconds = Number(process.env.BENCH_WRITE_SECONDS ?? 10);
/** Every per-minute limit times this: the whole load comes from 127.0.0.1, one address. */
export const rateLimitFactor = 100_000;
export const writeEnv = { PARLEY_RATE_LIMITS: 'on', PARLEY_RATE_LIMIT_FACTOR: String(rateLimitFactor) };
const maxPosts = 100_000;

const writeHow =
  `POST /api/comments as the widget sends it (form token from a GET of the thread, honeypot empty, every body different), ` +
  `rate limits and the form-timing check on (PARLEY_RATE_LIMIT_FACTOR=${int(rateLimitFactor)} raises the per-minute limits, ` +
  `which still count every post in the database); the default site's settings: form shown at least ${defaultSettings.minSecondsToPost} s before posting, at most ` +
  `${defaultSettings.maxLinks} links, duplicates within ${defaultSettings.duplicateMinutes} min refused, synchronous=FULL; ` +
  `autocannon in its own process, ${connections} connections, after a 3 s warm-up on another page, as many posts as the warm-up's rate makes in ${writeSeconds} s (at most ${int(maxPosts)}), all answered before counting`;

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function formToken(url: string, page: string): Promise<string> {
  const res = await fetch(`${url}${threadPath(page)}`);
  return ((await res.json()) as ThreadResponse).formToken;
}

/** Proves the checks are on: a post without a token and one the moment the form was shown are refused. */
async function checksAreOn(url: string, page: string): Promise<void> {
  const base = { page, body: 'Too quick' };
  const missing = await post(url, base);
  const quick = await post(url, { ...base, formToken: await formToken(url, page) });
  if (missing.status !== 400 || quick.status !== 429) {
    throw new Error(`the write checks are not on: no token gave ${missing.status}, a fresh token gave ${quick.status}`);
  }
}

/**
 * Form tokens for `pages`, once the site's minimum seconds have passed since they were handed out; first it
 * proves the checks are on. A token stays good for a day, and every server process of one database accepts it.
 */
export async function readyTokens(url: string, pages: string[]): Promise<Map<string, string>> {
  await checksAreOn(url, pages[0]!);
  const tokens = new Map<string, string>();
  for (const page of pages) tokens.set(page, await formToken(url, page));
  await new Promise((resolve) => setTimeout(resolve, defaultSettings.minSecondsToPost * 1000 + 200));
  return tokens;
}

/**
 * `count` posts to `page` through every URL at once (one autocannon process per URL), stopped after
 * `limitSeconds` at the latest. Bounded by count, so that every post sent is answered before the figures are read:
 * autocannon stopped by its clock drops the answers in flight, which the database would then hold unacknowledged.
 */
export function postRun(urls: string[], page: string, token: string, count: number, limitSeconds: number): Promise<LoadResult> {
  const post = { site: 'default', page, pageTitle: 'Write benchmark', author: { name: 'Bench Writer' }, body: 'Posted by npm run bench, every check on.', formToken: token, hp: '' };
  const specs = urls.map((url) => ({
    urls: [`${url}/api/comments`],
    connections: Math.max(1, Math.round(connections / urls.length)),
    seconds: limitSeconds,
    maxRequests: Math.max(connections, Math.round(count / urls.length)),
    post,
    // Sampled every 100 ms: a run bounded by count ends at a sample, so its duration is this exact.
    sampleMs: 100,
  }));
  return specs.length === 1 ? load(specs[0]!) : loadTogether(specs);
}

/** Posts per second in a 3 s warm-up on `page`: the median of its 100 ms samples, steadier than the mean. */
export async function steadyRate(urls: string[], page: string, token: string): Promise<number> {
  const warm = await postRun(urls, page, token, maxPosts, 3);
  return warm.medianPerSecond;
}

/** How many posts make `seconds` at `rate`, within bounds. */
export const postsFor = (rate: number, seconds: number) => Math.min(maxPosts, Math.max(100, Math.round(rate * seconds)));

/** How many comments the page holds, read from the file once the servers are stopped. */
export async function storedOn(databaseUrl: string, page: string): Promise<number> {
  const db = createClient({ url: databaseUrl });
  try {
    const { rows } = await db.execute({ sql: "SELECT count(*) AS n FROM comments c JOIN pages p ON p.id = c.page_id WHERE p.site = 'default' AND p.key = ?", args: [page] });
    return Number(rows[0]!.n);
  } finally {
    db.close();
  }
}

export const acknowledged = (r: LoadResult) => r.statuses['201'] ?? 0;
const refusals = (r: LoadResult) =>
  Object.entries(r.statuses)
    .filter(([code]) => code !== '201')
    .map(([code, n]) => `${int(n)}× ${code}`)
    .join(', ') || 'none';

export async function writeSection(dir: string): Promise<void> {
  const db = await seededDb(dir, 'write', []);
  db.close();
  const page = '/bench/write';
  heading('Write: POST /api/comments', writeHow);
  const server = await parleyServer(db.url, writeEnv);
  let result: LoadResult;
  try {
    const warmPage = `${page}-warm-up`;
    const tokens = await readyTokens(server.url, [page, warmPage]);
    const rate = await steadyRate([server.url], warmPage, tokens.get(warmPage)!);
    result = await postRun([server.url], page, tokens.get(page)!, postsFor(rate, writeSeconds), writeSeconds * 3);
  } finally {
    await server.stop();
  }
  const stored = await storedOn(db.url, page);
  const posted = acknowledged(result);
  figure(
    'comments posted',
    `${int(posted / result.seconds)} /s   p50 ${result.p50} ms   p99 ${result.p99} ms`,
    `${int(posted)} answered 201 in ${result.seconds.toFixed(1)} s (median of its 100 ms samples: ${int(result.medianPerSecond)} /s); other answers: ${refusals(result)}`,
  );
  figure('in the database afterwards', `${int(stored)}`, stored === posted ? 'equal to the acknowledged posts' : `NOT equal to the ${int(posted)} acknowledged`);
  summarise({ section: 'write', figure: 'comments posted /s (p99)', value: `${int(posted / result.seconds)} (${result.p99} ms)` });
  summarise({ section: 'write', figure: 'stored = acknowledged', value: `${int(stored)} = ${int(posted)}`, target: { text: 'equal', met: posted > 0 && stored === posted } });
}

