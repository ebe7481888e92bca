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

const authorEmail = v.pipe(
  v.string('The email must be text.'),
  v.trim(),
  atMost(limits.emailChars, 'An email address'),
  v.check((s: string) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'That does not look like an email address.'),
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
}, 'The request body must be a JSON object.');

export type NewCommentInput = v.InferOutput<typeof newCommentSchema>;

export const editSchema = v.object({ body: commentBody }, 'The request body must be a JSON object.');

export const previewSchema = editSchema;

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
