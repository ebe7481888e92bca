/** Reading threads: a page of top-level comments or of one comment's replies, each with its replies nested. */
import type { Db } from '../db/client.ts';
import type { Comment, SortOrder } from '../../shared/types.ts';
import { commentColumns, toComment, visible, type CommentWithKeys } from './comment-row.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/** At most this many nested replies come with one page; the rest are counted in `moreReplies`. */
const nestedRepliesCap = 1000;
/** And at most this many under any one comment: long reply chains load through "Show N more replies". */
export const repliesPerComment = 20;

/** Cursor kinds: one per sort order of top-level comments, one for replies. */
const cursorKind: Record<SortOrder | 'replies', number> = { oldest: 1, newest: 2, best: 3, replies: 4 };

/**
 * Each sort orders pinned comments first, then by its keys. The index it reads (migration 008) holds only the
 * comments readers see, in that order within each pinned group, so a page is read from the index without
 * sorting the thread: top-level comments are read as a few ranges, one per pinned group (and per rank for
 * `best` behind a cursor), each taken in index order and limited, merged by an ORDER BY over those few rows.
 */
const sorts: Record<SortOrder, { index: string; orderBy: string[]; after: string[]; keys: (k: CommentWithKeys['keys']) => number[] }> = {
  oldest: {
    index: 'comments_top_shown',
    orderBy: ['created_at', 'id'],
    after: ['(c.created_at, c.id) > (:created, :id)'],
    keys: (k) => [k.pinned, k.created, k.id],
  },
  newest: {
    index: 'comments_top_shown',
    orderBy: ['created_at DESC', 'id DESC'],
    after: ['(c.created_at, c.id) < (:created, :id)'],
    keys: (k) => [k.pinned, k.created, k.id],
  },
  best: {
    index: 'comments_best_shown',
    orderBy: ['rank DESC', 'created_at', 'id'],
    after: ['c.rank = :rank AND (c.created_at, c.id) > (:created, :id)', 'c.rank < :rank'],
    keys: (k) => [k.pinned, k.rank, k.created, k.id],
  },
};

/** The query for a page of top-level comments; `cursorPinned` is the pinned key of the cursor, if there is one. */
export function topLevelSql(sort: SortOrder, cursorPinned: number | null): string {
  const { index, orderBy, after } = sorts[sort];
  const ranges = cursorPinned === null
    ? ['c.pinned = 1', 'c.pinned = 0']
    : [...after.map((a) => `c.pinned = :pinned AND ${a}`), ...(cursorPinned !== 0 ? ['c.pinned = 0'] : [])];
  const range = (where: string) =>
    `SELECT * FROM (SELECT ${commentColumns} FROM comments c INDEXED BY ${index}
       WHERE c.page_id = :page AND c.parent_id IS NULL AND ${visible} AND ${where}
       ORDER BY ${orderBy.map((o) => `c.${o}`).join(', ')} LIMIT :limit)`;
  return `${ranges.map(range).join(' UNION ALL ')} ORDER BY pinned DESC, ${orderBy.join(', ')} LIMIT :limit`;
}

export interface CommentPage {
  comments: Comment[];
  nextCursor: string | null;
}

export async function listTopLevel(
  db: Db,
  pageId: number,
  opts: { sort: SortOrder; limit: number; cursor: string | undefined },
): Promise<CommentPage> {
  const sort = sorts[opts.sort];
  const args: Record<string, number> = { page: pageId, limit: opts.limit + 1 };
  let cursorPinned: number | null = null;
  if (opts.cursor) {
    const keys = decodeCursor(opts.cursor, opts.sort === 'best' ? 4 : 3, cursorKind[opts.sort]);
    const [pinned, ...rest] = keys as [number, ...number[]];
    cursorPinned = pinned;
    Object.assign(args, opts.sort === 'best'
      ? { pinned, rank: rest[0], created: rest[1], id: rest[2] }
      : { pinned, created: rest[0], id: rest[1] });
  }
  const { rows } = await db.execute({ sql: topLevelSql(opts.sort, cursorPinned), args });
  return pageOf(db, rows.map(toComment), opts.limit, sort.keys, cursorKind[opts.sort]);
}

/** The site of a comment readers may see, or null: replies are only listed under such a comment. */
export async function siteOfVisibleComment(db: Db, id: number): Promise<string | null> {
  const { rows } = await db.execute({
    sql: `SELECT p.site FROM comments c JOIN pages p ON p.id = c.page_id WHERE c.id = ? AND ${visible}`,
    args: [id],
  });
  return rows[0] ? String(rows[0].site) : null;
}

export async function listReplies(
  db: Db,
  parentId: number,
  opts: { limit: number; cursor: string | undefined },
): Promise<CommentPage> {
  const args: Record<string, number> = { parent: parentId, limit: opts.limit + 1 };
  if (opts.cursor) {
    const [created, id] = decodeCursor(opts.cursor, 2, cursorKind.replies) as [number, number];
    Object.assign(args, { created, id });
  }
  const { rows } = await db.execute({
    sql: `SELECT ${commentColumns} FROM comments c INDEXED BY comments_replies_shown
          WHERE c.parent_id = :parent AND ${visible} ${opts.cursor ? 'AND (c.created_at, c.id) > (:created, :id)' : ''}
          ORDER BY c.created_at, c.id LIMIT :limit`,
    args,
  });
  return pageOf(db, rows.map(toComment), opts.limit, (k) => [k.created, k.id], cursorKind.replies);
}

/** Rows fetched with one extra to tell whether more follow: the page, its replies, and the next cursor. */
async function pageOf(
  db: Db,
  rows: CommentWithKeys[],
  limit: number,
  keys: (k: CommentWithKeys['keys']) => number[],
  kind: number,
): Promise<CommentPage> {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    comments: await withReplies(db, page.map((r) => r.comment)),
    nextCursor: more && last ? encodeCursor(keys(last.keys), kind) : null,
  };
}

/**
 * Fills in the replies of `roots` at every depth with one query, breadth first up to the cap.
 * The recursive step names its index: left alone, SQLite's planner can choose to scan every comment of that
 * status in the database for each step (tests/api/store/query-plans.test.ts keeps it honest).
 */
export async function withReplies(db: Db, roots: Comment[]): Promise<Comment[]> {
  const withChildren = roots.filter((r) => r.replyCount > 0);
  if (withChildren.length > 0) {
    const { rows } = await db.execute({
      sql: `WITH RECURSIVE tree (id) AS (
              SELECT c.id FROM comments c WHERE c.parent_id IN (${withChildren.map(() => '?').join(', ')}) AND ${visible}
              UNION ALL
              SELECT c.id FROM tree t JOIN comments c INDEXED BY comments_replies ON c.parent_id = t.id WHERE ${visible}
              LIMIT ${nestedRepliesCap}
            )
            SELECT ${commentColumns} FROM comments c JOIN tree USING (id) ORDER BY c.created_at, c.id`,
      args: withChildren.map((r) => Number(r.id)),
    });
    // Rows come oldest first, so each parent's replies are pushed in display order.
    const nested = rows.map((row) => toComment(row).comment);
    const byId = new Map([...roots, ...nested].map((c) => [c.id, c]));
    for (const comment of nested) {
      const parent = byId.get(comment.parentId ?? '');
      // A reply past the cap is left out, and with it everything under it.
      if (parent && parent.replies.length < repliesPerComment) parent.replies.push(comment);
      else byId.delete(comment.id);
    }
  }
  setMoreReplies(roots);
  return roots;
}

function setMoreReplies(comments: Comment[]): void {
  for (const comment of comments) {
    comment.moreReplies = Math.max(0, comment.replyCount - comment.replies.length);
    setMoreReplies(comment.replies);
  }
}
