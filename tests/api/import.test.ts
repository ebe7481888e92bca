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
