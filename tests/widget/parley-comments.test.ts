import { expect } from 'chai';
import { api, button, byLabel, cleanup, expectSame, mount, openForm, seed, shadow, text, type, uniquePage, until } from './helpers.ts';

afterEach(cleanup);

const articles = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('article.comment')];

describe('<parley-comments>', () => {
  it('invites the first comment on a page without any', async () => {
    const el = mount({ page: uniquePage('empty') });
    await until(() => text(el).includes('Be the first to comment.'), 'the empty state');
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('0 comments');
    const form = await openForm(el);
    expect(byLabel(form, 'Comment').tagName).to.equal('TEXTAREA');
    await until(() => shadow(el).activeElement === byLabel(form, 'Comment'), 'the caret in the comment box');
  });

  it('shows comments with author, relative time and text, replies nested under their parent', async () => {
    const page = uniquePage('nested');
    const a = await seed({ page, body: 'Top comment', author: { name: 'Ada Lovelace' } });
    const b = await seed({ page, body: 'First reply', parentId: a.comment.id, author: { name: 'Bob' } });
    await seed({ page, body: 'Deep reply', parentId: b.comment.id });
    const el = mount({ page });
    await until(() => articles(el).length === 3, 'three comments');

    expect(shadow(el).querySelector('h2')!.textContent).to.equal('3 comments');
    const top = shadow(el).querySelector(`#comment-${a.comment.id}`)!;
    expect(top.querySelector('.author')!.textContent).to.equal('Ada Lovelace');
    expect(top.querySelector('.avatar')!.textContent).to.equal('AL');
    const time = top.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(a.comment.createdAt);
    expect(time.textContent).to.match(/now|second|minute/);
    expect(time.title).to.match(/\d{4}/);

    const reply = shadow(el).querySelector(`#comment-${b.comment.id}`)!;
    expectSame(reply.closest('ol.replies')!.parentElement!.querySelector(':scope > article'), top, 'the parent of the reply');
    const deep = articles(el).find((x) => x.textContent!.includes('Deep reply'))!;
    expectSame(deep.closest('ol.replies')!.parentElement!.querySelector(':scope > article'), reply, 'the parent of the deep reply');
    expect(deep.querySelector('.author')!.textContent).to.equal('Anonymous');
  });

  it('posts a comment: it appears without a reload, the count goes up and focus moves to it', async () => {
    const page = uniquePage('post');
    const el = mount({ page });
    await until(() => text(el).includes('Be the first'), 'the empty state');
    const form = await openForm(el);
    type(byLabel(form, 'Comment'), 'Posted from the widget');
    type(byLabel(form, 'Name'), 'Grace');
    button(form, 'Post comment').click();

    const posted = await until(() => articles(el).find((a) => a.textContent!.includes('Posted from the widget')), 'the new comment');
    expect(posted.querySelector('.author')!.textContent).to.equal('Grace');
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('1 comment');
    await until(() => shadow(el).activeElement === posted, 'focus on the new comment');
    expect(byLabel<HTMLTextAreaElement>(form, 'Comment').value).to.equal('');
    expect(localStorage.getItem('parley:name')).to.equal('"Grace"');
    expect(text(el)).not.to.include('Be the first');

    const stored = await (await fetch(`${api}/api/comments?page=${encodeURIComponent(page)}`)).json();
    expect(stored.comments[0].author.name).to.equal('Grace');
  });

  it('replies inline: the form opens under the comment and the reply lands nested', async () => {
    const page = uniquePage('reply');
    const a = await seed({ page, body: 'Parent', author: { name: 'Parent Author' } });
    const el = mount({ page });
    const parent = await until(() => shadow(el).querySelector(`#comment-${a.comment.id}`), 'the parent');
    button(parent, 'Reply').click();
    const replyForm = await until(() => parent.querySelector('parley-form'), 'the reply form');
    await until(() => replyForm.textContent!.includes('Replying to Parent Author'), 'replying to');
    expect(replyForm.querySelector('a')!.getAttribute('href')).to.equal(`#comment-${a.comment.id}`);
    type(byLabel(replyForm, 'Comment'), 'The reply');
    button(replyForm, 'Post comment').click();

    const reply = await until(() => articles(el).find((x) => x.textContent!.includes('The reply')), 'the reply');
    expectSame(reply.closest('ol.replies')!.parentElement!.querySelector(':scope > article'), parent, 'the parent of the reply');
    await until(() => !parent.querySelector('parley-form'), 'the reply form to close');
  });

  it('says what is wrong with an empty comment and sends nothing', async () => {
    const page = uniquePage('blank');
    const el = mount({ page });
    await until(() => text(el).includes('Be the first'), 'the empty state');
    const form = await openForm(el);
    type(byLabel(form, 'Comment'), '   \n  ');
    button(form, 'Post comment').click();
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'an error');
    expect(alert.textContent).to.include('the comment is empty');
    const stored = await (await fetch(`${api}/api/comments?page=${encodeURIComponent(page)}`)).json();
    expect(stored.page.commentCount).to.equal(0);
  });

  it("shows the server's reason when a post is refused, keeping the text", async () => {
    const page = uniquePage('refused');
    const el = mount({ page });
    await until(() => text(el).includes('Be the first'), 'the empty state');
    const form = await openForm(el);
    type(byLabel(form, 'Comment'), 'Keep me');
    type(byLabel(form, 'Email (optional, never shown)'), 'not-an-email');
    button(form, 'Post comment').click();
    const alert = await until(() => form.querySelector('[role="alert"]'), 'an error');
    expect(alert.textContent).to.include('does not look like an email address');
    expect(byLabel<HTMLTextAreaElement>(form, 'Comment').value).to.equal('Keep me');
  });

  it('shows markup in a comment as text and runs nothing', async () => {
    const page = uniquePage('markup');
    (window as unknown as { pwned: number }).pwned = 0;
    await seed({ page, body: '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>bold?</b>' });
    const el = mount({ page });
    const article = await until(() => articles(el)[0], 'the comment');
    await new Promise((r) => setTimeout(r, 100));
    expect(article.querySelectorAll('img, script, b').length).to.equal(0);
    expect(article.querySelector('.body')!.textContent).to.include('<img src=x onerror=');
    expect((window as unknown as { pwned: number }).pwned).to.equal(0);
  });

  it('loads more top-level comments when there are more than a page', async () => {
    const page = uniquePage('more');
    for (let i = 0; i < 53; i++) await seed({ page, body: `Comment number ${i}` });
    const el = mount({ page });
    await until(() => articles(el).length === 50, 'the first 50');
    button(shadow(el), 'Load more comments').click();
    await until(() => articles(el).length === 53, 'all 53');
    expect(articles(el).at(-1)!.textContent).to.include('Comment number 52');
    expect([...shadow(el).querySelectorAll('button')].some((b) => b.textContent!.includes('Load more'))).to.equal(false);
  });

  it('shows newest first when asked', async () => {
    const page = uniquePage('newest');
    await seed({ page, body: 'older' });
    await seed({ page, body: 'newer' });
    const el = mount({ page, sort: 'newest' });
    await until(() => articles(el).length === 2, 'two comments');
    expect(articles(el).map((a) => a.querySelector('.body')!.textContent)).to.deep.equal(['newer', 'older']);
  });

  it('says when the server cannot be reached and offers a retry', async () => {
    const el = mount({ page: uniquePage('down'), api: 'http://127.0.0.1:9/' });
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'the error state');
    expect(alert.textContent).to.include('could not be reached');
    el.setAttribute('api', api);
    await until(() => text(el).includes('Be the first'), 'loaded after the server is back');

    el.setAttribute('site', 'no-such-site');
    const refused = await until(() => shadow(el).querySelector('[role="alert"]'), 'the error for an unknown site');
    expect(refused.textContent).to.include('There is no site "no-such-site"');
    el.removeAttribute('site');
    button(refused, 'Retry').click();
    await until(() => text(el).includes('Be the first'), 'loaded after retry');
  });

  it('scrolls to and highlights the comment named in the URL', async () => {
    const page = uniquePage('permalink');
    const { comment } = await seed({ page, body: 'Linked comment' });
    history.replaceState(null, '', `#comment-${comment.id}`);
    try {
      const el = mount({ page });
      const article = await until(() => shadow(el).querySelector(`#comment-${comment.id}.highlight`), 'the highlight');
      await until(() => shadow(el).activeElement === article, 'focus on the linked comment');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('follows the page colours by default and has light and dark themes', async () => {
    const page = uniquePage('theme');
    document.body.style.color = 'rgb(10, 20, 30)';
    const el = mount({ page });
    await until(() => text(el).includes('Be the first'), 'loaded');
    const section = shadow(el).querySelector('section')!;
    expect(getComputedStyle(section).color).to.equal('rgb(10, 20, 30)');
    el.setAttribute('theme', 'dark');
    await until(() => getComputedStyle(section).color === 'rgb(230, 230, 230)', 'dark text');
    expect(getComputedStyle(section).backgroundColor).to.equal('rgb(23, 25, 28)');
    document.body.style.color = '';
  });
});
