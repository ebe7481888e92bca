import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Comment, ThreadResponse } from '../../shared/types.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server.ts';
import { tempDir } from '../helpers/temp.ts';

const dirs: string[] = [];
const servers: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function post(url: string, body: string, page = '/load'): Promise<{ status: number; id?: string }> {
  try {
    const res = await fetch(`${url}/api/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page, body }) });
    const data = (await res.json().catch(() => ({}))) as { comment?: { id: string } };
    return { status: res.status, id: data.comment?.id };
  } catch {
    return { status: 0 };
  }
}

/** Every comment of a page, following cursors. */
async function everything(url: string, page = '/load'): Promise<{ comments: Comment[]; count: number }> {
  const comments: Comment[] = [];
  let cursor: string | null = '';
  let count = 0;
  while (cursor !== null) {
    const res = (await (await fetch(`${url}/api/comments?page=${page}&limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json()) as ThreadResponse;
    comments.push(...res.comments);
    count = res.page.commentCount;
    cursor = res.nextCursor;
  }
  return { comments, count };
}

/** Posts from `workers` loops until `ms` pass or `stop()` says so; answers what was acknowledged. */
async function load(urls: string[], workers: number, ms: number, stop = () => false) {
  const acknowledged = new Map<string, string>();
  const statuses: number[] = [];
  const end = Date.now() + ms;
  let n = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (Date.now() < end && !stop()) {
        const body = `load ${w}-${n++}`;
        const res = await post(urls[n % urls.length]!, body);
        statuses.push(res.status);
        if (res.status === 201 && res.id) acknowledged.set(res.id, body);
      }
    }),
  );
  return { acknowledged, statuses };
}

describe('durability', () => {
  it('keeps every acknowledged comment when the server is killed mid-load (SIGKILL), with no duplicates', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = `file:${join(dir, 'crash.db')}`;
    const server = await startServerProcess(db);
    let killed = false;
    const loading = load([server.url], 8, 4000, () => killed);
    await new Promise((r) => setTimeout(r, 1500));
    await server.kill();
    killed = true;
    const { acknowledged, statuses } = await loading;
    expect(acknowledged.size).toBeGreaterThan(20);

    const again = await startServerProcess(db);
    servers.push(again);
    const { comments, count } = await everything(again.url);
    const stored = new Map(comments.map((c) => [c.id, c.html]));
    for (const [id, body] of acknowledged) expect(stored.get(id), `comment ${id} was acknowledged`).toBe(`<p>${body}</p>`);
    const bodies = comments.map((c) => c.html);
    expect(new Set(bodies).size, 'no comment stored twice').toBe(bodies.length);
    expect(count).toBe(comments.length);
    console.log(`crash test: ${statuses.length} posts sent, ${acknowledged.size} acknowledged, ${comments.length} found after restart`);
  }, 30_000);

  it('serves two processes on one database file: no 5xx, nothing lost, counts consistent', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = `file:${join(dir, 'shared.db')}`;
    const a = await startServerProcess(db);
    servers.push(a);
    const b = await startServerProcess(db);
    servers.push(b);
    const target = await post(a.url, 'vote on me');
    const votes = Array.from({ length: 24 }, (_, i) => ({ voter: `voter-${String(i).padStart(4, '0')}`, value: i % 3 === 0 ? -1 : 1 }));
    const voting = Promise.all(
      votes.map(({ voter, value }, i) =>
        fetch(`${[a, b][i % 2]!.url}/api/comments/${target.id}/vote`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ voter, value }),
        }).then((r) => r.status),
      ),
    );
    const [{ acknowledged, statuses }, voteStatuses] = await Promise.all([load([a.url, b.url], 8, 2500), voting]);
    expect(statuses.filter((s) => s >= 500 || s === 0)).toEqual([]);
    // All 24 voters share one address here (loopback), and one address is at most 5 voters on a comment:
    // the two processes must agree on that through the database.
    expect(voteStatuses.filter((s) => s === 200)).toHaveLength(5);
    expect(voteStatuses.filter((s) => s !== 200 && s !== 403)).toEqual([]);

    for (const server of [a, b]) {
      const { comments, count } = await everything(server.url);
      expect(comments.length).toBe(acknowledged.size + 1);
      expect(count).toBe(comments.length);
      const voted = comments.find((c) => c.id === target.id)!;
      expect(voted.upvotes + voted.downvotes).toBe(5);
    }
    console.log(`two processes: ${statuses.length} posts, ${acknowledged.size} acknowledged and found through both`);
  }, 30_000);
});
