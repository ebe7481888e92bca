import { afterEach, describe, expect, it } from 'vitest';
import { visible } from '../../../api/store/comment-row.ts';
import { freshDb, type TestDb } from '../../helpers/db.ts';

let t: TestDb;
afterEach(() => t.cleanup());

const plan = async (sql: string, args: (string | number)[] = []) =>
  (await t.db.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })).rows.map((r) => String(r.detail)).join(' | ');

describe('the queries a reader waits on use indexes that fit them', () => {
  const cases: [string, string, (string | number)[]][] = [
    ['top-level comments, oldest first', `SELECT c.id FROM comments c WHERE c.page_id = ? AND c.parent_id IS NULL AND ${visible} ORDER BY c.pinned DESC, c.created_at ASC, c.id ASC LIMIT 51`, [1]],
    ['top-level comments, best first', `SELECT c.id FROM comments c WHERE c.page_id = ? AND c.parent_id IS NULL AND ${visible} ORDER BY c.pinned DESC, c.rank DESC, c.created_at ASC, c.id ASC LIMIT 51`, [1]],
    ['replies of a comment', `SELECT c.id FROM comments c WHERE c.parent_id = ? AND ${visible} ORDER BY c.created_at, c.id LIMIT 51`, [1]],
    ['a page by its key', 'SELECT id FROM pages WHERE site = ? AND key = ?', ['default', '/x']],
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
