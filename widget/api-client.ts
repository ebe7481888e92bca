/** The widget's calls to the Parley API: one typed line each over one request(). */
import { isErrorBody } from '../shared/errors.ts';
import type { CountsResponse, NewComment, PostCommentResponse, RepliesResponse, SortOrder, ThreadResponse } from '../shared/types.ts';

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
  request<RepliesResponse>(base, `api/comments/${encodeURIComponent(id)}/replies?${query({ cursor })}`);

export const postComment = (base: string, body: NewComment) =>
  request<PostCommentResponse>(base, 'api/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

export const getCounts = (base: string, site: string | undefined, pages: string[]) =>
  request<CountsResponse>(base, `api/counts?${query({ site, page: pages })}`);
