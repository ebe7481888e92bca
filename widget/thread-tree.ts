/** Changes to a loaded thread, made immutably along the changed path so Lit re-renders what changed. */
import type { Comment } from '../shared/types.ts';

/** Applies `change` to the comment with `id`, wherever it is nested. */
export function updateComment(comments: Comment[], id: string, change: (c: Comment) => Comment): Comment[] {
  let found = false;
  const next = comments.map((c) => {
    if (found) return c;
    if (c.id === id) {
      found = true;
      return change(c);
    }
    const replies = updateComment(c.replies, id, change);
    if (replies === c.replies) return c;
    found = true;
    return { ...c, replies };
  });
  return found ? next : comments;
}

/** A reply the reader just posted, placed last under its parent. */
export function addReply(comments: Comment[], reply: Comment): Comment[] {
  return updateComment(comments, reply.parentId ?? '', (parent) => ({
    ...parent,
    replies: [...parent.replies, reply],
    replyCount: parent.replyCount + 1,
  }));
}

/** Replies loaded through "show more", after the ones already there (skipping any already shown). */
export function appendReplies(comments: Comment[], parentId: string, more: Comment[], hasMore: boolean): Comment[] {
  return updateComment(comments, parentId, (parent) => {
    const shown = new Set(parent.replies.map((r) => r.id));
    const replies = [...parent.replies, ...more.filter((r) => !shown.has(r.id))];
    return { ...parent, replies, moreReplies: hasMore ? Math.max(0, parent.replyCount - replies.length) : 0 };
  });
}
