/**
 * /manage: where a guest lands from a confirmation or sign-in link. The link is used only when they press
 * Continue (mail scanners open links too), then a cookie lets this browser edit their comments within the
 * site's window, delete them, and stop emails: no account, no password.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import * as v from 'valibot';
import { authorEmail, commentBody, siteSlug } from '../../shared/schemas.ts';
import type { Deps } from '../deps.ts';
import { writeTransaction } from '../db/write.ts';
import { ApiError } from '../errors.ts';
import { browserLanguage, linkBase, notifyContext } from '../notify/context.ts';
import { commentDeletedByWriter } from '../notify/events.ts';
import { emailTokenHash, newSignInLink, signInLinkMs } from '../notify/links.ts';
import { fill, mailStrings, type MailStrings } from '../notify/strings.ts';
import { commentLink, signInEmail } from '../notify/templates.ts';
import { readerPage, readerPageCsp } from '../render/reader-page.ts';
import { currentGuest, endGuestSession, startGuestSession, type Guest } from '../security/guest-session.ts';
import { ownOrigin } from '../security/origins.ts';
import { enforceLimit } from '../security/rate-limit.ts';
import { emailedSince, enqueue } from '../store/outbox.ts';
import { deleteByAuthor, getOwnedComment } from '../store/own-comments.ts';
import { getSite } from '../store/sites.ts';
import { getSubscriber, guestComments, isWriterOnSite, saveEmailToken, unsubscribeAll, useEmailToken } from '../store/subscribers.ts';
import { parse } from '../validate.ts';
import { writerEdit } from './writer-edit.ts';

const linkForm = v.object({ site: siteSlug, email: authorEmail });

export function manageRoutes(deps: Deps): Hono {
  const { db } = deps;
  const app = new Hono();
  app.use('*', async (c, next) => {
    // Changes come only from these pages themselves: the cookie is Lax, and the Origin must be ours.
    if (c.req.method === 'POST' && c.req.header('origin') !== ownOrigin(c, deps.config)) {
      throw new ApiError('forbidden', 'This form must be sent from its own page.');
    }
    await next();
    c.header('Content-Security-Policy', readerPageCsp);
    c.header('Cache-Control', 'no-store');
    // No referrer to other sites (the link's token is in the URL); same-origin keeps the Origin header on our own forms.
    c.header('Referrer-Policy', 'same-origin');
  });

  const langOf = async (guest: Guest | null) => (guest ? ((await getSubscriber(db, guest.site, guest.email))?.lang ?? 'en') : 'en');
  /** Someone not signed in: the language their browser asks for. */
  const asked = (c: Context) => browserLanguage(c.req.header('accept-language'));

  function requestLinkForm(t: MailStrings, site: string | undefined) {
    return html`<form method="post" action="/manage/link">
<p><label>${t.emailLabel} <input type="email" name="email" required autocomplete="email"></label>
<input type="hidden" name="site" value="${site ?? ''}"> <button type="submit">${t.manageContinue}</button></p>
</form>`;
  }

  async function overview(c: Context, guest: Guest, notice?: string) {
    const lang = await langOf(guest);
    const t = mailStrings(lang);
    const site = await getSite(db, guest.site);
    const windowMs = (site?.settings.editWindowSeconds ?? 0) * 1000;
    const comments = await guestComments(db, guest.site, guest.email, 200);
    const subscriber = await getSubscriber(db, guest.site, guest.email);
    const now = Date.now();
    const items = comments.map((comment) => {
      const editable = now <= comment.createdAt + windowMs;
      const link = commentLink({ url: comment.pageUrl }, comment.id);
      return html`<article id="comment-${comment.id}">
<p><strong>${comment.pageTitle ?? comment.pageKey}</strong> ${link ? html`<a href="${link}">↗</a>` : ''}
<span class="muted">${new Date(comment.createdAt).toLocaleString(lang)}${comment.status === 'pending' ? html` · ${t.manageHeld}` : ''}</span></p>
<form method="post" action="/manage/comments/${comment.id}">
${editable ? html`<textarea name="body" aria-label="${comment.pageTitle ?? comment.pageKey}">${comment.source}</textarea>` : html`<p style="white-space:pre-wrap">${comment.source}</p>`}
<p>${editable ? html`<button type="submit" name="action" value="save">${t.manageSave}</button> ` : ''}<button type="submit" name="action" value="delete">${t.manageDelete}</button></p>
</form>
</article>`;
    });
    return c.html(
      readerPage(lang, fill(t.manageTitle, { site: site?.name ?? guest.site }), html`${notice ? html`<p class="note" role="status">${notice}</p>` : ''}
<p class="muted">${guest.email}</p>
${items.length ? items : html`<p>${t.manageEmpty}</p>`}
${subscriber && !subscriber.unsubscribed ? html`<form method="post" action="/manage/unsubscribe"><p><button type="submit">${fill(t.unsubscribeAll, { site: site?.name ?? guest.site })}</button></p></form>` : ''}
<form method="post" action="/manage/sign-out"><p><button type="submit">${t.manageSignOut}</button></p></form>`),
    );
  }

  app.get('/', async (c) => {
    const token = c.req.query('t');
    const lang = asked(c);
    const t = mailStrings(lang);
    if (token) {
      // Only a button here: the link is spent when the reader presses it, not when a scanner opens it.
      return c.html(readerPage(lang, t.confirmAction, html`<form method="post" action="/manage/session">
<input type="hidden" name="t" value="${token}"><p><button type="submit">${t.confirmAction}</button></p></form>`));
    }
    const guest = await currentGuest(c, deps);
    if (guest) {
      const done = c.req.query('done');
      const gt = mailStrings(await langOf(guest));
      return overview(c, guest, done === 'saved' ? gt.manageSaved : done === 'deleted' ? gt.manageDeleted : done === 'unsubscribed' ? gt.unsubscribeDone : undefined);
    }
    return c.html(readerPage(lang, t.signInTitle, html`<p>${t.signInIntro}</p>${requestLinkForm(t, c.req.query('site'))}`));
  });

  app.post('/session', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.t === 'string' ? form.t : '';
    const used = /^[\w-]{20,128}$/.test(token) ? await useEmailToken(db, emailTokenHash(deps.secret, token), Date.now()) : null;
    if (!used) {
      const lang = asked(c);
      const t = mailStrings(lang);
      return c.html(readerPage(lang, t.confirmAction, html`<p class="error" role="alert">${t.manageExpired}</p>${requestLinkForm(t, undefined)}`), 400);
    }
    await startGuestSession(c, deps, used, Date.now());
    return c.redirect('/manage', 303);
  });

  app.post('/link', async (c) => {
    const form = await c.req.parseBody();
    const input = parse(linkForm, { site: form.site || 'default', email: form.email });
    const email = input.email.toLowerCase();
    const site = await getSite(db, input.site);
    if (!site) throw new ApiError('not_found', `There is no site "${input.site}".`, 'site');
    if (!deps.config.mail) throw new ApiError('conflict', 'This server does not send email, so it cannot send a sign-in link.');
    await enforceLimit(c, deps, 'edit', site);
    // After the answer, so that neither its words nor its timing tell whether the address wrote here.
    setImmediate(() => void sendSignInLink(site.slug, site.name, email).catch((error: unknown) => console.error('[parley] sign-in link:', error)));
    const t = mailStrings(asked(c));
    return c.html(readerPage(asked(c), t.checkEmailTitle, html`<p class="note" role="status">${fill(t.checkEmail, { email, site: site.name })}</p>`));
  });

  /** One link per address every ten minutes at most: the form cannot be used to flood someone's inbox. */
  async function sendSignInLink(site: string, siteName: string, email: string): Promise<void> {
    const now = Date.now();
    if (!(await isWriterOnSite(db, site, email)) || (await emailedSince(db, 'link', email, now - 10 * 60_000))) return;
    const lang = (await getSubscriber(db, site, email))?.lang ?? 'en';
    const link = newSignInLink(linkBase(deps), deps.secret);
    await writeTransaction(db, async (tx) => {
      await saveEmailToken(tx, link.hash, site, email, now + signInLinkMs);
      await enqueue(tx, { channel: 'email', topic: 'link', site, recipient: email, message: signInEmail(lang, siteName, link.url) }, now);
    });
    deps.outbox?.kick();
  }

  async function requireGuest(c: Context): Promise<Guest> {
    const guest = await currentGuest(c, deps);
    if (!guest) throw new ApiError('unauthorized', 'Open the link from your email again: this browser is not signed in.');
    return guest;
  }

  app.post('/comments/:id', async (c) => {
    const guest = await requireGuest(c);
    const id = Number(c.req.param('id'));
    const owned = Number.isSafeInteger(id) ? await getOwnedComment(db, id) : null;
    if (!owned || owned.site !== guest.site || owned.email !== guest.email) throw new ApiError('not_found', 'There is no such comment of yours.');
    const site = (await getSite(db, owned.site))!;
    await enforceLimit(c, deps, 'edit', site);
    const form = await c.req.parseBody();
    const now = Date.now();
    if (form.action === 'delete') {
      await deleteByAuthor(db, owned.id, (tx, deleted) => commentDeletedByWriter(tx, notifyContext(deps), deleted));
      deps.outbox?.kick();
      return c.redirect('/manage?done=deleted', 303);
    }
    if (now > owned.createdAt + site.settings.editWindowSeconds * 1000) throw new ApiError('forbidden', 'The time to change this comment has passed.');
    const body = parse(commentBody, typeof form.body === 'string' ? form.body.replace(/\r\n/g, '\n') : undefined);
    await writerEdit(c, deps, owned, site, body, now);
    return c.redirect('/manage?done=saved', 303);
  });

  app.post('/unsubscribe', async (c) => {
    const guest = await requireGuest(c);
    await unsubscribeAll(db, guest.site, guest.email, Date.now());
    return c.redirect('/manage?done=unsubscribed', 303);
  });

  app.post('/sign-out', async (c) => {
    await endGuestSession(c, deps);
    return c.redirect('/manage', 303);
  });

  return app;
}
