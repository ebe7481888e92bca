import { expect } from 'chai';
import type { Comment, ThreadResponse } from '../../shared/types.ts';
import { api, button, byLabel, cleanup, mount, openForm, seed, shadow, type, uniquePage, until } from './helpers.ts';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const articleIds = (el: Element) => [...shadow(el).querySelectorAll('article')].map((a) => a.id.replace('comment-', ''));

/** The ids of a thread's comments in reading order, replies under their parent. */
const readingOrder = (comments: Comment[]): string[] => comments.flatMap((c) => [c.id, ...readingOrder(c.replies)]);

/** Seeds `count` comments, a few at a time (the order among them does not matter to these tests). */
async function seedMany(count: number, make: (i: number) => Parameters<typeof seed>[0]): Promise<void> {
  for (let i = 0; i < count; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, j) => seed(make(i + j))));
  }
}

describe('a big thread', () => {
  it('shows its first page, all of it, filled in reading order a slice at a time', async () => {
    const page = uniquePage('big');
    const tops: string[] = [];
    for (let i = 0; i < 55; i++) tops.push((await seed({ page, body: `Top ${i}` })).comment.id);
    // The first twelve top-level comments get 15 replies each: 230 comments on the first page.
    await seedMany(12 * 15, (i) => ({ page, body: `Reply ${i}`, parentId: tops[i % 12] }));
    const first = (await (await fetch(`${api}/api/comments?page=${encodeURIComponent(page)}`)).json()) as ThreadResponse;
    const expected = readingOrder(first.comments);
    expect(expected).to.have.length(50 + 12 * 15);

    // The order comments appear in, and how many frames the browser painted while they did.
    const appeared: string[] = [];
    let frames = 0;
    let counting = true;
    const tick = () => {
      frames++;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const el = mount({ page });
    let framesAtFirst = -1;
    let framesAtLast = -1;
    const watch = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeName === 'ARTICLE') appeared.push((n as Element).id.replace('comment-', ''));
      }
      if (framesAtFirst < 0 && appeared.length > 0) framesAtFirst = frames;
      framesAtLast = frames;
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    await until(() => appeared.length >= expected.length, 'the whole first page', 10_000);
    counting = false;
    watch.disconnect();

    expect(articleIds(el)).to.deep.equal(expected);
    expect(appeared, 'each comment appears after every comment above it').to.deep.equal(expected);
    expect(framesAtLast > framesAtFirst, 'the browser painted while the page filled in').to.equal(true);
    expect(articleIds(el).includes(tops[54]!), 'the second page waits').to.equal(false);
    button(shadow(el), 'Load more comments').click();
    await until(() => articleIds(el).length === expected.length + 5, 'the second page');
    expect(articleIds(el).slice(-5)).to.deep.equal(tops.slice(50));
  });

  it('opens a reply form re-rendering only the comment replied to', async () => {
    const page = uniquePage('quiet-reply');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await seed({ page, body: `Comment ${i}` })).comment.id);
    const el = mount({ page });
    await until(() => articleIds(el).length === 30, 'the thread');
    const target = shadow(el).getElementById(`comment-${ids[10]}`)!.parentElement!;

    // Every comment element counts its renders from here on.
    const renders = new Map<Element, number>();
    for (const host of shadow(el).querySelectorAll('parley-comment')) {
      const element = host as unknown as { update(changed: unknown): void };
      const update = element.update.bind(element);
      element.update = (changed) => {
        renders.set(host, (renders.get(host) ?? 0) + 1);
        update(changed);
      };
    }
    button(target, 'Reply').click();
    await until(() => target.querySelector('parley-form textarea'), 'the reply form');
    await new Promise((r) => setTimeout(r, 100));

    expect([...renders.keys()].filter((host) => host !== target).length, 'other comments rendered again').to.equal(0);
    expect(renders.get(target)).to.equal(1);
  });

  it('keeps the other comments in their elements when a new one comes first', async () => {
    const page = uniquePage('newest-post');
    const older = await seed({ page, body: 'Older' });
    await seed({ page, body: 'Old' });
    const el = mount({ page, sort: 'newest' });
    await until(() => articleIds(el).length === 2, 'the thread');
    const host = shadow(el).getElementById(`comment-${older.comment.id}`)!.parentElement!;

    const form = await openForm(el);
    type(byLabel(form, 'Comment'), 'Newest of all');
    button(form, 'Post comment').click();
    await until(() => articleIds(el).length === 3, 'the new comment');

    expect(shadow(el).querySelector('article .body')!.textContent!.trim()).to.equal('Newest of all');
    const still = shadow(el).getElementById(`comment-${older.comment.id}`)!.parentElement;
    expect(still === host, 'the older comment keeps its element').to.equal(true);
  });
});
