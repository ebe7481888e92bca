/** A linked comment in context: its top-level ancestor, replies nested, the path down to it guaranteed. */
import type { Db } from '../db/client.ts';
import type { Comment } from '../../shared/types.ts';
import { commentColumns, toComment, visible } from './comment-row.ts';
import { getPage, type PageRow } from './pages.ts';
import { getSite } from './sites.ts';
import { withReplies } from './thread.ts';

export interface CommentInContext {
  site: string;
  page: PageRow;
  /** The top-level comment of the thread that holds the linked one. */
  root: Comment;
}

export async function commentInContext(db: Db, id: number): Promise<CommentInContext | null> {
  // The linked comment and every ancestor, nearest first; every one of them must be visible.
  const { rows } = await db.execute({
    sql: `WITH RECURSIVE chain (id, parent_id, n) AS (
            SELECT id, parent_id, 0 FROM comments WHERE id = ?
            UNION ALL
            SELECT c.id, c.parent_id, chain.n + 1 FROM comments c JOIN chain ON c.id = chain.parent_id
          )
          SELECT ${commentColumns}, p.site, p.key, ${visible} AS shown
          FROM chain JOIN comments c USING (id) JOIN pages p ON p.id = c.page_id ORDER BY chain.n`,
    args: [id],
  });
  if (rows.length === 0 || rows.some((r) => Number(r.shown) !== 1)) return null;
  const path = rows.map((r) => toComment(r).comment).reverse();
  const top = rows.at(-1)!;
  const site = await getSite(db, String(top.site));
  const page = await getPage(db, String(top.site), String(top.key), site?.settings.closeAfterDays ?? null, site?.settings.maxDepth);
  if (!page) return null;
  const [root] = await withReplies(db, [path[0]!]);
  graft(root!, path.slice(1));
  return { site: String(top.site), page, root: root! };
}

/** Makes sure each comment of `path` sits under the one before it, even past the nested-replies cap. */
function graft(parent: Comment, path: Comment[]): void {
  const [next, ...rest] = path;
  if (!next) return;
  let child = parent.replies.find((r) => r.id === next.id);
  if (!child) {
    child = next;
    parent.replies.push(child);
    parent.moreReplies = Math.max(0, parent.replyCount - parent.replies.length);
  }
  graft(child, rest);
}
