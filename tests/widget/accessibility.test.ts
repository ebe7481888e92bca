import { expect } from 'chai';
import { button, cleanup, mount, openForm, seed, shadow, uniquePage, until } from './helpers.ts';

afterEach(cleanup);

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}
declare global {
  interface Window {
    axe: { run(context: Element, options?: object): Promise<AxeResult> };
  }
}

function loadAxe(): Promise<void> {
  if (window.axe) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core could not be loaded'));
    document.head.append(script);
  });
}

async function seriousViolations(el: Element): Promise<string[]> {
  await loadAxe();
  const { violations } = await window.axe.run(el, { resultTypes: ['violations'] });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('accessibility (axe-core)', () => {
  for (const theme of ['', 'light', 'dark']) {
    it(`has no serious or critical findings in a thread with an open form and reply${theme ? `, ${theme} theme` : ''}`, async () => {
      const page = uniquePage(`a11y-${theme || 'inherit'}`);
      const top = await seed({ page, body: 'A comment with a [link](https://example.com) and `code`.', author: { name: 'Ada', website: 'https://ada.example' } });
      await seed({ page, body: 'A reply', parentId: top.comment.id });
      const el = mount(theme ? { page, theme } : { page });
      if (theme) document.body.style.background = theme === 'dark' ? '#17191c' : '#fff';
      try {
        await openForm(el);
        const article = await until(() => shadow(el).querySelector(`#comment-${top.comment.id}`), 'the comment');
        button(article, 'Reply').click();
        await until(() => article.querySelector('parley-form textarea'), 'the reply form');
        expect(await seriousViolations(el)).to.deep.equal([]);
      } finally {
        document.body.style.background = '';
      }
    });
  }

  it('is usable by keyboard alone: every control is a real button, field or link', async () => {
    const page = uniquePage('keyboard');
    await seed({ page, body: 'Reachable' });
    const el = mount({ page });
    await openForm(el);
    // The honeypot is the one field kept out of reach on purpose.
    const controls = [...shadow(el).querySelectorAll<HTMLElement>('button, a[href], input:not([name="hp"]), textarea, select')];
    expect(controls.length).to.be.greaterThan(8);
    for (const c of controls) expect(c.tabIndex, c.outerHTML.slice(0, 80)).to.equal(0);
    const clickables = [...shadow(el).querySelectorAll('[onclick], div[role="button"], span[role="button"]')];
    expect(clickables.length).to.equal(0);
  });
});
