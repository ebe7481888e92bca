import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../api/import/run.ts';
import type { ThreadResponse } from '../../shared/types.ts';
import { testApp, type TestApp } from '../helpers/app.ts';
import { tableCounts } from '../helpers/db.ts';
import { tempDir } from '../helpers/temp.ts';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);
const thread = async (t: TestApp, page: string) => (await (await t.get(`/api/comments?page=${encodeURIComponent(page)}`)).json()) as ThreadResponse;

describe('importing from Disqus', () => {
  it('builds threads keyed by the link path, nested, out-of-order posts included; spam hidden; placeholders only with replies', async () => {
    const t = await testApp();
    const result = await importFile(t.db, 'test-secret', 'disqus', fixture('disqus.xml'), 'default');
    expect(result).toEqual({
      pages: 2,
      imported: 7,
      alreadyThere: 0,
      skipped: { 'posts of unknown threads, or of threads without a usable link': 2, 'deleted posts without replies': 1 },
    });
    const hello = await thread(t, '/2015/hello-world/');
    expect(hello.page).toMatchObject({ title: 'Hello & welcome', url: 'https://blog.example.com/2015/hello-world/?utm_source=x', locked: false, commentCount: 4 });
    const [first, deleted, hostile] = hello.comments;
    expect(first).toMatchObject({ author: { name: 'Alice' }, createdAt: '2015-03-01T10:00:00.000Z' });
    expect(first!.html).toBe('<p>First comment, with a <a href="https://example.com/ref" rel="nofollow ugc noopener noreferrer">link</a> and <em>style</em>.</p><p>Second line<br />third line</p>');
    expect(first!.replies.map((r) => [r.author.name, r.html])).toEqual([['Carol', '<p>A reply that came <strong>first</strong> in the file &amp; quotes "this".</p>']]);
    expect(deleted).toMatchObject({ status: 'deleted', html: '', replyCount: 1 });
    expect(deleted!.replies[0]!.html).toBe('<p>A reply under a deleted comment.</p>');
    expect(hostile!.author.name).toBe('<b>Mallory</b>');
    expect(hostile!.html).toBe('<p>Hostile: click <a href="https://ok.example" rel="nofollow ugc noopener noreferrer">ok</a></p>');
    expect(hello.comments).toHaveLength(3);
    const closed = await thread(t, '/2016/closed-post');
    expect(closed.page).toMatchObject({ title: 'A closed <thread>', locked: true, commentCount: 1 });
    const { rows } = await t.db.execute("SELECT status, author_email, ip_hash, source_id FROM comments WHERE source_id = 'default/disqus:106' OR source_id = 'default/disqus:101' ORDER BY source_id");
    expect(rows.map((r) => r.status)).toEqual(['approved', 'spam']);
    expect(rows[0]!.author_email).toBe('alice@example.com');
    expect(String(rows[0]!.ip_hash)).not.toContain('203.0.113');
  });

  it('changes nothing when the same file is imported again', async () => {
    const t = await testApp();
    await importFile(t.db, 'test-secret', 'disqus', fixture('disqus.xml'), 'default');
    const before = await tableCounts(t.db);
    const page = await thread(t, '/2015/hello-world/');
    const again = await importFile(t.db, 'test-secret', 'disqus', fixture('disqus.xml'), 'default');
    expect(again).toMatchObject({ imported: 0, alreadyThere: 7 });
    expect(await tableCounts(t.db)).toEqual(before);
    expect(await thread(t, '/2015/hello-world/')).toEqual({ ...page, formToken: expect.any(String) });
  });

  it('refuses a file that is not a Disqus export, or not XML, importing nothing', async () => {
    const t = await testApp();
    const dir = tempDir();
    writeFileSync(join(dir, 'x.json'), '{"not": "xml"}');
    await expect(importFile(t.db, 's', 'disqus', fixture('wordpress.xml'), 'default')).rejects.toThrow('not a Disqus export');
    await expect(importFile(t.db, 's', 'disqus', join(dir, 'x.json'), 'default')).rejects.toThrow('not well-formed XML');
    await expect(importFile(t.db, 's', 'wordpress', fixture('disqus.xml'), 'default')).rejects.toThrow('not a WordPress export');
    expect(await tableCounts(t.db)).toMatchObject({ pages: 0, comments: 0 });
  });
});

/** A Disqus export of these threads (id → link) and posts (id, thread, parent), written to a temporary file. */
function disqusFile(threads: Record<string, string>, posts: [id: number, thread: string, parent?: number][]): string {
  const file = join(tempDir(), 'export.xml');
  const body = [
    ...Object.entries(threads).map(([id, link]) => `<thread dsq:id="${id}"><link>${link}</link><title>${id}</title></thread>`),
    ...posts.map(([id, thread, parent]) =>
      `<post dsq:id="${id}"><message><![CDATA[<p>post ${id}</p>]]></message><createdAt>2020-01-01T00:00:${String(id).padStart(2, '0')}Z</createdAt>` +
        `<author><name>R${id}</name></author><thread dsq:id="${thread}"/>${parent ? `<parent dsq:id="${parent}"/>` : ''}</post>`),
  ];
  writeFileSync(file, `<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">${body.join('\n')}</disqus>`);
  return file;
}

/** Each imported comment as [its Disqus id, its parent's Disqus id, its depth]. */
async function tree(t: TestApp): Promise<[string, string | null, number][]> {
  const { rows } = await t.db.execute(`SELECT c.source_id, p.source_id AS parent, c.depth FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
                                       ORDER BY c.created_at`);
  const id = (v: unknown) => (v === null ? null : String(v).replace('default/disqus:', ''));
  return rows.map((r) => [id(r.source_id)!, id(r.parent), Number(r.depth)]);
}

describe('threading what an export says', () => {
  it('nests replies any number of levels deep, deepest first in the file; a reply to another page or in a loop stays at the top', async () => {
    const t = await testApp();
    const file = disqusFile({ a: 'https://b.example/deep/', b: 'https://b.example/other/' }, [
      [4, 'a', 3], [3, 'a', 2], [2, 'a', 1], [1, 'a'], [5, 'a', 6], [6, 'a', 5], [7, 'b', 1],
    ]);
    expect(await importFile(t.db, 's', 'disqus', file, 'default')).toMatchObject({ pages: 2, imported: 7 });
    expect(await tree(t)).toEqual([['1', null, 0], ['2', '1', 1], ['3', '2', 2], ['4', '3', 3], ['5', null, 0], ['6', null, 0], ['7', null, 0]]);
    const deep = await thread(t, '/deep/');
    expect(deep.page.commentCount).toBe(6);
    expect(deep.comments.map((c) => c.html)).toEqual(['<p>post 1</p>', '<p>post 5</p>', '<p>post 6</p>']);
    expect((await thread(t, '/other/')).page.commentCount).toBe(1);
  });

  it('puts a reply imported without its parent under that parent when a later export brings it, with the replies below it', async () => {
    const t = await testApp();
    await importFile(t.db, 's', 'disqus', disqusFile({ a: 'https://b.example/x/' }, [[2, 'a', 1], [3, 'a', 2]]), 'default');
    expect(await tree(t)).toEqual([['2', null, 0], ['3', '2', 1]]);
    const later = await importFile(t.db, 's', 'disqus', disqusFile({ a: 'https://b.example/x/' }, [[1, 'a'], [2, 'a', 1], [3, 'a', 2], [4, 'a', 3]]), 'default');
    expect(later).toMatchObject({ imported: 2, alreadyThere: 2 });
    expect(await tree(t)).toEqual([['1', null, 0], ['2', '1', 1], ['3', '2', 2], ['4', '3', 3]]);
    expect((await thread(t, '/x/')).page.commentCount).toBe(4);
  });
});

describe('importing from WordPress', () => {
  it('keeps approved, held and spam comments apart, threads replies, skips pingbacks and trash without replies', async () => {
    const t = await testApp();
    const result = await importFile(t.db, 'test-secret', 'wordpress', fixture('wordpress.xml'), 'default');
    expect(result).toMatchObject({ pages: 2, imported: 5, alreadyThere: 0, skipped: { 'deleted posts without replies': 1 } });
    const spring = await thread(t, '/2019/05/spring/');
    expect(spring.page).toMatchObject({ title: 'Spring & summer', commentCount: 2 });
    expect(spring.comments.map((c) => c.author.name)).toEqual(['Vera']);
    expect(spring.comments[0]!.author.website).toBeNull();
    expect(spring.comments[0]!.html).toBe('First line<br />second line &amp; an <a href="https://example.org" rel="nofollow ugc noopener noreferrer">example</a>');
    expect(spring.comments[0]!.replies.map((r) => [r.author.name, r.author.website])).toEqual([['Walter', 'https://walter.example']]);
    const { rows } = await t.db.execute("SELECT source_id, status FROM comments ORDER BY source_id");
    expect(rows.map((r) => [r.source_id, r.status])).toEqual([
      ['default/wordpress:20', 'approved'],
      ['default/wordpress:5', 'approved'],
      ['default/wordpress:7', 'approved'],
      ['default/wordpress:8', 'pending'],
      ['default/wordpress:9', 'spam'],
    ]);
    expect((await thread(t, '/2019/06/closed/')).page.locked).toBe(true);
    expect((await importFile(t.db, 'test-secret', 'wordpress', fixture('wordpress.xml'), 'default')).imported).toBe(0);
    // Another blog's ids are its own: the same file into another site is another set of comments.
    await t.db.execute("INSERT INTO sites (slug, name, created_at) VALUES ('other', 'Other', 0)");
    expect((await importFile(t.db, 'test-secret', 'wordpress', fixture('wordpress.xml'), 'other')).imported).toBe(5);
    expect((await t.db.execute('SELECT count(*) AS n FROM import_posts')).rows[0]!.n).toBe(0);
  });

  it('keeps a moved thread whole when the same export is imported again', async () => {
    const t = await testApp();
    await importFile(t.db, 'test-secret', 'wordpress', fixture('wordpress.xml'), 'default');
    const { movePage } = await import('../../api/store/page-moves.ts');
    const { writeTransaction } = await import('../../api/db/write.ts');
    await writeTransaction(t.db, (tx) => movePage(tx, 'default', '/2019/05/spring/', '/spring/'));
    await importFile(t.db, 'test-secret', 'wordpress', fixture('wordpress.xml'), 'default');
    const moved = await thread(t, '/2019/05/spring/');
    expect(moved.page).toMatchObject({ key: '/spring/', commentCount: 2 });
    expect((await t.db.execute("SELECT count(*) AS n FROM pages WHERE key = '/2019/05/spring/'")).rows[0]!.n).toBe(0);
  });
});
