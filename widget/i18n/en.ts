/** English, the widget's default language: every word it shows. */

const plural = new Intl.PluralRules('en');

export const en = {
  comments: (n: number) => (plural.select(n) === 'one' ? '1 comment' : `${n.toLocaleString('en')} comments`),
  loading: 'Loading comments…',
  empty: 'Be the first to comment.',
  loadFailed: 'The comments could not be loaded.',
  retry: 'Retry',
  loadMore: 'Load more comments',
  moreReplies: (n: number) => (plural.select(n) === 'one' ? 'Show 1 more reply' : `Show ${n.toLocaleString('en')} more replies`),
  locked: 'This discussion is closed.',
  anonymous: 'Anonymous',
  deleted: '[deleted]',
  reply: 'Reply',
  replyingTo: 'Replying to',
  cancel: 'Cancel',
  comment: 'Comment',
  name: 'Name',
  email: 'Email (optional, never shown)',
  website: 'Website (optional)',
  post: 'Post comment',
  posting: 'Posting…',
  posted: 'Your comment was posted.',
  emptyBody: 'Write something first: the comment is empty.',
  networkError: 'The comments server could not be reached. Check your connection and try again.',
  serverError: 'Something went wrong on the comments server. Please try again.',
};

export type Messages = typeof en;
