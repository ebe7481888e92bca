/**
 * What each event puts in the outbox, inside the event's own transaction: if the comment is saved, its
 * notifications are too, and if it is not, nothing is sent.
 */
import type { Transaction } from '@libsql/client';
import { enqueue } from '../store/outbox.ts';
import { commentRef, moderatorsAlerted, replySubscriber, webhooksFor, type CommentRef } from '../store/notify-targets.ts';
import { getSubscriber, markConfirmationSent, saveEmailToken, subscribe } from '../store/subscribers.ts';
import type { WebhookEvent } from './message.ts';
import { confirmLinkMs, newSignInLink, unsubscribeUrl } from './links.ts';
import { confirmEmail, moderatorEmail, pageName, replyEmail } from './templates.ts';
import { webhookBody } from './webhook-payload.ts';

export interface NotifyContext {
  secret: string;
  /** This server's public origin, for the links in emails. */
  base: string;
  /** Whether email is configured: without it, no email is queued (webhooks still are). */
  mail: boolean;
  now: number;
}

/** A confirmation link is sent again only after this long, so a busy writer gets one, not one per comment. */
const confirmAgainMs = 24 * 3600 * 1000;

/**
 * A new comment: the writer's subscription, the reply email, moderator alerts, webhooks. Answers whether
 * the writer's reply emails are on, or wait for them to confirm their address.
 */
export async function commentPosted(tx: Transaction, ctx: NotifyContext, id: number, subscribeAs: { email: string; lang: string } | null): Promise<'on' | 'confirm' | null> {
  const comment = await commentRef(tx, id);
  if (!comment) return null;
  const subscription = subscribeAs && ctx.mail ? await askToConfirm(tx, ctx, comment, subscribeAs.email, subscribeAs.lang) : null;
  if (comment.status === 'approved') await replyPublished(tx, ctx, comment);
  await alertModerators(tx, ctx, comment);
  await webhooks(tx, ctx, 'comment.created', comment);
  return subscription;
}

/** A moderator changed a comment's status: approval publishes it (reply email, webhook), deletion is announced. */
export async function commentModerated(tx: Transaction, ctx: NotifyContext, id: number, before: string, after: string): Promise<void> {
  if (before === after) return;
  const comment = await commentRef(tx, id);
  if (!comment) return;
  if (after === 'approved' && before === 'pending') {
    await replyPublished(tx, ctx, comment);
    await webhooks(tx, ctx, 'comment.approved', comment);
  }
  if (after === 'deleted') await webhooks(tx, ctx, 'comment.deleted', comment);
}

/** The writer deleted their own comment. */
export async function commentDeletedByWriter(tx: Transaction, ctx: NotifyContext, id: number): Promise<void> {
  const comment = await commentRef(tx, id);
  if (comment) await webhooks(tx, ctx, 'comment.deleted', comment);
}

async function askToConfirm(tx: Transaction, ctx: NotifyContext, comment: CommentRef, email: string, lang: string): Promise<'on' | 'confirm'> {
  const site = comment.page.site;
  const subscriber = await subscribe(tx, site, email, lang, ctx.now);
  if (subscriber.confirmed) return 'on';
  if (subscriber.confirmSentAt !== null && ctx.now - subscriber.confirmSentAt < confirmAgainMs) return 'confirm';
  const link = newSignInLink(ctx.base, ctx.secret);
  await saveEmailToken(tx, link.hash, site, email, ctx.now + confirmLinkMs);
  await markConfirmationSent(tx, site, email, ctx.now);
  await enqueue(tx, { channel: 'email', topic: 'confirm', site, recipient: email, message: confirmEmail(lang, site, pageName(comment.page), link.url) }, ctx.now);
  return 'confirm';
}

/** A reply became visible: its parent's writer hears of it, once, if they asked and confirmed. */
async function replyPublished(tx: Transaction, ctx: NotifyContext, reply: CommentRef): Promise<void> {
  if (!ctx.mail || reply.parentId === null) return;
  const to = await replySubscriber(tx, reply.parentId);
  if (!to || to.email === reply.email) return;
  const site = reply.page.site;
  const known = await getSubscriber(tx, site, to.email);
  const message = replyEmail({
    lang: known?.lang ?? to.lang,
    site,
    reply,
    unsubscribeThread: unsubscribeUrl(ctx.base, ctx.secret, { site, email: to.email, pageId: reply.page.id }),
    unsubscribeAll: unsubscribeUrl(ctx.base, ctx.secret, { site, email: to.email }),
  });
  await enqueue(tx, { channel: 'email', topic: 'reply', site, recipient: to.email, message }, ctx.now);
}

async function alertModerators(tx: Transaction, ctx: NotifyContext, comment: CommentRef): Promise<void> {
  if (!ctx.mail || comment.authorAdminId !== null) return;
  const moderators = await moderatorsAlerted(tx, comment.status === 'pending' ? ['held', 'all'] : ['all']);
  for (const moderator of moderators) {
    await enqueue(tx, { channel: 'email', topic: 'moderator', site: comment.page.site, recipient: moderator.email, message: moderatorEmail(comment, `${ctx.base}/admin`) }, ctx.now);
  }
}

async function webhooks(tx: Transaction, ctx: NotifyContext, event: WebhookEvent, comment: CommentRef): Promise<void> {
  for (const hook of await webhooksFor(tx, comment.page.site, event)) {
    const body = webhookBody(hook.format, event, comment, ctx.now);
    await enqueue(tx, { channel: 'webhook', topic: event, site: comment.page.site, recipient: hook.url, message: { body, webhookId: hook.id, event } }, ctx.now);
  }
}
