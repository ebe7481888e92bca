/** What a webhook receives: Parley's own JSON, or a message Slack or Discord can post as it is. */
import type { WebhookFormat } from '../../shared/types.ts';
import type { CommentRef } from '../store/notify-targets.ts';
import type { WebhookEvent } from './message.ts';
import { commentLink, pageName } from './templates.ts';

const said: Record<WebhookEvent, string> = {
  'comment.created': 'New comment',
  'comment.approved': 'Comment approved',
  'comment.deleted': 'Comment deleted',
};

export function webhookBody(format: WebhookFormat, event: WebhookEvent, comment: CommentRef, deliveryAt: number): string {
  const link = commentLink(comment.page, comment.id);
  if (format === 'parley') {
    return JSON.stringify({
      event,
      createdAt: new Date(deliveryAt).toISOString(),
      site: comment.page.site,
      page: { key: comment.page.key, url: comment.page.url, title: comment.page.title },
      comment: {
        id: String(comment.id),
        parentId: comment.parentId === null ? null : String(comment.parentId),
        status: comment.status,
        author: { name: comment.name },
        body: event === 'comment.deleted' ? '' : comment.source,
        createdAt: new Date(comment.createdAt).toISOString(),
        url: link,
      },
    });
  }
  const held = comment.status === 'pending' ? ' (held for moderation)' : '';
  const headline = `${said[event]}${held} by ${comment.name || 'someone'} on “${pageName(comment.page)}”`;
  const quote = event === 'comment.deleted' ? '' : `\n> ${comment.source.slice(0, 500).replace(/\n/g, '\n> ')}`;
  const text = `${headline}${quote}${link ? `\n${link}` : ''}`;
  // Slack reads `text` as mrkdwn, Discord reads `content` as Markdown; neither may ping anyone from a comment.
  return format === 'slack'
    ? JSON.stringify({ text: escapeSlack(text) })
    : JSON.stringify({ content: [...text].slice(0, 1900).join(''), allowed_mentions: { parse: [] } });
}

/** Slack's control characters: `<` would start a link or a mention. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n&gt; /g, '\n> ').replace(/^&gt; /, '> ');
}
