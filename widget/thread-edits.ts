/** A writer's own changes to a loaded thread (a reply placed, a held comment shown, a comment deleted): they load with the form. */
import type { Comment } from '../shared/types.ts';
import { findComment, updateComment } from './thread-tree.ts';

/** A reply the reader just posted, placed last under its parent. */
export function addReply(comments: Comment[], reply: Comment): Comment[] {
  return updateComment(comments, reply.parentId ?? '', (parent) => ({
    ...parent,
    replies: [...parent.replies, reply],
    replyCount: parent.replyCount + 1,
  }));
}

/** The reader's own comment awaiting moderation: placed where it belongs, counted nowhere. */
export function addPending(comments: Comment[], pending: Comment, newestFirst: boolean): Comment[] {
  if (findComment(comments, pending.id)) return comments;
  if (!pending.parentId) return newestFirst ? [pending, ...comments] : [...comments, pending];
  return updateComment(comments, pending.parentId, (parent) => ({ ...parent, replies: [...parent.replies, pending] }));
}

/**
 * A comment its writer deleted: with replies it stays as a placeholder; without, it goes, and so does
 * a placeholder above it that only stayed for it.
 */
export function removeComment(comments: Comment[], id: string): Comment[] {
  const target = findComment(comments, id);
  if (!target) return comments;
  if (target.replyCount > 0) {
    return updateComment(comments, id, (c) => ({ ...c, status: 'deleted', html: '', author: { ...c.author, name: '', website: null } }));
  }
  const without = updateComment(comments, id, () => null);
  if (!target.parentId) return without;
  const fewer = updateComment(without, target.parentId, (p) => ({ ...p, replyCount: Math.max(0, p.replyCount - 1) }));
  const parent = findComment(fewer, target.parentId);
  return parent?.status === 'deleted' && parent.replyCount === 0 ? removeComment(fewer, parent.id) : fewer;
}
