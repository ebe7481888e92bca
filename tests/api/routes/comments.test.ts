import { describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../../shared/types.ts';
import { testApp } from '../../helpers/app.ts';

const thread = async (t: Awaited<ReturnType<typeof testApp>>, query: string) => {
  const res = await t.get(`/api/comments?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ThreadResponse;
};

describe('posting a comment', () => {
  it('answers 201 with the comment, an edit token and when editing ends', async () => {
    const t = await testApp();
    const before = Date.now();
    const res = await t.post('/api/comments', { page: '/post/1', author: { name: 'Ada', email: 'ada@example.com' }, body: 'First!' });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.comment).toMatchObject({
      parentId: null,
      depth: 0,
      author: { name: 'Ada', website: null, badge: null },
      html: '<p>First!</p>',
      status: 'approved',
      score: 0,
      replyCount: 0,
      replies: [],
      moreReplies: 0,
      editedAt: null,
    });
    expect(body.comment.id).toMatch(/^\d+$/);
    expect(JSON.stringify(body)).not.toContain('ada@example.com');
    expect(body.editToken).toMatch(/^[\w-]{40,}$/);
    const until = Date.parse(body.editableUntil) - before;
    expect(until).toBeGreaterThan(14 * 60_000);
    expect(until).toBeLessThan(16 * 60_000);
  });

  it('stores only a hash of the edit token and of the address', async () => {
    const t = await testApp();
    const { editToken } = await t.comment({});
    const { rows } = await t.db.execute('SELECT edit_token_hash, ip_hash, body_source FROM comments');
    expect(rows[0]!.edit_token_hash).not.toBe(editToken);
    expect(String(rows[0]!.edit_token_hash)).toHaveLength(43);
    expect(rows[0]!.body_source).toBe('Hello');
  });

  it('renders the body as Markdown once, keeping the source as written', async () => {
    const t = await testApp();
    const { comment } = await t.comment({ body: '<script>alert(1)</script> & **bold**\nline two\n\n\nnew paragraph' });
    expect(comment.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; <strong>bold</strong><br />\nline two</p>\n<p>new paragraph</p>');
    const { rows } = await t.db.execute('SELECT body_source FROM comments');
    expect(rows[0]!.body_source).toBe('<script>alert(1)</script> & **bold**\nline two\n\n\nnew paragraph');
  });

  it('normalises text: NFC, no control characters, trimmed', async () => {
    const t = await testApp();
    const { comment } = await t.comment({ body: '  Cafe\u0301\u0007 \r\nok  ', author: { name: ' Bob\u202E \u0000Smith ' } });
    expect(comment.html).toBe('<p>Caf\u00e9<br />\nok</p>');
    expect(comment.author.name).toBe('Bob Smith');
  });

  it('creates the page on first comment, keeping its first title and URL', async () => {
    const t = await testApp();
    await t.comment({ page: '/a', pageTitle: 'Real title', pageUrl: 'https://blog.example.com/a' });
    await t.comment({ page: '/a', pageTitle: 'Hijacked', pageUrl: 'https://evil.example/a' });
    const { page } = await thread(t, 'page=/a');
    expect(page).toEqual({ key: '/a', title: 'Real title', url: 'https://blog.example.com/a', locked: false, commentCount: 2, maxDepth: 6 });
  });

  it('shows the website only as an http(s) link', async () => {
    const t = await testApp();
    const { comment } = await t.comment({ author: { name: 'W', website: 'https://w.example/' } });
    expect(comment.author.website).toBe('https://w.example/');
    const res = await t.post('/api/comments', { page: '/p', author: { website: 'javascript:alert(1)' }, body: 'x' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'validation', field: 'author.website' });
  });
});

describe('many readers posting at once', () => {
  it('keeps every comment and every count right', async () => {
    const t = await testApp();
    const { comment: top } = await t.comment({ body: 'top' });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.post('/api/comments', { page: '/post/1', body: `r${i}`, parentId: i % 2 ? top.id : undefined })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    const { page, comments } = await thread(t, 'page=/post/1&limit=200');
    expect(page.commentCount).toBe(31);
    expect(comments).toHaveLength(16);
    expect(comments[0]!.replyCount).toBe(15);
    expect(comments[0]!.replies).toHaveLength(15);
  });
});

describe('reading a thread', () => {
  it('answers an unknown page with no comments', async () => {
    const t = await testApp();
    expect(await thread(t, 'page=/nobody-here')).toEqual({
      page: { key: '/nobody-here', title: null, url: null, locked: false, commentCount: 0, maxDepth: 6 },
      sort: 'oldest',
      formToken: expect.stringMatching(/^\w+\.[\w-]{22}$/),
      comments: [],
      nextCursor: null,
    });
  });

  it('nests replies of any depth under their parents, oldest first', async () => {
    const t = await testApp();
    const a = (await t.comment({ body: 'a' })).comment;
    const b = (await t.comment({ body: 'b', parentId: a.id })).comment;
    const c = (await t.comment({ body: 'c', parentId: b.id })).comment;
    const d = (await t.comment({ body: 'd', parentId: c.id })).comment;
    const b2 = (await t.comment({ body: 'b2', parentId: a.id })).comment;
    const { page, comments } = await thread(t, 'page=/post/1');
    expect(page.commentCount).toBe(5);
    expect(comments).toHaveLength(1);
    const [top] = comments;
    expect(top!.replyCount).toBe(2);
    expect(top!.replies.map((r) => r.id)).toEqual([b.id, b2.id]);
    expect(top!.replies[0]!.replies[0]!.id).toBe(c.id);
    expect(top!.replies[0]!.replies[0]!.depth).toBe(2);
    expect(top!.replies[0]!.replies[0]!.replies[0]).toMatchObject({ id: d.id, depth: 3, parentId: c.id, moreReplies: 0 });
  });

  it('pages top-level comments with an opaque cursor, without repeats or gaps', async () => {
    const t = await testApp();
    for (let i = 0; i < 7; i++) await t.comment({ body: `c${i}` });
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const res: ThreadResponse = await thread(t, `page=/post/1&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.comments.map((c) => c.html));
      cursor = res.nextCursor;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `<p>c${i}</p>`));
  });

  it('sorts top-level comments newest first on request, replies staying oldest first', async () => {
    const t = await testApp();
    const first = (await t.comment({ body: 'first' })).comment;
    await t.comment({ body: 'second' });
    await t.comment({ body: 'r1', parentId: first.id });
    await t.comment({ body: 'r2', parentId: first.id });
    const newest = await thread(t, 'page=/post/1&sort=newest&limit=1');
    expect(newest.comments.map((c) => c.html)).toEqual(['<p>second</p>']);
    const rest = await thread(t, `page=/post/1&sort=newest&limit=1&cursor=${newest.nextCursor}`);
    expect(rest.comments[0]!.replies.map((r) => r.html)).toEqual(['<p>r1</p>', '<p>r2</p>']);
    expect(rest.nextCursor).toBeNull();
  });

  it('counts replies that are not included in moreReplies and serves them from /replies', async () => {
    const t = await testApp();
    const top = (await t.comment({ body: 'top' })).comment;
    for (let i = 0; i < 5; i++) await t.comment({ body: `r${i}`, parentId: top.id });
    const first = await t.get(`/api/comments/${top.id}/replies?limit=2`);
    const page1 = await first.json();
    expect(page1.comments.map((c: { html: string }) => c.html)).toEqual(['<p>r0</p>', '<p>r1</p>']);
    const page2 = await (await t.get(`/api/comments/${top.id}/replies?limit=10&cursor=${page1.nextCursor}`)).json();
    expect(page2.comments).toHaveLength(3);
    expect(page2.nextCursor).toBeNull();
  });

  it('shows the first 20 replies under a comment and counts the rest in moreReplies', async () => {
    const t = await testApp();
    const top = (await t.comment({ body: 'top' })).comment;
    for (let i = 0; i < 23; i++) await t.comment({ body: `r${i}`, parentId: top.id });
    const { comments } = (await (await t.get('/api/comments?page=/post/1')).json()) as ThreadResponse;
    expect(comments[0]!.replies).toHaveLength(20);
    expect(comments[0]!).toMatchObject({ replyCount: 23, moreReplies: 3 });
    const all = await (await t.get(`/api/comments/${top.id}/replies?limit=50`)).json();
    expect(all.comments.map((c: { html: string }) => c.html).slice(20)).toEqual(['<p>r20</p>', '<p>r21</p>', '<p>r22</p>']);
  });

  it('answers a new comment with its reply count as replies still to load', async () => {
    const t = await testApp();
    const { comment } = await t.comment({});
    expect(comment).toMatchObject({ replyCount: 0, moreReplies: 0 });
  });

  it('answers 404 for the replies of a comment that does not exist', async () => {
    const t = await testApp();
    for (const id of ['999', 'abc', '0', '1e3']) {
      const res = await t.get(`/api/comments/${id}/replies`);
      expect(res.status, id).toBe(id === '999' ? 404 : 400);
      expect((await res.json()).error.code).toBe(id === '999' ? 'not_found' : 'validation');
    }
  });

  it('keeps sites apart: the same page key on another site is another thread', async () => {
    const t = await testApp();
    await t.db.execute("INSERT INTO sites (slug, name, created_at) VALUES ('blog', 'Blog', 0)");
    await t.comment({ body: 'on default' });
    await t.comment({ body: 'on blog', site: 'blog' });
    expect((await thread(t, 'page=/post/1')).comments.map((c) => c.html)).toEqual(['<p>on default</p>']);
    expect((await thread(t, 'site=blog&page=/post/1')).comments.map((c) => c.html)).toEqual(['<p>on blog</p>']);
  });
});

describe('conditional reads', () => {
  it('answers 304 to a client that has the thread already, and 200 once it changed', async () => {
    const t = await testApp();
    await t.comment({ body: 'one' });
    const first = await t.get('/api/comments?page=/post/1');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5');
    const same = await t.get('/api/comments?page=/post/1', { 'If-None-Match': etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    await t.comment({ body: 'two' });
    const changed = await t.get('/api/comments?page=/post/1', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const counts = await t.get('/api/counts?page=/post/1');
    expect((await t.get('/api/counts?page=/post/1', { 'If-None-Match': counts.headers.get('etag')! })).status).toBe(304);
  });
});
