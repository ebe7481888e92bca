/** Changes to a loaded thread, made immutably along the changed path so Lit re-renders what changed. */
import type { Comment } from '../shared/types.ts';

/** Applies `change` to the comment with `id`, wherever it is nested; `null` removes it. */
export function updateComment(comments: Comment[], id: string, change: (c: Comment) => Comment | null): Comment[] {
  let found = false;
  const next: Comment[] = [];
  for (const c of comments) {
    if (found) {
      next.push(c);
    } else if (c.id === id) {
      found = true;
      const changed = change(c);
      if (changed) next.push(changed);
    } else {
      const replies = updateComment(c.replies, id, change);
      found = replies !== c.replies;
      next.push(found ? { ...c, replies } : c);
    }
  }
  return found ? next : comments;
}

export function findComment(comments: Comment[], id: string): Comment | undefined {
  for (const c of comments) {
    if (c.id === id) return c;
    const inner = findComment(c.replies, id);
    if (inner) return inner;
  }
  return undefined;
}

/** Replies loaded through "show more", after the ones already there (skipping any already shown). */
export function appendReplies(comments: Comment[], parentId: string, more: Comment[], hasMore: boolean): Comment[] {
  return updateComment(comments, parentId, (parent) => {
    const shown = new Set(parent.replies.map((r) => r.id));
    const replies = [...parent.replies, ...more.filter((r) => !shown.has(r.id))];
    return { ...parent, replies, moreReplies: hasMore ? Math.max(0, parent.replyCount - replies.length) : 0 };
  });
}
