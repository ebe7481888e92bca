import { expect } from 'chai';
import { hostile, hostileWebsites } from '../fixtures/hostile.ts';
import { api, cleanup, mount, seed, shadow, uniquePage, until } from './helpers.ts';

afterEach(cleanup);

declare global {
  interface Window {
    __pwned?: string;
  }
}

/** Everything in the thread that could run code or leave the page, described for the error message. */
function dangers(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (/^(script|style|iframe|object|embed|form|base|meta|img|svg|math|details|body|link)$/.test(el.localName) && !el.closest('parley-form')) {
      found.push(`<${el.localName}>`);
    }
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith('on')) found.push(`${el.localName}[${attr}]`);
    }
    const href = el.getAttribute('href');
    if (href !== null && !/^(https?:\/\/|mailto:|#comment-\d+$)/i.test(href)) found.push(`${el.localName}[href=${href}]`);
  }
  return found;
}

describe('hostile input', () => {
  it('renders every hostile body, name and website inert: nothing runs, nothing is injected', async () => {
    const page = uniquePage('hostile');
    window.__pwned = undefined;
    for (const text of hostile) {
      await seed({ page, pageTitle: text.slice(0, 300), body: text, author: { name: text.slice(0, 64), website: 'https://example.com/"><script>window.__pwned="site"</script>' } });
    }
    for (const website of hostileWebsites) {
      const res = await fetch(`${api}/api/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ page, body: 'x', author: { website } }),
      });
      if (!/^https?:/i.test(website)) expect(res.status, website).to.equal(400);
      else expect(res.status, website).to.equal(201);
    }
    const el = mount({ page, sort: 'oldest' });
    await until(() => shadow(el).querySelectorAll('article').length >= 50, 'the first page');
    while (shadow(el).querySelectorAll('article').length < hostile.length) {
      const more = await until(() => shadow(el).querySelector<HTMLButtonElement>('.load-more:not([disabled])'), 'Load more');
      const shown = shadow(el).querySelectorAll('article').length;
      more.click();
      await until(() => shadow(el).querySelectorAll('article').length > shown, 'the next page');
    }
    // Give anything that might run (onerror, onload, timers) its chance.
    await new Promise((r) => setTimeout(r, 300));

    expect(window.__pwned, 'a hostile string ran').to.equal(undefined);
    expect(dangers(shadow(el))).to.deep.equal([]);
    const bodies = [...shadow(el).querySelectorAll('article .body')].map((b) => b.textContent!);
    expect(bodies.some((b) => b.includes('<script>window.__pwned = "script"</script>'))).to.equal(true);
    const names = [...shadow(el).querySelectorAll('.author')].map((n) => n.textContent!);
    expect(names.some((n) => n.includes('<img src=x onerror='))).to.equal(true);
    expect(names.join('')).to.not.match(/[\u202A-\u202E]/);
  });
});
