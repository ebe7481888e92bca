/** Request schemas shared by the API (which enforces them) and the widget (which checks before sending). */
import * as v from 'valibot';
import { limits } from './limits.ts';
import { sortOrders, type SortOrder } from './types.ts';
import { cleanLine, cleanText } from './text.ts';

const codePoints = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const atMost = (max: number, what: string) =>
  v.check((s: string) => codePoints(s) <= max, `${what} can be at most ${max.toLocaleString('en')} characters.`);

const isHttpUrl = (s: string) => {
  if (!URL.canParse(s)) return false;
  const { protocol } = new URL(s);
  return protocol === 'http:' || protocol === 'https:';
};

export const siteSlug = v.pipe(
  v.string('site must be text.'),
  v.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'site must be a slug: lowercase letters, digits, - and _.'),
);

export const pageKey = v.pipe(
  v.string('page must be text.'),
  v.transform(cleanLine),
  v.nonEmpty('page must not be empty.'),
  atMost(limits.pageKeyChars, 'A page key'),
);

/** A comment id as it appears in URLs and bodies: digits only. */
export const commentId = v.pipe(v.string('The comment id must be text.'), v.regex(/^[1-9][0-9]{0,17}$/, 'That is not a comment id.'));

const httpUrl = (max: number, what: string) =>
  v.pipe(
    v.string(`${what} must be text.`),
    v.trim(),
    atMost(max, what),
    v.check((s: string) => s === '' || isHttpUrl(s), `${what} must be an http(s) address.`),
  );

export const commentBody = v.pipe(
  v.string('The comment must be text.'),
  v.transform(cleanText),
  v.nonEmpty('Write something first: the comment is empty.'),
  atMost(limits.bodyChars, 'A comment'),
);

export const authorName = v.pipe(v.string('The name must be text.'), v.transform(cleanLine), atMost(limits.nameChars, 'A name'));

export const authorEmail = v.pipe(
  v.string('The email must be text.'),
  v.trim(),
  atMost(limits.emailChars, 'An email address'),
  // One plain address: no lists, groups or display names (",;:<>" would let one identity reach another inbox).
  v.check((s: string) => s === '' || /^[^\s@,;:<>()[\]\\"]+@[^\s@,;:<>()[\]\\"]+\.[^\s@,;:<>()[\]\\"]+$/.test(s), 'That does not look like an email address.'),
);

export const newCommentSchema = v.object({
  site: v.optional(siteSlug),
  page: pageKey,
  pageUrl: v.optional(httpUrl(limits.pageUrlChars, 'The page URL')),
  pageTitle: v.optional(v.pipe(v.string('The page title must be text.'), v.transform(cleanLine), atMost(limits.pageTitleChars, 'A page title'))),
  parentId: v.optional(v.nullable(commentId)),
  author: v.optional(
    v.object({
      name: v.optional(authorName),
      email: v.optional(authorEmail),
      website: v.optional(httpUrl(limits.websiteChars, 'The website')),
    }, 'author must be an object.'),
  ),
  body: commentBody,
  formToken: v.optional(v.pipe(v.string('formToken must be text.'), v.maxLength(200, 'That form token is not valid.'))),
  hp: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  /** "Email me replies": needs author.email; the address is confirmed by a link before any reply email. */
  notify: v.optional(v.boolean('notify must be true or false.')),
  /** The reader's language, for the emails they get (en when Parley does not speak it). */
  lang: v.optional(v.pipe(v.string('lang must be text.'), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'lang must be a language tag such as en or de-AT.'), v.maxLength(35))),
}, 'The request body must be a JSON object.');

export type NewCommentInput = v.InferOutput<typeof newCommentSchema>;

const origin = v.pipe(
  v.string('An origin must be text.'),
  v.trim(),
  v.check((s: string) => isHttpUrl(s) && new URL(s).origin === s.replace(/\/$/, ''), 'An origin is a scheme, host and port, such as https://blog.example.com.'),
  v.transform((s: string) => new URL(s).origin),
);

export const siteSettingsSchema = v.partial(
  v.object({
    moderation: v.picklist(['none', 'first', 'all', 'links'], 'moderation must be none, first, all or links.'),
    editWindowSeconds: v.pipe(v.number('editWindowSeconds must be a number.'), v.integer(), v.minValue(0), v.maxValue(7 * 24 * 3600, 'The edit window can be at most a week.')),
    requireName: v.boolean('requireName must be true or false.'),
    maxDepth: v.pipe(v.number('maxDepth must be a number.'), v.integer(), v.minValue(1), v.maxValue(20)),
    defaultSort: v.picklist(sortOrders as SortOrder[], 'defaultSort must be oldest, newest or best.'),
    closeAfterDays: v.nullable(v.pipe(v.number('closeAfterDays must be a number of days.'), v.integer(), v.minValue(1), v.maxValue(36500))),
    honeypot: v.boolean('honeypot must be true or false.'),
    minSecondsToPost: v.pipe(v.number('minSecondsToPost must be a number.'), v.integer(), v.minValue(0), v.maxValue(600)),
    maxLinks: v.pipe(v.number('maxLinks must be a number.'), v.integer(), v.minValue(0), v.maxValue(100)),
    blocklist: v.pipe(
      v.array(v.pipe(v.string(), v.transform(cleanLine), v.nonEmpty('A blocked word cannot be empty.'), atMost(100, 'A blocked word or phrase'))),
      v.maxLength(500, 'At most 500 blocked words and phrases.'),
    ),
    blocklistAction: v.picklist(['hold', 'refuse'], 'blocklistAction must be hold or refuse.'),
    duplicateMinutes: v.pipe(v.number('duplicateMinutes must be a number.'), v.integer(), v.minValue(0), v.maxValue(1440)),
    postsPerMinute: v.pipe(v.number('postsPerMinute must be a number.'), v.integer(), v.minValue(1), v.maxValue(10000)),
    votesPerMinute: v.pipe(v.number('votesPerMinute must be a number.'), v.integer(), v.minValue(1), v.maxValue(10000)),
    editsPerMinute: v.pipe(v.number('editsPerMinute must be a number.'), v.integer(), v.minValue(1), v.maxValue(10000)),
  }),
);

const siteName = v.pipe(v.string('The name must be text.'), v.transform(cleanLine), v.nonEmpty('The site needs a name.'), atMost(100, 'A site name'));

export const newSiteSchema = v.object({
  slug: siteSlug,
  name: v.optional(siteName),
  origins: v.optional(v.pipe(v.array(origin, 'origins must be a list.'), v.maxLength(50, 'At most 50 origins.')), []),
  settings: v.optional(siteSettingsSchema, {}),
});

export const siteChangeSchema = v.object({
  name: v.optional(siteName),
  origins: v.optional(v.pipe(v.array(origin, 'origins must be a list.'), v.maxLength(50, 'At most 50 origins.'))),
  settings: v.optional(siteSettingsSchema),
});

export const loginSchema = v.object({
  email: v.pipe(v.string('Give your email.'), v.trim(), v.nonEmpty('Give your email.'), v.maxLength(limits.emailChars)),
  password: v.pipe(v.string('Give your password.'), v.nonEmpty('Give your password.'), v.maxLength(1024)),
});

export const moderationActions = ['approve', 'spam', 'delete', 'restore', 'pin', 'unpin'] as const;

export const bulkSchema = v.object({
  ids: v.pipe(v.array(commentId, 'ids must be a list of comment ids.'), v.minLength(1, 'Select at least one comment.'), v.maxLength(200, 'At most 200 comments at once.')),
  action: v.picklist(moderationActions, 'action must be approve, spam, delete, restore, pin or unpin.'),
});

export const banSchema = v.object({
  kind: v.picklist(['email', 'name', 'ip'], 'kind must be email, name or ip.'),
  value: v.pipe(v.string('value must be text.'), v.transform(cleanLine), v.nonEmpty('Say what to ban.'), atMost(limits.emailChars, 'A banned value')),
  reason: v.optional(v.pipe(v.string(), v.transform(cleanLine), atMost(300, 'A reason')), ''),
  until: v.optional(v.nullable(v.pipe(v.string('until must be a date.'), v.isoTimestamp('until must be an ISO 8601 time such as 2030-01-01T00:00:00Z.')))),
});

export const pageMoveSchema = v.object({ site: v.optional(siteSlug), from: pageKey, to: pageKey });

export const pageLockSchema = v.object({ site: v.optional(siteSlug), page: pageKey, locked: v.boolean('locked must be true or false.') });

export const adminQuerySchema = v.object({
  status: v.optional(v.picklist(['pending', 'approved', 'spam', 'deleted'], 'status must be pending, approved, spam or deleted.')),
  site: v.optional(siteSlug),
  page: v.optional(pageKey),
  q: v.optional(v.pipe(v.string(), v.transform(cleanLine), atMost(200, 'A search'))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(limits.cursorChars))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'limit must be a whole number.'), v.transform(Number), v.minValue(1), v.maxValue(200))),
});

export const editSchema = v.object({ body: commentBody }, 'The request body must be a JSON object.');

export const previewSchema = editSchema;

export const mineSchema = v.object({
  comments: v.pipe(
    v.array(v.object({ id: commentId, token: v.pipe(v.string(), v.regex(/^[\w-]{20,128}$/, 'That is not an edit token.')) }), 'comments must be a list.'),
    v.maxLength(100, 'At most 100 comments at once.'),
  ),
});

export const voteSchema = v.object(
  {
    value: v.picklist([1, -1, 0], 'value must be 1 (up), -1 (down) or 0 (withdraw).'),
    /** A random id the widget keeps, so that readers behind one address vote apart. */
    voter: v.optional(v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/, 'voter must be 8 to 64 letters, digits, - or _.'))),
  },
  'The request body must be a JSON object.',
);

const pageSize = v.optional(
  v.pipe(
    v.string(),
    v.regex(/^\d{1,4}$/, 'limit must be a whole number.'),
    v.transform(Number),
    v.minValue(1, 'limit must be at least 1.'),
    v.maxValue(limits.pageSizeMax, `limit can be at most ${limits.pageSizeMax}.`),
  ),
);

const cursor = v.optional(v.pipe(v.string(), v.maxLength(limits.cursorChars, 'That cursor is not valid.')));

export const threadQuerySchema = v.object({
  site: v.optional(siteSlug),
  page: pageKey,
  sort: v.optional(v.picklist(sortOrders as SortOrder[], 'sort must be oldest, newest or best.')),
  limit: pageSize,
  cursor,
});

export const repliesQuerySchema = v.object({ limit: pageSize, cursor });

export interface Problem {
  message: string;
  field?: string;
}

/** The first problem with an input, worded for the person who sent it. */
export function firstProblem(issues: readonly v.BaseIssue<unknown>[]): Problem {
  const issue = issues[0];
  if (!issue) return { message: 'The request is not valid.' };
  const field = v.getDotPath(issue) ?? undefined;
  if (field && issue.received === 'undefined' && issue.kind === 'schema') {
    return { field, message: `${field} is required.` };
  }
  return field ? { field, message: issue.message } : { message: issue.message };
}

export const alertsSchema = v.object({
  alerts: v.picklist(['none', 'held', 'all', 'digest'], 'alerts must be none, held, all or digest.'),
}, 'The request body must be a JSON object.');

export const webhookEventNames = ['comment.created', 'comment.approved', 'comment.deleted'] as const;

export const webhookSchema = v.object({
  site: siteSlug,
  url: v.pipe(httpUrl(2000, 'The webhook URL'), v.nonEmpty('Give the webhook URL.')),
  format: v.optional(v.picklist(['parley', 'slack', 'discord'], 'format must be parley, slack or discord.'), 'parley'),
  events: v.optional(
    v.pipe(v.array(v.picklist(webhookEventNames, 'events are comment.created, comment.approved and comment.deleted.'), 'events must be a list.'), v.minLength(1, 'Choose at least one event.')),
    [...webhookEventNames],
  ),
}, 'The request body must be a JSON object.');

export const testEmailSchema = v.object({
  to: v.optional(authorEmail),
}, 'The request body must be a JSON object.');

export const outboxQuerySchema = v.object({
  status: v.optional(v.picklist(['queued', 'sending', 'sent', 'failed'], 'status must be queued, sending, sent or failed.')),
  channel: v.optional(v.picklist(['email', 'webhook'], 'channel must be email or webhook.')),
  before: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'before must be a message id.'), v.transform(Number))),
});
