/** The widget's calls for writers (post, edit, delete, erase, preview, their held comments): they load with the form. */
import type { Comment, MineRequest, NewComment, PostCommentResponse } from '../shared/types.ts';
import { commentPath } from './api-client.ts';
import { json, request } from './http.ts';

export const postComment = (base: string, body: NewComment) => request<PostCommentResponse>(base, 'api/comments', json('POST', body));

export const editComment = (base: string, id: string, token: string, body: string) =>
  request<{ comment: Comment }>(base, commentPath(id), json('PATCH', { body }, token));

export const deleteComment = (base: string, id: string, token: string) =>
  request<null>(base, commentPath(id), json('DELETE', undefined, token));

export const getMine = (base: string, comments: MineRequest['comments']) =>
  request<{ comments: Comment[] }>(base, 'api/comments/mine', json('POST', { comments }));

export const erase = (base: string, comments: MineRequest['comments']) =>
  request<{ erased: number }>(base, 'api/comments/erase', json('POST', { comments }));

export const preview = (base: string, body: string) => request<{ html: string }>(base, 'api/preview', json('POST', { body }));
