/** A writer's edit of their own comment, whoever proved it is theirs: it meets the same rules as a new comment. */
import type { Context } from 'hono';
import type { Comment } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { notifyContext } from '../notify/context.ts';
import { commentHeldAgain } from '../notify/events.ts';
import { renderComment } from '../render/markdown.ts';
import { clientIp } from '../security/client-ip.ts';
import { keyedHash } from '../security/hash.ts';
import { holdReason } from '../security/hold-policy.ts';
import { blockedPhrase } from '../security/spam.ts';
import { banFor } from '../store/bans.ts';
import { updateBody, type OwnedComment } from '../store/own-comments.ts';
import type { Site } from '../store/sites.ts';

export async function writerEdit(c: Context, deps: Deps, owned: OwnedComment, site: Site, body: string, now: number): Promise<Comment> {
  // Bans, blocked words, links: an edit that the rules would hold goes back to the moderators.
  const ip = clientIp(c, deps.config);
  if (await banFor(deps.db, { email: owned.email, name: owned.name, ipHash: ip === null ? null : keyedHash(deps.secret, 'ip', ip) }, now)) {
    throw new ApiError('banned', 'You cannot change comments here: a moderator has blocked this writer.');
  }
  const { settings } = site;
  const blocked = blockedPhrase(settings.blocklist, body);
  if (blocked !== null && settings.blocklistAction === 'refuse') {
    throw new ApiError('validation', 'The comment contains a word or phrase this site does not accept.', 'body');
  }
  const html = renderComment(body);
  const heldReason = holdReason({ settings, html, blocked, knownWriter: true });
  const comment = await updateBody(deps.db, owned, { source: body, html, editedAt: now, heldReason }, (tx, id) => commentHeldAgain(tx, notifyContext(deps), id));
  if (!comment) throw new ApiError('not_found', 'There is no such comment.');
  deps.outbox?.kick();
  return comment;
}
