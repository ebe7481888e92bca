import { expect } from 'chai';
import { api, button, byLabel, cleanup, mount, openForm, seed, shadow, type, uniquePage, until } from './helpers.ts';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const article = (el: Element, id: string) => shadow(el).querySelector<HTMLElement>(`#comment-${id}`);
const bodyText = (el: Element, id: string) => article(el, id)?.querySelector('.body')?.textContent?.trim();
const buttons = (scope: ParentNode) => [...scope.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim());

async function postThroughForm(el: Element, body: string): Promise<string> {
  const form = await openForm(el);
  type(byLabel(form, 'Comment'), body);
  button(form, 'Post comment').click();
  const posted = await until(() => [...shadow(el).querySelectorAll('article')].find((a) => a.textContent!.includes(body)), 'the posted comment');
  return posted.id.replace('comment-', '');
}

describe('Markdown', () => {
  it('shows what the server rendered: emphasis, code, quotes, lists, and links marked as user content', async () => {
    const page = uniquePage('markdown');
    const { comment } = await seed({ page, body: '**bold** _it_ `code`\n\n> quoted\n\n- one\n- two\n\nSee https://example.com and [docs](https://example.org/docs)' });
    const el = mount({ page });
    const body = await until(() => article(el, comment.id)?.querySelector('.body'), 'the comment');
    expect(body.querySelector('strong')!.textContent).to.equal('bold');
    expect(body.querySelector('em')!.textContent).to.equal('it');
    expect(body.querySelector('code')!.textContent).to.equal('code');
    expect(body.querySelector('blockquote')!.textContent!.trim()).to.equal('quoted');
    expect(body.querySelectorAll('li')).to.have.length(2);
    const links = [...body.querySelectorAll('a')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.com/', 'https://example.org/docs']);
    for (const a of links) expect(a.rel).to.equal('nofollow ugc noopener noreferrer');
  });

  it('previews a draft through the server renderer', async () => {
    const el = mount({ page: uniquePage('preview') });
    const form = await openForm(el);
    type(byLabel(form, 'Comment'), 'Some **strong** words');
    button(form, 'Preview').click();
    const preview = await until(() => form.querySelector('.preview strong'), 'the preview');
    expect(preview.textContent).to.equal('strong');
    button(form, 'Preview').click();
    await until(() => !form.querySelector('.preview'), 'back to writing');
    expect(byLabel<HTMLTextAreaElement>(form, 'Comment').value).to.equal('Some **strong** words');
  });
});

describe('your own comments', () => {
  it('can be edited within the window: the new text shows, marked edited', async () => {
    const el = mount({ page: uniquePage('edit') });
    const id = await postThroughForm(el, 'Frist post');
    button(article(el, id)!, 'Edit').click();
    const form = await until(() => article(el, id)!.querySelector('parley-form textarea') && article(el, id)!.querySelector('parley-form')!, 'the edit form');
    expect(byLabel<HTMLTextAreaElement>(form, 'Comment').value).to.equal('Frist post');
    type(byLabel(form, 'Comment'), 'First post, *fixed*');
    button(form, 'Save').click();
    await until(() => bodyText(el, id) === 'First post, fixed', 'the edited text');
    expect(article(el, id)!.querySelector('.body em')!.textContent).to.equal('fixed');
    expect(article(el, id)!.querySelector('.edited')!.textContent).to.equal('edited');
  });

  it('cannot be changed once the window has closed: the server refuses and the text stays', async () => {
    const el = mount({ page: uniquePage('late-edit'), site: 'quick' });
    const id = await postThroughForm(el, 'Quick thought');
    button(article(el, id)!, 'Edit').click();
    const form = await until(() => article(el, id)!.querySelector('parley-form textarea') && article(el, id)!.querySelector('parley-form')!, 'the edit form');
    await new Promise((r) => setTimeout(r, 2500));
    type(byLabel(form, 'Comment'), 'Second thought');
    button(form, 'Save').click();
    const alert = await until(() => form.querySelector('[role="alert"]'), 'the refusal');
    expect(alert.textContent).to.equal('The time to change this comment has passed.');
    await until(() => !article(el, id)!.querySelector('parley-form') || true, 'settled');
    button(form, 'Cancel').click();
    await until(() => !buttons(article(el, id)!).includes('Edit'), 'Edit to go once the window has closed');
    const stored = await (await fetch(`${api}/api/comments?site=quick&page=${encodeURIComponent(el.getAttribute('page')!)}`)).json();
    expect(stored.comments[0].html).to.equal('<p>Quick thought</p>');
  });

  it('offers no Edit or Delete on comments written elsewhere', async () => {
    const page = uniquePage('not-mine');
    const { comment } = await seed({ page, body: 'Someone else' });
    const el = mount({ page });
    await until(() => article(el, comment.id), 'the comment');
    expect(buttons(article(el, comment.id)!)).to.not.include('Edit');
    expect(buttons(article(el, comment.id)!)).to.not.include('Delete');
  });

  it('disappears when deleted without replies, after a confirmation', async () => {
    const el = mount({ page: uniquePage('delete') });
    const id = await postThroughForm(el, 'Delete me');
    button(article(el, id)!, 'Delete').click();
    const confirm = await until(() => article(el, id)!.querySelector('.confirm'), 'the confirmation');
    expect(confirm.textContent).to.include('Delete this comment?');
    button(confirm, 'Keep it').click();
    await until(() => !article(el, id)!.querySelector('.confirm'), 'the comment kept');
    button(article(el, id)!, 'Delete').click();
    button(await until(() => article(el, id)!.querySelector('.confirm'), 'the confirmation'), 'Delete').click();
    await until(() => !article(el, id), 'the comment to go');
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('0 comments');
  });

  it('stays as [deleted] with its replies when it has some', async () => {
    const el = mount({ page: uniquePage('delete-parent') });
    const id = await postThroughForm(el, 'Parent to delete');
    await seed({ page: el.getAttribute('page')!, body: 'A reply that stays', parentId: id });
    el.setAttribute('sort', 'newest');
    await until(() => shadow(el).textContent!.includes('A reply that stays'), 'the reply');
    button(article(el, id)!, 'Delete').click();
    button(await until(() => article(el, id)!.querySelector('.confirm'), 'the confirmation'), 'Delete').click();
    await until(() => article(el, id)?.textContent?.includes('[deleted]'), 'the placeholder');
    expect(bodyText(el, id)).to.equal(undefined);
    expect(shadow(el).textContent).to.include('A reply that stays');
  });
});

describe("the writer's right to erase", () => {
  it('deletes every comment this browser wrote, after a confirmation', async () => {
    const el = mount({ page: uniquePage('erase') });
    const a = await postThroughForm(el, 'First of mine');
    const form = shadow(el).querySelector('section > parley-form')!;
    type(byLabel(form, 'Comment'), 'Second of mine');
    button(form, 'Post comment').click();
    await until(() => shadow(el).querySelectorAll('article').length === 2, 'two comments');
    button(form, 'Delete all my comments').click();
    const confirm = await until(() => form.querySelector('.erase[role="group"]'), 'the confirmation');
    button(confirm, 'Delete them all').click();
    await until(() => shadow(el).textContent!.includes('Be the first'), 'an empty thread');
    expect(article(el, a) === null).to.equal(true);
    expect(shadow(el).textContent).to.include('Your comments were deleted.');
  });
});

describe('votes', () => {
  it('counts an upvote, changes it to a downvote, and remembers it', async () => {
    const page = uniquePage('votes');
    const { comment } = await seed({ page, body: 'Vote on me' });
    const el = mount({ page });
    const box = await until(() => article(el, comment.id), 'the comment');
    const score = () => box.querySelector('.score')!.textContent!.replace('Score', '').trim();
    const up = () => box.querySelector<HTMLButtonElement>('button[aria-label="Upvote"]')!;
    const down = () => box.querySelector<HTMLButtonElement>('button[aria-label="Downvote"]')!;
    expect(score()).to.equal('0');
    up().click();
    await until(() => score() === '1', 'score 1');
    expect(up().getAttribute('aria-pressed')).to.equal('true');
    down().click();
    await until(() => score() === '-1', 'score -1');
    expect(down().getAttribute('aria-pressed')).to.equal('true');
    expect(up().getAttribute('aria-pressed')).to.equal('false');
    down().click();
    await until(() => score() === '0', 'vote withdrawn');
    const stored = await (await fetch(`${api}/api/comments?page=${encodeURIComponent(page)}`)).json();
    expect(stored.comments[0]).to.include({ score: 0, upvotes: 0, downvotes: 0 });
  });
});

describe('sorting', () => {
  it('orders by the reader\'s choice, and remembers it', async () => {
    const page = uniquePage('sort');
    const a = await seed({ page, body: 'first' });
    const b = await seed({ page, body: 'second' });
    await seed({ page, body: 'third' });
    for (let i = 0; i < 3; i++) {
      await fetch(`${api}/api/comments/${b.comment.id}/vote`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ value: 1, voter: `sort-voter-${i}` }) });
    }
    void a;
    const el = mount({ page });
    const order = () => [...shadow(el).querySelectorAll('article .body')].map((b) => b.textContent!.trim());
    await until(() => order().length === 3, 'three comments');
    expect(order()).to.deep.equal(['first', 'second', 'third']);
    const select = shadow(el).querySelector('select')!;
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    await until(() => order()[0] === 'third', 'newest first');
    select.value = 'best';
    select.dispatchEvent(new Event('change'));
    await until(() => order()[0] === 'second', 'best first');
    el.remove();
    const again = mount({ page });
    await until(() => [...shadow(again).querySelectorAll('article .body')].length === 3, 'reloaded');
    expect(shadow(again).querySelector('select')!.value).to.equal('best');
    expect([...shadow(again).querySelectorAll('article .body')][0]!.textContent!.trim()).to.equal('second');
  });
});

describe('quote and reply', () => {
  it('offers Quote for a selection and puts it in the reply form as a > quote', async () => {
    const page = uniquePage('quote');
    const { comment } = await seed({ page, body: 'The quick brown fox jumps over the lazy dog.', author: { name: 'Fox Writer' } });
    const el = mount({ page });
    const box = await until(() => article(el, comment.id), 'the comment');
    const text = box.querySelector('.body p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 19);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    box.querySelector('.body')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    button(box, 'Quote').click();
    const form = await until(() => box.querySelector('parley-form textarea') && box.querySelector('parley-form')!, 'the reply form');
    expect(byLabel<HTMLTextAreaElement>(form, 'Comment').value).to.equal('> quick brown fox\n\n');
    expect(form.querySelector('.replying')!.textContent).to.include('Replying to Fox Writer');
    expect(form.querySelector<HTMLAnchorElement>('.replying a')!.getAttribute('href')).to.equal(`#comment-${comment.id}`);
  });

  it('quotes the whole comment when nothing is selected, as a keyboard reader would', async () => {
    const page = uniquePage('quote-all');
    const { comment } = await seed({ page, body: 'Short and sweet.' });
    const el = mount({ page });
    const box = await until(() => article(el, comment.id), 'the comment');
    getSelection()!.removeAllRanges();
    button(box, 'Quote').click();
    const form = await until(() => box.querySelector('parley-form textarea') && box.querySelector('parley-form')!, 'the reply form');
    expect(byLabel<HTMLTextAreaElement>(form, 'Comment').value).to.equal('> Short and sweet.\n\n');
  });
});

describe('long reply chains', () => {
  it('show the first replies and load the rest with "Show N more replies"', async () => {
    const page = uniquePage('many-replies');
    const top = await seed({ page, body: 'Popular' });
    for (let i = 0; i < 23; i++) await seed({ page, body: `Reply ${i}`, parentId: top.comment.id });
    const el = mount({ page });
    const host = await until(() => article(el, top.comment.id)?.parentElement, 'the comment');
    const replies = () => host.querySelectorAll(':scope > ol.replies > li').length;
    await until(() => replies() === 20, 'the first 20 replies');
    button(host, 'Show 3 more replies').click();
    await until(() => replies() === 23, 'all 23 replies');
    expect(buttons(host).some((b) => b.startsWith('Show') && b.includes('more'))).to.equal(false);
  });
});

describe('collapsing', () => {
  it('hides and shows a subtree', async () => {
    const page = uniquePage('collapse');
    const top = await seed({ page, body: 'Top' });
    await seed({ page, body: 'Hidden reply', parentId: top.comment.id });
    const el = mount({ page });
    const host = await until(() => article(el, top.comment.id)?.parentElement, 'the comment');
    await until(() => shadow(el).textContent!.includes('Hidden reply'), 'the reply');
    button(host, 'Hide replies').click();
    await until(() => !shadow(el).textContent!.includes('Hidden reply'), 'the reply hidden');
    button(host, 'Show 1 reply').click();
    await until(() => shadow(el).textContent!.includes('Hidden reply'), 'the reply shown again');
  });
});

describe('permalinks', () => {
  it('follows a link to a comment clicked inside the thread', async () => {
    const page = uniquePage('hash-link');
    const a = await seed({ page, body: 'Target' });
    await seed({ page, body: 'Another' });
    const el = mount({ page });
    const target = await until(() => article(el, a.comment.id), 'the comment');
    try {
      location.hash = `#comment-${a.comment.id}`;
      await until(() => target.classList.contains('highlight'), 'the highlight after the link');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('loads and highlights a linked comment that is not on the first page', async () => {
    const page = uniquePage('deep-link');
    for (let i = 0; i < 51; i++) await seed({ page, body: `Filler ${i}` });
    const late = await seed({ page, body: 'The late one' });
    const reply = await seed({ page, body: 'Reply to the late one', parentId: late.comment.id });
    history.replaceState(null, '', `#comment-${reply.comment.id}`);
    try {
      const el = mount({ page });
      const target = await until(() => shadow(el).querySelector(`#comment-${reply.comment.id}.highlight`), 'the linked reply');
      expect(target.textContent).to.include('Reply to the late one');
      await until(() => shadow(el).activeElement === target, 'focus on the linked reply');
      expect(shadow(el).querySelectorAll('section > ol > li').length).to.equal(51);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });
});

describe('languages', () => {
  it('speaks German when asked, with German plurals and dates', async () => {
    const page = uniquePage('german');
    await seed({ page, body: 'Hallo' });
    await seed({ page, body: 'Welt' });
    const el = mount({ page, lang: 'de' });
    await until(() => shadow(el).querySelector('h2')?.textContent === '2 Kommentare', 'the German heading');
    expect(shadow(el).textContent).to.include('Kommentar schreiben…');
    expect(buttons(shadow(el))).to.include('Antworten');
    expect(buttons(shadow(el))).to.include('Positiv bewerten');
    expect(shadow(el).querySelector('time')!.textContent).to.match(/jetzt|Sekunde|Minute/);
    expect(shadow(el).querySelector('section')!.getAttribute('lang')).to.equal('de');
  });

  it("follows the page's <html lang> and falls back to English for languages it lacks", async () => {
    document.documentElement.lang = 'ja';
    try {
      const el = mount({ page: uniquePage('japanese') });
      await until(() => shadow(el).querySelector('h2')?.textContent === 'コメント 0 件', 'the Japanese heading');
      el.remove();
      document.documentElement.lang = 'xx';
      const fallback = mount({ page: uniquePage('unknown-lang') });
      await until(() => shadow(fallback).querySelector('h2')?.textContent === '0 comments', 'English');
    } finally {
      document.documentElement.lang = 'en';
    }
  });
});

describe('comments awaiting moderation', () => {
  it('are shown to their writer, marked, and to nobody else', async () => {
    const page = uniquePage('held');
    const el = mount({ page, site: 'held' });
    const id = await postThroughForm(el, 'Please let me in');
    await until(() => article(el, id)?.querySelector('.pending')?.textContent === 'Awaiting moderation', 'the mark');
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('0 comments');
    expect(shadow(el).textContent).to.include('awaiting moderation');
    el.remove();

    const again = mount({ page, site: 'held' });
    await until(() => article(again, id)?.querySelector('.pending'), 'the held comment after a reload');
    again.remove();

    localStorage.clear();
    const stranger = mount({ page, site: 'held' });
    await until(() => shadow(stranger).textContent!.includes('Be the first'), 'the thread as others see it');
    await new Promise((r) => setTimeout(r, 200));
    expect(article(stranger, id) === null, "the held comment is hidden from others").to.equal(true);
  });
});
