/**
 * Every email as plain text and HTML. All user text (names, comments, page titles) is escaped in the HTML
 * version; no images, no tracking, no remote resources: a link is the only thing that leaves the email.
 */
import type { CommentRef, DigestSummary } from '../store/notify-targets.ts';
import type { EmailMessage } from './message.ts';
import { fill, mailStrings } from './strings.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A page's name for people: its title, else its address. */
export function pageName(page: { title: string | null; url: string | null; key: string }): string {
  return page.title || page.url || page.key;
}

/** Where a comment can be read: the article's URL with the widget's #comment-ID anchor, when the URL is known. */
export function commentLink(page: { url: string | null }, id: number): string | null {
  return page.url ? `${page.url.split('#')[0]}#comment-${id}` : null;
}

interface Block {
  text: string;
  /** Quoted user text: shown as a block quote, line breaks kept. */
  quote?: boolean;
  link?: string;
  small?: boolean;
}

function compose(subject: string, blocks: Block[], headers?: Record<string, string>): EmailMessage {
  const text = blocks.map((b) => (b.link ? `${b.text}:\n${b.link}` : b.quote ? b.text.split('\n').map((l) => `> ${l}`).join('\n') : b.text)).join('\n\n');
  const body = blocks
    .map((b) => {
      const words = escapeHtml(b.text).replace(/\n/g, '<br>');
      if (b.link) return `<p><a href="${escapeHtml(b.link)}">${words}</a></p>`;
      if (b.quote) return `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${words}</blockquote>`;
      return b.small ? `<p style="color:#666;font-size:13px">${words}</p>` : `<p>${words}</p>`;
    })
    .join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:36em">\n${body}\n</body></html>`;
  return headers ? { subject, text: `${text}\n`, html, headers } : { subject, text: `${text}\n`, html };
}

/** Long comments are cut in emails; the link leads to the whole. */
function excerpt(source: string, max = 1200): string {
  return source.length > max ? `${source.slice(0, max)}…` : source;
}

export function confirmEmail(lang: string, site: string, page: string, link: string): EmailMessage {
  const t = mailStrings(lang);
  return compose(fill(t.confirmSubject, { site }), [
    { text: fill(t.confirmIntro, { page, site }) },
    { text: t.confirmAction, link },
    { text: t.confirmIgnore, small: true },
  ]);
}

export function signInEmail(lang: string, site: string, link: string): EmailMessage {
  const t = mailStrings(lang);
  return compose(fill(t.linkSubject, { site }), [{ text: fill(t.linkIntro, { site }) }, { text: t.manageContinue, link }]);
}

export interface ReplyMail {
  lang: string;
  site: string;
  reply: CommentRef;
  /** One-click unsubscribe addresses (GET shows a confirmation page; POST unsubscribes, RFC 8058). */
  unsubscribeThread: string;
  unsubscribeAll: string;
}

export function replyEmail({ lang, site, reply, unsubscribeThread, unsubscribeAll }: ReplyMail): EmailMessage {
  const t = mailStrings(lang);
  const values = { name: reply.name || '—', page: pageName(reply.page), site };
  const link = commentLink(reply.page, reply.id);
  const blocks: Block[] = [{ text: fill(t.replyIntro, values) }, { text: excerpt(reply.source), quote: true }];
  if (link) blocks.push({ text: t.replyOpen, link });
  blocks.push(
    { text: fill(t.footer, values), small: true },
    { text: t.unsubscribeThread, link: unsubscribeThread },
    { text: fill(t.unsubscribeAll, values), link: unsubscribeAll },
  );
  return compose(fill(t.replySubject, values), blocks, {
    'List-Unsubscribe': `<${unsubscribeThread}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  });
}

export function moderatorEmail(comment: CommentRef, adminUrl: string): EmailMessage {
  const held = comment.status === 'pending';
  const page = pageName(comment.page);
  const who = comment.email ? `${comment.name || 'Someone'} <${comment.email}>` : comment.name || 'Someone';
  const subject = held ? `[${comment.page.site}] Held for moderation: a comment on “${page}”` : `[${comment.page.site}] New comment on “${page}”`;
  const link = commentLink(comment.page, comment.id);
  const blocks: Block[] = [
    { text: `${who} ${held ? 'wrote a comment that waits for a moderator' : 'commented'} on “${page}”:` },
    { text: excerpt(comment.source), quote: true },
    { text: held ? 'Approve or remove it on the admin page' : 'Open the admin page', link: adminUrl },
  ];
  if (link && !held) blocks.push({ text: 'Read it on the page', link });
  blocks.push({ text: 'You get these emails because of your alert setting on the admin page, where you can change it.', small: true });
  return compose(subject, blocks);
}

export function digestEmail(summary: DigestSummary, adminUrl: string): EmailMessage {
  const subject = `[Parley] ${summary.total} new comment${summary.total === 1 ? '' : 's'} today, ${summary.pending} waiting for a moderator`;
  const blocks: Block[] = [{ text: `Since the last digest: ${summary.total} new comments, ${summary.pending} of them held for moderation.` }];
  for (const c of summary.recent) {
    blocks.push({ text: `${c.status === 'pending' ? '[held] ' : ''}${c.name || 'Someone'} on “${pageName(c.page)}” (${c.page.site}):` }, { text: excerpt(c.source, 300), quote: true });
  }
  if (summary.total > summary.recent.length) blocks.push({ text: `…and ${summary.total - summary.recent.length} more.` });
  blocks.push({ text: 'Open the admin page', link: adminUrl }, { text: 'You get this daily digest because of your alert setting on the admin page.', small: true });
  return compose(subject, blocks);
}

export function testEmail(adminUrl: string): EmailMessage {
  return compose('Parley test email', [
    { text: 'If you can read this, Parley can send email: reply notifications, confirmation links and moderator alerts will arrive.' },
    { text: 'The outbox on the admin page', link: adminUrl },
  ]);
}
