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
  /** The last edit was a moderator's, not the writer's. */
  editedByModerator: boolean;
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
  /** Replies deeper than this are shown without further indentation (the site's maxDepth). */
  maxDepth: number;
  /** The server emails replies (SMTP is set up): the form offers "Email me replies". */
  emailReplies?: boolean;
}

export interface ThreadResponse {
  page: PageInfo;
  /** Goes back with a post: proves the form was shown a few seconds before (the site's minSecondsToPost). */
  formToken: string;
  /** The order the comments come in: the one asked for, else the site's default. */
  sort: SortOrder;
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
  /** The thread's formToken. */
  formToken?: string;
  /** The honeypot: a field people never see and never fill. */
  hp?: string;
  /** "Email me replies" (needs author.email; confirmed by a link first). */
  notify?: boolean;
  /** The reader's language, for those emails. */
  lang?: string;
}

export interface PostCommentResponse {
  comment: Comment;
  editToken: string;
  /**
   * With "email me replies" (and mail set up): reply emails are asked for. Whether the address was confirmed
   * before is not said (that would tell anyone who reads the site); a new address has a link in its inbox.
   */
  notify?: 'requested';
  editableUntil: string;
}

/** The writer's own comments that readers do not see yet, found by their edit tokens. */
export interface MineRequest {
  comments: { id: string; token: string }[];
}

export interface CountsResponse {
  counts: Record<string, number>;
}

/** What moderators see of a comment: the public Comment and what readers never see. */
export interface AdminComment extends Omit<Comment, 'status' | 'replies'> {
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  /** The moderator sees the text of a deleted comment too, to restore it. */
  html: string;
  /** The Markdown as written, for a moderator's edit. */
  source: string;
  email: string | null;
  /** The start of the keyed hash of the writer's address: enough to compare and to ban. */
  ipHash: string | null;
  site: string;
  page: { key: string; title: string | null; url: string | null };
  pinned: boolean;
  /** Why moderation held the comment, if it did. */
  heldReason: string | null;
  moderatorEdited: boolean;
  replies: [];
}

export type ModerationAction = 'approve' | 'spam' | 'delete' | 'restore' | 'pin' | 'unpin';

export type BanKind = 'email' | 'name' | 'ip';

export interface Ban {
  id: string;
  kind: BanKind;
  value: string;
  reason: string;
  /** When the ban ends; null bans for good. */
  until: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface AuditEntry {
  id: string;
  admin: string;
  action: string;
  target: string;
  detail: string;
  createdAt: string;
}

export interface AdminPage extends Omit<PageInfo, 'maxDepth'> {
  site: string;
  pendingCount: number;
  createdAt: string;
}

export interface SiteInfo {
  slug: string;
  name: string;
  origins: string[];
  settings: SiteSettings;
}

export interface SiteSettings {
  moderation: 'none' | 'first' | 'all' | 'links';
  editWindowSeconds: number;
  requireName: boolean;
  maxDepth: number;
  defaultSort: SortOrder;
  closeAfterDays: number | null;
  /** Spam defences. */
  honeypot: boolean;
  minSecondsToPost: number;
  maxLinks: number;
  blocklist: string[];
  blocklistAction: 'hold' | 'refuse';
  duplicateMinutes: number;
  /** Rate limits per address, per minute. */
  postsPerMinute: number;
  votesPerMinute: number;
  editsPerMinute: number;
}

/** Notifications (README, Notifications): the outbox as the admin page shows it. */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxAttempt {
  at: string;
  ok: boolean;
  /** What the SMTP server or webhook receiver answered, or why it could not be reached. */
  response: string;
}

export interface OutboxEntry {
  id: number;
  channel: 'email' | 'webhook';
  /** What caused it: confirm, link, reply, moderator, digest, test, comment.created, … */
  topic: string;
  site: string | null;
  recipient: string;
  subject: string | null;
  status: OutboxStatus;
  attempts: OutboxAttempt[];
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NotificationStatus {
  /** Whether SMTP_URL is set: without it nothing is emailed. */
  mailConfigured: boolean;
  from: string | null;
  counts: Record<OutboxStatus, number>;
  /** The signed-in moderator's own alert setting. */
  alerts: ModeratorAlerts;
}

export type ModeratorAlerts = 'none' | 'held' | 'all' | 'digest';

export type WebhookFormat = 'parley' | 'slack' | 'discord';

export interface WebhookInfo {
  id: number;
  site: string;
  url: string;
  format: WebhookFormat;
  events: string[];
  /** Shared with the receiver to check the X-Parley-Signature header. */
  secret: string;
  createdAt: string;
}
