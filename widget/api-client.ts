/** The widget's calls to the Parley API: one typed line each over one request(). */
import { isErrorBody } from '../shared/errors.ts';
import type {
  Comment,
  CommentContextResponse,
  CountsResponse,
  NewComment,
  PostCommentResponse,
  RepliesResponse,
  SortOrder,
  ThreadResponse,
  VoteResponse,
} from '../shared/types.ts';

/** A failed call: the API's error code, or `network` when the server could not be reached. */
export class ApiClientError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function request<T>(base: string, path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, base), { credentials: 'omit', ...init });
  } catch {
    throw new ApiClientError('network', '');
  }
  const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.ok) return data as T;
  if (isErrorBody(data)) throw new ApiClientError(data.error.code, data.error.message, data.error.field);
  throw new ApiClientError('internal', '');
}

const query = (params: Record<string, string | string[] | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of [value ?? []].flat()) search.append(key, v);
  }
  return search.toString();
};

export const getThread = (base: string, q: { site?: string; page: string; sort?: SortOrder; cursor?: string }) =>
  request<ThreadResponse>(base, `api/comments?${query(q)}`);

export const getReplies = (base: string, id: string, cursor?: string) =>
  request<RepliesResponse>(base, `${commentPath(id)}/replies?${query({ cursor })}`);

const json = (method: string, body: unknown, token?: string): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  body: body === undefined ? undefined : JSON.stringify(body),
});

const commentPath = (id: string) => `api/comments/${encodeURIComponent(id)}`;

export const postComment = (base: string, body: NewComment) => request<PostCommentResponse>(base, 'api/comments', json('POST', body));

export const editComment = (base: string, id: string, token: string, body: string) =>
  request<{ comment: Comment }>(base, commentPath(id), json('PATCH', { body }, token));

export const deleteComment = (base: string, id: string, token: string) =>
  request<null>(base, commentPath(id), json('DELETE', undefined, token));

export const vote = (base: string, id: string, value: -1 | 0 | 1, voter: string) =>
  request<VoteResponse>(base, `${commentPath(id)}/vote`, json('POST', { value, voter }));

export const getContext = (base: string, id: string) => request<CommentContextResponse>(base, `${commentPath(id)}/context`);

export const preview = (base: string, body: string) => request<{ html: string }>(base, 'api/preview', json('POST', { body }));

export const getCounts = (base: string, site: string | undefined, pages: string[]) =>
  request<CountsResponse>(base, `api/counts?${query({ site, page: pages })}`);
