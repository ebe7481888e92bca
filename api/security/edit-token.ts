/** Whether a request may change a comment: it carries the comment's edit token, within the edit window. */
import { ApiError } from '../errors.ts';
import type { OwnedComment } from '../store/own-comments.ts';
import { keyedHash, sameHash } from './hash.ts';

export function assertMayEdit(
  comment: OwnedComment,
  authorization: string | undefined,
  secret: string,
  editWindowSeconds: number,
  now: number,
): void {
  const token = /^Bearer\s+([\w-]{20,128})$/.exec(authorization ?? '')?.[1];
  if (!token || !comment.editTokenHash || !sameHash(keyedHash(secret, 'edit-token', token), comment.editTokenHash)) {
    throw new ApiError('unauthorized', 'Only the browser that wrote this comment can change it.');
  }
  if (now > comment.createdAt + editWindowSeconds * 1000) {
    throw new ApiError('forbidden', 'The time to change this comment has passed.');
  }
}
