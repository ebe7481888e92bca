/** The widget's calls to the Parley API for reading (and voting): one typed line each over one request(). */
import type { CommentContextResponse, CountsResponse, RepliesResponse, SortOrder, ThreadResponse, VoteResponse } from '../shared/types.ts';
import { json, query, request } from './http.ts';

export const commentPath = (id: string) => `api/comments/${encodeURIComponent(id)}`;

export const getThread = (base: string, q: { site?: string; page: string; sort?: SortOrder; cursor?: string }) =>
  request<ThreadResponse>(base, `api/comments?${query(q)}`);

export const getReplies = (base: string, id: string, cursor?: string) =>
  request<RepliesResponse>(base, `${commentPath(id)}/replies?${query({ cursor })}`);

export const vote = (base: string, id: string, value: -1 | 0 | 1, voter: string) =>
  request<VoteResponse>(base, `${commentPath(id)}/vote`, json('POST', { value, voter }));

export const getContext = (base: string, id: string) => request<CommentContextResponse>(base, `${commentPath(id)}/context`);

export const getCounts = (base: string, site: string | undefined, pages: string[]) =>
  request<CountsResponse>(base, `api/counts?${query({ site, page: pages })}`);
