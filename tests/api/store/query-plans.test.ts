import { afterEach, describe, expect, it } from 'vitest';
import { visible } from '../../../api/store/comment-row.ts';
import { duplicateSql } from '../../../api/store/comments.ts';
import { topLevelSql } from '../../../api/store/thread.ts';
import { sortOrders } from '../../../shared/types.ts';
import { freshDb, type TestDb } from '../../helpers/db.ts';

let t: TestDb;
afterEach(() => t.cleanup());

const plan = async (sql: string, args: (string | number)[] = []) =>
  (await t.db.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })).rows.map((r) => String(r.detail)).join(' | ');

describe('the queries a reader waits on use indexes that fit them', () => {
  const cases: [string, string, (string | number)[]][] = [
    ['replies of a comment', `SELECT c.id FROM comments c INDEXED BY comments_replies_shown WHERE c.parent_id = ? AND ${visible} ORDER BY c.created_at, c.id LIMIT 51`, [1]],
    ['a page by its key', 'SELECT id FROM pages WHERE site = ? AND key = ?', ['default', '/x']],
    [
      'what every thread read checks first: its site and page (or alias) with their versions',
      `SELECT s.settings, p.id, p.version FROM sites s LEFT JOIN pages p ON p.id = coalesce(
         (SELECT id FROM pages WHERE site = ?1 AND key = ?2), (SELECT page_id FROM page_aliases WHERE site = ?1 AND key = ?2))
       WHERE s.slug = ?1`,
      ['default', '/x'],
    ],
    ['counts of several pages', 'SELECT key, comment_count FROM pages WHERE site = ? AND key IN (?, ?)', ['default', '/a', '/b']],
    ['the moderation queue', "SELECT c.id FROM comments c WHERE c.status = 'pending' ORDER BY c.created_at DESC, c.id DESC LIMIT 51", []],
    ['a comment by its import id', "SELECT id FROM comments WHERE source_id = 'disqus:1'", []],
    ['votes of a comment', 'SELECT count(*) FROM votes WHERE comment_id = ?', [1]],
    [
      'the replies under a page of comments, at every depth',
      `WITH RECURSIVE tree (id) AS (SELECT c.id FROM comments c WHERE c.parent_id IN (1, 2) AND ${visible}
         UNION ALL SELECT c.id FROM tree t JOIN comments c INDEXED BY comments_replies ON c.parent_id = t.id WHERE ${visible} LIMIT 1000)
       SELECT c.id FROM comments c JOIN tree USING (id)`,
      [],
    ],
  ];
  for (const [what, sql, args] of cases) {
    it(what, async () => {
      t = await freshDb();
      const detail = await plan(sql, args);
      expect(detail, detail).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|USING PRIMARY KEY/);
      expect(detail, detail).not.toMatch(/SCAN (c|comments|pages|votes)\b(?! USING)/);
      // Looking comments up by status alone would read every comment of the database (but for the queue).
      if (!what.includes('queue')) expect(detail, detail).not.toMatch(/comments_queue/);
    });
  }
});

describe('a page of top-level comments is read from an index in its order, however deep the cursor', () => {
  const args = { page: 1, limit: 51, pinned: 0, rank: 0, created: 0, id: 0 };
  for (const sort of sortOrders) {
    for (const cursorPinned of [null, 0, 1]) {
      it(`${sort} first${cursorPinned === null ? '' : `, behind a cursor in the ${cursorPinned ? 'pinned' : 'unpinned'} comments`}`, async () => {
        t = await freshDb();
        const rows = (await t.db.execute({ sql: `EXPLAIN QUERY PLAN ${topLevelSql(sort, cursorPinned)}`, args })).rows.map((r) => String(r.detail));
        const searches = rows.filter((d) => d.startsWith('SEARCH c '));
        expect(searches.length, rows.join(' | ')).toBeGreaterThan(0);
        for (const search of searches) expect(search).toMatch(/USING INDEX comments_(top|best)_shown \(page_id=\? AND pinned=\?/);
        // The only sorting is of the few rows each range gave, never of the thread's comments.
        rows.forEach((detail, i) => {
          if (detail.startsWith('USE TEMP B-TREE')) expect(rows[i - 1], rows.join(' | ')).toMatch(/^SCAN \(subquery-\d+\)$/);
        });
      });
    }
  }
});

describe('the duplicate check inside every post reads the page\'s recent comments, not its whole thread', () => {
  it('looks comments up by page and time', async () => {
    t = await freshDb();
    const detail = await plan(duplicateSql, [1, 0, 'text', 'ip', 'a@example.com']);
    expect(detail, detail).toMatch(/^SEARCH comments USING INDEX comments_page_time \(page_id=\? AND created_at>\?\)$/);
  });
});
