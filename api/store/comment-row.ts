/** The columns a public comment is read from, and the mapper from a row to the wire Comment. */
import type { Row } from '@libsql/client';
import type { Comment } from '../../shared/types.ts';

/** A comment may be shown to readers: approved, or a deleted placeholder that still holds replies. */
export const visible = "(c.status = 'approved' OR (c.status = 'deleted' AND c.reply_count > 0))";

export const commentColumns = `c.id, c.parent_id, c.depth, c.author_name, c.author_website, c.avatar, c.body_html,
  c.status, c.pinned, c.upvotes, c.downvotes, c.rank, c.reply_count, c.badge, c.created_at, c.edited_at, c.moderator_edited`;

/** The same columns for INSERT … RETURNING and UPDATE … RETURNING, which take no table alias. */
export const returningColumns = commentColumns.replaceAll('c.', '');

/** A comment with the keys that place it in a sorted list. */
export interface CommentWithKeys {
  comment: Comment;
  keys: { pinned: number; rank: number; created: number; id: number };
}

const iso = (ms: unknown) => new Date(Number(ms)).toISOString();

export function toComment(row: Row): CommentWithKeys {
  const deleted = row.status === 'deleted';
  const upvotes = Number(row.upvotes);
  const downvotes = Number(row.downvotes);
  const comment: Comment = {
    id: String(row.id),
    parentId: row.parent_id === null ? null : String(row.parent_id),
    depth: Number(row.depth),
    author: deleted
      ? { name: '', website: null, avatar: '', badge: null }
      : {
          name: String(row.author_name),
          website: row.author_website === null ? null : String(row.author_website),
          avatar: String(row.avatar),
          badge: row.badge === null ? null : String(row.badge),
        },
    html: deleted ? '' : String(row.body_html),
    createdAt: iso(row.created_at),
    editedAt: row.edited_at === null ? null : iso(row.edited_at),
    editedByModerator: Number(row.moderator_edited) === 1,
    // Readers never learn a comment was marked spam: to its writer it stays "awaiting moderation".
    status: deleted ? 'deleted' : row.status === 'approved' ? 'approved' : 'pending',
    score: upvotes - downvotes,
    upvotes,
    downvotes,
    replyCount: Number(row.reply_count),
    replies: [],
    // Until replies are loaded under it, every reply is one more to load.
    moreReplies: Number(row.reply_count),
  };
  return {
    comment,
    keys: { pinned: Number(row.pinned), rank: Number(row.rank), created: Number(row.created_at), id: Number(row.id) },
  };
}
