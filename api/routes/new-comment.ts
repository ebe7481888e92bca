/** Posting a comment: validated, checked against bans and the site's rules, held for moderation when the site says so. */
import { Hono } from 'hono';
import { newCommentSchema } from '../../shared/schemas.ts';
import type { PostCommentResponse } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readJson } from '../middleware/json-body.ts';
import { commentPosted } from '../notify/events.ts';
import { mailLanguage, notifyContext } from '../notify/context.ts';
import { renderComment } from '../render/markdown.ts';
import { clientIp } from '../security/client-ip.ts';
import { keyedHash, newToken } from '../security/hash.ts';
import { holdReason } from '../security/hold-policy.ts';
import { enforceLimit } from '../security/rate-limit.ts';
import { blockedPhrase, formWait } from '../security/spam.ts';
import { currentAdmin } from '../security/session.ts';
import { banFor } from '../store/bans.ts';
import { createComment, isKnownWriter } from '../store/comments.ts';
import { parse } from '../validate.ts';
import { requireSite } from './require-site.ts';

export function newCommentRoutes(deps: Deps): Hono {
  const { db, secret } = deps;
  const app = new Hono();

  app.post('/', async (c) => {
    const input = parse(newCommentSchema, await readJson(c));
    const site = await requireSite(c, deps, input.site);
    const { settings } = site;
    const moderator = await currentAdmin(c, deps);
    const name = input.author?.name || moderator?.name || '';
    if (settings.requireName && name === '') throw new ApiError('validation', 'Please give a name.', 'author.name');
    const email = input.author?.email?.toLowerCase() || null;
    if (input.notify && email === null) throw new ApiError('validation', 'Give your email address to get replies by email.', 'author.email');
    // Without mail set up there is nothing to subscribe to; the widget does not offer the box then.
    const notifyReplies = input.notify === true && email !== null && deps.config.mail !== null;
    const ip = clientIp(c, deps.config);
    const ipHash = ip === null ? null : keyedHash(secret, 'ip', ip);
    const now = Date.now();
    await enforceLimit(c, deps, 'post', site);

    if (!moderator) {
      // A field people never see: whatever fills it is a program. Refused, not silently dropped.
      if (settings.honeypot && input.hp) throw new ApiError('validation', 'This comment looks automated, so it was not posted.', 'hp');
      if (deps.config.rateLimits && settings.minSecondsToPost > 0) {
        const wait = formWait(secret, input.formToken, site.slug, input.page, settings.minSecondsToPost, now);
        if (wait === 'invalid') throw new ApiError('validation', 'The form has expired: reload the page and post again.', 'formToken');
        if (wait > 0) throw new ApiError('rate_limited', `That was quick: wait ${wait} seconds and post again.`, undefined, { 'Retry-After': String(wait) });
      }
      const ban = await banFor(db, { email, name, ipHash }, now);
      if (ban) {
        const until = ban.until ? ` until ${new Date(ban.until).toUTCString()}` : '';
        throw new ApiError('banned', `You cannot comment here${until}: a moderator has blocked this writer.`);
      }
    }

    const html = renderComment(input.body);
    const blocked = moderator ? null : blockedPhrase(settings.blocklist, `${name}\n${input.body}`);
    if (blocked !== null && settings.blocklistAction === 'refuse') {
      throw new ApiError('validation', 'The comment contains a word or phrase this site does not accept.', 'body');
    }
    const held = moderator
      ? null
      : holdReason({ settings, html, blocked, knownWriter: settings.moderation === 'first' && (await isKnownWriter(db, site.slug, email, ipHash)) });
    const editToken = newToken();
    const comment = await createComment(db, {
      site: site.slug,
      pageKey: input.page,
      pageUrl: input.pageUrl || null,
      pageTitle: input.pageTitle || null,
      parentId: input.parentId ? Number(input.parentId) : null,
      name,
      email,
      website: input.author?.website || null,
      avatar: keyedHash(secret, 'avatar', email ?? name.toLowerCase()).slice(0, 16),
      source: input.body,
      html,
      status: held ? 'pending' : 'approved',
      heldReason: held,
      authorAdminId: moderator?.id ?? null,
      badge: moderator ? 'moderator' : null,
      closeAfterDays: settings.closeAfterDays,
      duplicateMinutes: settings.duplicateMinutes,
      ipHash,
      editTokenHash: keyedHash(secret, 'edit-token', editToken),
      createdAt: now,
      notifyReplies,
    }, (tx, id) => commentPosted(tx, notifyContext(deps), id, notifyReplies ? { email: email!, lang: mailLanguage(input.lang) } : null));
    deps.outbox?.kick();
    const body: PostCommentResponse = {
      comment,
      editToken,
      editableUntil: new Date(now + settings.editWindowSeconds * 1000).toISOString(),
    };
    if (notifyReplies) body.notify = 'requested';
    return c.json(body, 201);
  });

  return app;
}
