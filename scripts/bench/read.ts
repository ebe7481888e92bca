/** Read: a 200-comment thread's first page from Parley, against a bare node:http server sending the same bytes. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, warm, okShare, type LoadResult, type LoadSpec } from './load.ts';
import { figure, heading, int, ms, ratio, summarise, bytes } from './report.ts';
import { seededDb } from './seed.ts';
import { floorServer, parleyServer } from './servers.ts';

export const readSeconds = Number(process.env.BENCH_READ_SECONDS ?? 10);
export const connections = 10;

export const threadPath = (key: string, extra = '') => `/api/comments?site=default&page=${encodeURIComponent(key)}${extra}`;

export const describeLoad = (r: LoadResult) => `${int(r.perSecond)} req/s   p50 ${ms(r.p50)}   p99 ${ms(r.p99)}`;

/** Throws unless every response had the expected status: a figure of errors is no figure. */
export function expectStatus(r: LoadResult, status: string, what: string): void {
  if (okShare(r, status) < 1 || r.errors > 0) {
    throw new Error(`${what}: expected only ${status}, got ${JSON.stringify(r.statuses)} and ${r.errors} connection errors`);
  }
}

const headersKept = (res: Response) => {
  const kept: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)) kept[name] = value;
  });
  return kept;
};

export async function readSection(dir: string): Promise<void> {
  const key = '/bench/read-200';
  const db = await seededDb(dir, 'read', [{ keys: [key], comments: 200 }]);
  db.close();
  const server = await parleyServer(db.url);
  try {
    const first = await fetch(`${server.url}${threadPath(key)}`);
    const body = Buffer.from(await first.arrayBuffer());
    const etag = first.headers.get('etag');
    const bodyFile = join(dir, 'read-body.json');
    writeFileSync(bodyFile, body);
    const floor = await floorServer(bodyFile, headersKept(first));
    const count = (JSON.parse(body.toString()) as { comments: { replies: unknown[] }[] }).comments.reduce((n, c) => n + 1 + c.replies.length, 0);

    heading(
      `Read: GET ${threadPath(key)}`,
      `a 200-comment thread, first page (${count} comments, ${bytes(body.length)} of JSON, not compressed: autocannon does not ask for gzip); ` +
        `autocannon in its own process, ${connections} connections, ${readSeconds} s after a 2 s warm-up, over 127.0.0.1; the server is its own process`,
    );
    const spec = (url: string, headers?: Record<string, string>): LoadSpec => ({ urls: [`${url}${threadPath(key)}`], connections, seconds: readSeconds, ...(headers ? { headers } : {}) });

    await warm(spec(server.url));
    const parley = await load(spec(server.url));
    expectStatus(parley, '200', 'Parley read');
    figure('Parley (read cache on, the default)', describeLoad(parley), `${int(parley.responses)} responses, all 200`);

    // The same read with the read cache off: what every request costs when the database answers it.
    const uncachedServer = await parleyServer(db.url, { PARLEY_CACHE_MB: '0' });
    let uncached: LoadResult;
    try {
      await warm(spec(uncachedServer.url));
      uncached = await load(spec(uncachedServer.url));
      expectStatus(uncached, '200', 'uncached read');
    } finally {
      await uncachedServer.stop();
    }
    figure('Parley, read cache off (PARLEY_CACHE_MB=0)', describeLoad(uncached), 'every request reads the database and builds the JSON');

    await warm(spec(floor.url));
    const bare = await load(spec(floor.url));
    expectStatus(bare, '200', 'floor read');
    figure('floor: node:http, same bytes from memory', describeLoad(bare), 'the same body and headers, no routing, no database');
    await floor.stop();
    const share = parley.perSecond / bare.perSecond;
    figure('Parley / floor', ratio(share), 'requests per second; target at least 0.5');

    if (!etag) throw new Error('the thread read sent no ETag');
    const conditional = spec(server.url, { 'if-none-match': etag });
    await warm(conditional);
    const notModified = await load(conditional);
    expectStatus(notModified, '304', 'conditional read');
    figure('Parley, If-None-Match → 304', describeLoad(notModified), `the ETag of the first answer sent back; ${int(notModified.responses)} responses, all 304`);
    figure('304 / full read', ratio(notModified.perSecond / parley.perSecond));

    summarise({ section: 'read', figure: '200-comment thread, req/s (p99)', value: `${int(parley.perSecond)} (${ms(parley.p99)})` });
    summarise({ section: 'read', figure: 'same, read cache off, req/s (p99)', value: `${int(uncached.perSecond)} (${ms(uncached.p99)})` });
    summarise({ section: 'read', figure: 'floor node:http, req/s', value: int(bare.perSecond) });
    summarise({ section: 'read', figure: 'Parley / floor', value: ratio(share), target: { text: '≥ 0.5', met: share >= 0.5 } });
    summarise({ section: 'read', figure: 'If-None-Match → 304, req/s', value: int(notModified.perSecond) });
  } finally {
    await server.stop();
  }
}
