/**
 * What each event puts in the outbox, inside the event's own transaction: if the comment is saved, its
 * notifications are too, and if it is not, nothing is sent.
 */
import type { Transaction } from '@libsql/client';
import { alreadyQueued, cancelEmailsAbout, enqueue, eraseMessagesAbout } from '../store/outbox.ts';
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

/** A new comment: the writer's subscription, the reply email, moderator alerts, webhooks. */
export async function commentPosted(tx: Transaction, ctx: NotifyContext, id: number, subscribeAs: { email: string; lang: string } | null): Promise<void> {
  const comment = await commentRef(tx, id);
  if (!comment) return;
  if (subscribeAs && ctx.mail) await askToConfirm(tx, ctx, comment, subscribeAs.email, subscribeAs.lang);
  if (comment.status === 'approved') await replyPublished(tx, ctx, comment);
  await alertModerators(tx, ctx, comment);
  await webhooks(tx, ctx, 'comment.created', comment);
}

/**
 * A moderator changed a comment's status: whatever makes it visible (approving a held one, "not spam",
 * restoring) publishes it (reply email, webhook); deletion is announced.
 */
export async function commentModerated(tx: Transaction, ctx: NotifyContext, id: number, before: string, after: string): Promise<void> {
  if (before === after) return;
  const comment = await commentRef(tx, id);
  if (!comment) return;
  if (after === 'approved') {
    await replyPublished(tx, ctx, comment);
    await webhooks(tx, ctx, 'comment.approved', comment);
  }
  if (after === 'deleted') await webhooks(tx, ctx, 'comment.deleted', comment);
}

/** The writer's edit sent a published comment back to the moderators (a link too many, a blocked word). */
export async function commentHeldAgain(tx: Transaction, ctx: NotifyContext, id: number): Promise<void> {
  const comment = await commentRef(tx, id);
  if (comment) await alertModerators(tx, ctx, comment);
}

/** The writer deleted their own comment: emails about it that have not gone are not sent; webhooks hear of it. */
export async function commentDeletedByWriter(tx: Transaction, ctx: NotifyContext, id: number): Promise<void> {
  await cancelEmailsAbout(tx, id);
  const comment = await commentRef(tx, id);
  if (comment) await webhooks(tx, ctx, 'comment.deleted', comment);
}

/** Comments were erased: everything said of them in the outbox goes; webhooks hear of the deletion (no text). */
export async function commentsErased(tx: Transaction, ctx: NotifyContext, ids: number[]): Promise<void> {
  await eraseMessagesAbout(tx, ids);
  for (const id of ids) {
    const comment = await commentRef(tx, id);
    if (comment) await webhooks(tx, ctx, 'comment.deleted', comment);
  }
}

/**
 * The writer asked for reply emails. The answer does not say whether the address was confirmed before, so
 * that it tells nobody which addresses read the site.
 */
async function askToConfirm(tx: Transaction, ctx: NotifyContext, comment: CommentRef, email: string, lang: string): Promise<void> {
  const site = comment.page.site;
  const subscriber = await subscribe(tx, site, email, lang, ctx.now);
  if (subscriber.confirmed) return;
  if (subscriber.confirmSentAt !== null && ctx.now - subscriber.confirmSentAt < confirmAgainMs) return;
  const link = newSignInLink(ctx.base, ctx.secret);
  await saveEmailToken(tx, link.hash, site, email, ctx.now + confirmLinkMs);
  await markConfirmationSent(tx, site, email, ctx.now);
  await enqueue(tx, { channel: 'email', topic: 'confirm', site, recipient: email, message: confirmEmail(lang, comment.siteName, pageName(comment.page), link.url), commentId: comment.id }, ctx.now);
}

/** A reply became visible: its parent's writer hears of it, once, if they asked and confirmed. */
async function replyPublished(tx: Transaction, ctx: NotifyContext, reply: CommentRef): Promise<void> {
  if (!ctx.mail || reply.parentId === null) return;
  const to = await replySubscriber(tx, reply.parentId);
  // Held again by an edit and approved again: still one email.
  if (!to || to.email === reply.email || (await alreadyQueued(tx, 'reply', reply.id))) return;
  const site = reply.page.site;
  const known = await getSubscriber(tx, site, to.email);
  const message = replyEmail({
    lang: known?.lang ?? to.lang,
    site: reply.siteName,
    reply,
    unsubscribeThread: unsubscribeUrl(ctx.base, ctx.secret, { site, email: to.email, pageId: reply.page.id }),
    unsubscribeAll: unsubscribeUrl(ctx.base, ctx.secret, { site, email: to.email }),
  });
  await enqueue(tx, { channel: 'email', topic: 'reply', site, recipient: to.email, message, commentId: reply.id }, ctx.now);
}

async function alertModerators(tx: Transaction, ctx: NotifyContext, comment: CommentRef): Promise<void> {
  if (!ctx.mail || comment.authorAdminId !== null) return;
  const moderators = await moderatorsAlerted(tx, comment.status === 'pending' ? ['held', 'all'] : ['all']);
  for (const moderator of moderators) {
    await enqueue(tx, { channel: 'email', topic: 'moderator', site: comment.page.site, recipient: moderator.email, message: moderatorEmail(comment, `${ctx.base}/admin`), commentId: comment.id }, ctx.now);
  }
}

async function webhooks(tx: Transaction, ctx: NotifyContext, event: WebhookEvent, comment: CommentRef): Promise<void> {
  for (const hook of await webhooksFor(tx, comment.page.site, event)) {
    const body = webhookBody(hook.format, event, comment, ctx.now);
    await enqueue(tx, { channel: 'webhook', topic: event, site: comment.page.site, recipient: hook.url, message: { body, webhookId: hook.id, event }, commentId: comment.id }, ctx.now);
  }
}
