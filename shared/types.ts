/** The wire contract: what the API sends and what its clients read. */

export type SortOrder = 'oldest' | 'newest' | 'best';
export const sortOrders: readonly SortOrder[] = ['oldest', 'newest', 'best'];

export type CommentStatus = 'approved' | 'pending' | 'deleted';

export interface CommentAuthor {
  /** Empty when the writer gave no name; clients show their own word for "Anonymous". */
  name: string;
  /** Only ever an http(s) URL. */
  website: string | null;
  /** A keyed hash of the writer's email or name: the seed of a generated picture. */
  avatar: string;
  badge: string | null;
}

export interface Comment {
  id: string;
  parentId: string | null;
  depth: number;
  author: CommentAuthor;
  /** Server-rendered, sanitised HTML: the only HTML a client ever inserts. */
  html: string;
  createdAt: string;
  editedAt: string | null;
  status: CommentStatus;
  score: number;
  upvotes: number;
  downvotes: number;
  /** Direct visible replies. */
  replyCount: number;
  replies: Comment[];
  /** Direct visible replies not included in `replies`. */
  moreReplies: number;
}

export interface PageInfo {
  key: string;
  title: string | null;
  url: string | null;
  locked: boolean;
  commentCount: number;
}

export interface ThreadResponse {
  page: PageInfo;
  comments: Comment[];
  nextCursor: string | null;
}

export interface RepliesResponse {
  comments: Comment[];
  nextCursor: string | null;
}

/** A linked comment's thread: its top-level ancestor with the replies down to it. */
export interface CommentContextResponse {
  page: PageInfo;
  comment: Comment;
}

export interface VoteResponse {
  score: number;
  upvotes: number;
  downvotes: number;
  myVote: -1 | 0 | 1;
}

export interface NewComment {
  site?: string;
  page: string;
  pageUrl?: string;
  pageTitle?: string;
  parentId?: string | null;
  author?: { name?: string; email?: string; website?: string };
  body: string;
}

export interface PostCommentResponse {
  comment: Comment;
  editToken: string;
  editableUntil: string;
}

export interface CountsResponse {
  counts: Record<string, number>;
}
