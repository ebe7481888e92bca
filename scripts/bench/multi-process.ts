/**
 * Multi-process: reads and writes with two server processes on one database file, against one. Both processes
 * run throughout; "1 process" sends load to the first only. The two take turns, round after round, so that other
 * work on the machine weighs on both alike; medians shown.
 */
import { load, warm, type LoadResult } from './load.ts';
import { connections, expectStatus, threadPath } from './read.ts';
import { figure, heading, int, median, ms, ratio, summarise } from './report.ts';
import { seededDb } from './seed.ts';
import { parleyServer, type Server } from './servers.ts';
import { acknowledged, postRun, postsFor, readyTokens, steadyRate, storedOn, writeEnv } from './write.ts';

const seconds = Number(process.env.BENCH_MULTI_SECONDS ?? 4);
const rounds = 3;

interface Config {
  name: string;
  servers: Server[];
  reads: LoadResult[];
  writes: LoadResult[];
  /** The thread its posts go to, and that thread's form token. */
  page: string;
  token: string;
}

const rate = (r: LoadResult, write: boolean) => (write ? acknowledged(r) : r.responses) / r.seconds;

function typical(results: LoadResult[], write: boolean) {
  return { perSecond: median(results.map((r) => rate(r, write))), p99: median(results.map((r) => r.p99)), all: results.map((r) => int(rate(r, write))).join(', ') };
}

export async function multiProcessSection(dir: string): Promise<void> {
  const key = '/bench/multi-200';
  const db = await seededDb(dir, 'multi', [{ keys: [key], comments: 200 }]);
  db.close();
  heading(
    'Multi-process: 1 and 2 server processes on one database file (WAL)',
    `reads: the 200-comment thread's first page, one autocannon process with ${connections} connections over the processes' ports, ${seconds} s; ` +
      `writes: as in Write (every check on), one autocannon process per server process, ${connections} connections in all, as many posts as ` +
      `${seconds} s at one process's warm-up rate, each answered before counting; both processes run throughout (rate limits raised as in Write, ` +
      `which reads never meet), 1 and 2 take turns for ${rounds} rounds, medians shown; the 2 cores also run the load generators`,
  );
  const servers = [await parleyServer(db.url, writeEnv), await parleyServer(db.url, writeEnv)];
  const configs: Config[] = [
    { name: '1 process', servers: servers.slice(0, 1), reads: [], writes: [], page: '/bench/multi-write-1', token: '' },
    { name: '2 processes', servers, reads: [], writes: [], page: '/bench/multi-write-2', token: '' },
  ];
  try {
    const readSpec = (c: Config) => ({ urls: c.servers.map((s) => `${s.url}${threadPath(key)}`), connections, seconds });
    for (const c of configs) await warm(readSpec(c));
    const warmPage = '/bench/multi-write-warm-up';
    const tokens = await readyTokens(servers[0]!.url, [...configs.map((c) => c.page), warmPage]);
    for (const c of configs) c.token = tokens.get(c.page)!;
    const posts = postsFor(await steadyRate([servers[0]!.url], warmPage, tokens.get(warmPage)!), seconds);
    for (let round = 0; round < rounds; round++) {
      for (const c of configs) {
        const read = await load(readSpec(c));
        expectStatus(read, '200', `read through ${c.name}`);
        c.reads.push(read);
        c.writes.push(await postRun(c.servers.map((s) => s.url), c.page, c.token, posts, seconds * 3));
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }

  const [one, two] = configs.map((c) => ({ ...c, read: typical(c.reads, false), write: typical(c.writes, true) })) as [Config & { read: ReturnType<typeof typical>; write: ReturnType<typeof typical> }, Config & { read: ReturnType<typeof typical>; write: ReturnType<typeof typical> }];
  figure('read, 1 process', `${int(one.read.perSecond)} req/s   p99 ${ms(one.read.p99)}`, `rounds: ${one.read.all} req/s`);
  figure('read, 2 processes', `${int(two.read.perSecond)} req/s   p99 ${ms(two.read.p99)}   ${ratio(two.read.perSecond / one.read.perSecond)}`, `rounds: ${two.read.all} req/s`);
  let consistent = true;
  for (const c of [one, two]) {
    const posted = c.writes.reduce((n, r) => n + acknowledged(r), 0);
    const refused = c.writes.reduce((n, r) => n + r.responses - acknowledged(r), 0);
    const stored = await storedOn(db.url, c.page);
    consistent &&= posted > 0 && stored === posted;
    const vs = c === two ? `   ${ratio(two.write.perSecond / one.write.perSecond)}` : '';
    figure(`write, ${c.name}`, `${int(c.write.perSecond)} posts/s   p99 ${ms(c.write.p99)}${vs}`, `rounds: ${c.write.all} posts/s; ${int(posted)} acknowledged, ${int(stored)} stored, ${int(refused)} refused`);
  }
  summarise({ section: 'multi', figure: 'read req/s, 1 → 2 processes', value: `${int(one.read.perSecond)} → ${int(two.read.perSecond)} (${ratio(two.read.perSecond / one.read.perSecond)})` });
  summarise({ section: 'multi', figure: 'posts/s, 1 → 2 processes', value: `${int(one.write.perSecond)} → ${int(two.write.perSecond)} (${ratio(two.write.perSecond / one.write.perSecond)})` });
  summarise({ section: 'multi', figure: 'stored = acknowledged, 1 and 2', value: consistent ? 'yes, every run' : 'NO', target: { text: 'equal', met: consistent } });
}
