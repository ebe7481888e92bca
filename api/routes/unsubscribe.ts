/**
 * /unsubscribe?t=…: the link in every reply email. Opening it shows one button, so that mail scanners which
 * open links do not unsubscribe anyone; mail clients' one-click button POSTs here directly (RFC 8058).
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Deps } from '../deps.ts';
import { readUnsubscribeToken, type UnsubscribeScope } from '../notify/links.ts';
import { fill, mailStrings } from '../notify/strings.ts';
import { pageName } from '../notify/templates.ts';
import { readerPage, readerPageCsp } from '../render/reader-page.ts';
import { pageById } from '../store/notify-targets.ts';
import { getSite } from '../store/sites.ts';
import { getSubscriber, unsubscribeAll, unsubscribeThread } from '../store/subscribers.ts';

export function unsubscribeRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', readerPageCsp);
    c.header('Cache-Control', 'no-store');
    // No referrer to other sites (the link's token is in the URL); same-origin keeps the Origin header on our own forms.
    c.header('Referrer-Policy', 'same-origin');
  });

  async function describe(scope: UnsubscribeScope): Promise<{ lang: string; question: string; title: string }> {
    const lang = (await getSubscriber(deps.db, scope.site, scope.email))?.lang ?? 'en';
    const t = mailStrings(lang);
    const page = scope.pageId === undefined ? null : await pageById(deps.db, scope.pageId);
    const site = (await getSite(deps.db, scope.site))?.name ?? scope.site;
    const question = page ? fill(t.unsubscribeThreadQuestion, { page: pageName(page) }) : fill(t.unsubscribeAllQuestion, { site });
    return { lang, question, title: fill(t.unsubscribeTitle, { site }) };
  }

  app.get('/', async (c) => {
    const token = c.req.query('t') ?? '';
    const scope = readUnsubscribeToken(deps.secret, token);
    if (!scope) return c.html(readerPage('en', mailStrings('en').unsubscribeBad, ''), 400);
    const { lang, question, title } = await describe(scope);
    const t = mailStrings(lang);
    return c.html(
      readerPage(lang, title, html`<p>${question}</p>
<form method="post" action="/unsubscribe?t=${token}"><button type="submit">${t.unsubscribeButton}</button></form>`),
    );
  });

  app.post('/', async (c) => {
    const scope = readUnsubscribeToken(deps.secret, c.req.query('t') ?? '');
    if (!scope) return c.html(readerPage('en', mailStrings('en').unsubscribeBad, ''), 400);
    if (scope.pageId === undefined) await unsubscribeAll(deps.db, scope.site, scope.email, Date.now());
    else await unsubscribeThread(deps.db, scope.site, scope.email, scope.pageId);
    const { lang, title } = await describe(scope);
    return c.html(readerPage(lang, title, html`<p class="note" role="status">${mailStrings(lang).unsubscribeDone}</p>`));
  });

  return app;
}
