import { afterEach, describe, expect, it } from 'vitest';
import { listReplies, listTopLevel } from '../../../api/store/thread.ts';
import { sortOrders, type SortOrder } from '../../../shared/types.ts';
import { freshDb, type TestDb } from '../../helpers/db.ts';

let t: TestDb;
afterEach(() => t.cleanup());

interface Row {
  id: number;
  pinned: number;
  rank: number;
  created: number;
  status: string;
  replyCount: number;
}

async function insert(pageId: number, row: Omit<Row, 'id'>, parentId: number | null = null): Promise<number> {
  const { rows } = await t.db.execute({
    sql: `INSERT INTO comments (page_id, parent_id, avatar, body_source, body_html, status, pinned, rank, reply_count, created_at)
          VALUES (?, ?, 'a', 'x', '<p>x</p>', ?, ?, ?, ?, ?) RETURNING id`,
    args: [pageId, parentId, row.status, row.pinned, row.rank, row.replyCount, row.created],
  });
  return Number(rows[0]!.id);
}

/** What each sort promises, written plainly: pinned first, then the sort's keys, ids breaking ties. */
const expected: Record<SortOrder, (a: Row, b: Row) => number> = {
  oldest: (a, b) => b.pinned - a.pinned || a.created - b.created || a.id - b.id,
  newest: (a, b) => b.pinned - a.pinned || b.created - a.created || b.id - a.id,
  best: (a, b) => b.pinned - a.pinned || b.rank - a.rank || a.created - b.created || a.id - b.id,
};

describe('paging top-level comments', () => {
  it('walks every sort without repeats or gaps through pins, equal times and equal ranks, showing only what readers see', async () => {
    t = await freshDb();
    await t.db.execute("INSERT INTO pages (site, key, created_at) VALUES ('default', '/p', 0)");
    const rows: Row[] = [];
    // Few distinct times and ranks, so ties are everywhere; more pinned comments than fit on a page.
    for (let i = 0; i < 40; i++) {
      const row = {
        pinned: i % 5 === 0 ? 1 : 0,
        rank: [0, 0.2, 0.5][i % 3]!,
        created: 1000 + (i % 4),
        status: i % 11 === 3 ? 'pending' : i % 13 === 4 ? 'deleted' : 'approved',
        replyCount: 0,
      };
      rows.push({ ...row, id: await insert(1, row) });
    }
    // A deleted comment that still holds a reply stays as a placeholder; the reply is not top-level.
    const holder = { pinned: 0, rank: 0, created: 1001, status: 'deleted', replyCount: 1 };
    const holderId = await insert(1, holder);
    rows.push({ ...holder, id: holderId });
    await insert(1, { pinned: 0, rank: 0, created: 1002, status: 'approved', replyCount: 0 }, holderId);
    const shown = rows.filter((r) => r.status === 'approved' || (r.status === 'deleted' && r.replyCount > 0));

    for (const sort of sortOrders) {
      for (const limit of [1, 3, 7, 200]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listTopLevel(t.db, 1, { sort, limit, cursor });
          expect(page.comments.length).toBeLessThanOrEqual(limit);
          seen.push(...page.comments.map((c) => c.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen, `${sort}, ${limit} a page`).toEqual([...shown].sort(expected[sort]).map((r) => String(r.id)));
      }
    }
  });

  it('pages a comment\'s replies oldest first, ties broken by id', async () => {
    t = await freshDb();
    await t.db.execute("INSERT INTO pages (site, key, created_at) VALUES ('default', '/p', 0)");
    const parent = await insert(1, { pinned: 0, rank: 0, created: 1, status: 'approved', replyCount: 9 });
    const ids: number[] = [];
    for (let i = 0; i < 9; i++) ids.push(await insert(1, { pinned: 0, rank: 0, created: 10 + (i % 2), status: 'approved', replyCount: 0 }, parent));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReplies(t.db, parent, { limit: 2, cursor });
      seen.push(...page.comments.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const byTime = ids.map((id, i) => ({ id, created: 10 + (i % 2) })).sort((a, b) => a.created - b.created || a.id - b.id);
    expect(seen).toEqual(byTime.map((r) => String(r.id)));
  });
});
