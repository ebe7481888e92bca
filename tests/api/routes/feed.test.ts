import { describe, expect, it } from 'vitest';
import { signIn } from '../../helpers/admin.ts';
import { testApp } from '../../helpers/app.ts';
import { child, children, parseXml, type XmlElement } from '../../helpers/xml.ts';

const atom = 'http://www.w3.org/2005/Atom';
const isoDate = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** The rules of RFC 4287 a reader relies on: required elements, ids, dates, one self link. */
function checkAtom(feed: XmlElement): void {
  expect(feed.name).toBe('feed');
  expect(feed.attributes.xmlns).toBe(atom);
  for (const required of ['id', 'title', 'updated']) expect(child(feed, required), required).toBeDefined();
  expect(child(feed, 'updated')!.text).toMatch(isoDate);
  expect(children(feed, 'link').filter((l) => l.attributes.rel === 'self')).toHaveLength(1);
  const ids = new Set<string>();
  for (const entry of children(feed, 'entry')) {
    for (const required of ['id', 'title', 'updated', 'author', 'content', 'link']) expect(child(entry, required), required).toBeDefined();
    expect(child(entry, 'updated')!.text).toMatch(isoDate);
    expect(child(entry, 'published')!.text).toMatch(isoDate);
    expect(child(child(entry, 'author')!, 'name')!.text).not.toBe('');
    expect(child(entry, 'content')!.attributes.type).toBe('html');
    const id = child(entry, 'id')!.text;
    expect(id).toMatch(/^urn:parley:[\w-]+:comment:\d+$/);
    expect(ids.has(id)).toBe(false);
    ids.add(id);
  }
}

describe('Atom feeds', () => {
  it("serves a site's recent approved comments, newest first, valid Atom with permalinks", async () => {
    const t = await testApp();
    await t.db.execute(`UPDATE sites SET settings = '{"moderation": "links"}' WHERE slug = 'default'`);
    await t.comment({ page: '/a', pageUrl: 'https://blog.example.com/a', pageTitle: 'Post A', body: 'first', author: { name: 'Ann' } });
    await t.comment({ page: '/b', pageTitle: 'Post B & more', body: '**second** <script>x</script>', author: { name: 'Bob <b>' } });
    await t.comment({ page: '/a', body: 'held: https://spam.example' });
    const res = await t.get('/api/feed.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const text = await res.text();
    const feed = parseXml(text);
    checkAtom(feed);
    const entries = children(feed, 'entry');
    expect(entries.map((e) => child(e, 'title')!.text)).toEqual(['Bob <b> on Post B & more', 'Ann on Post A']);
    expect(child(entries[0]!, 'content')!.text).toBe('<p><strong>second</strong> &lt;script&gt;x&lt;/script&gt;</p>');
    expect(child(entries[1]!, 'link')!.attributes.href).toMatch(/^https:\/\/blog\.example\.com\/a#comment-\d+$/);
    expect(child(entries[0]!, 'link')!.attributes.href).toMatch(/^http:\/\/localhost\/b#comment-\d+$/);
    expect(child(feed, 'updated')!.text).toBe(child(entries[0]!, 'updated')!.text);
    expect(text).not.toContain('spam.example');
  });

  it("serves one thread's comments with &page=, and an edit moves its updated date", async () => {
    const t = await testApp();
    const mod = await signIn(t);
    const { comment } = await t.comment({ page: '/a', pageUrl: 'https://blog.example.com/a', body: 'one' });
    await t.comment({ page: '/b', body: 'elsewhere' });
    await new Promise((r) => setTimeout(r, 5));
    await mod.request('PATCH', `/api/admin/comments/${comment.id}`, { body: 'one, edited' });
    const feed = parseXml(await (await t.get('/api/feed.atom?site=default&page=/a')).text());
    checkAtom(feed);
    const [entry] = children(feed, 'entry');
    expect(children(feed, 'entry')).toHaveLength(1);
    expect(Date.parse(child(entry!, 'updated')!.text)).toBeGreaterThan(Date.parse(child(entry!, 'published')!.text));
    expect(children(feed, 'link').find((l) => l.attributes.rel === 'alternate')!.attributes.href).toBe('https://blog.example.com/a');
  });

  it('stays well-formed XML whatever characters comments hold', async () => {
    const t = await testApp();
    await t.comment({ page: '/odd', body: 'odd \uFFFF\uFFFE \uD800 chars \u0007 and \u{1F600}', author: { name: 'N\uFFFF' } });
    const feed = parseXml(await (await t.get('/api/feed.atom?page=/odd')).text());
    checkAtom(feed);
    expect(child(children(feed, 'entry')[0]!, 'content')!.text).toBe('<p>odd   chars  and \u{1F600}</p>');
  });

  it('is valid with no comments yet, and refuses an unknown site with a JSON 404', async () => {
    const t = await testApp();
    checkAtom(parseXml(await (await t.get('/api/feed.atom?page=/nothing')).text()));
    const res = await t.get('/api/feed.atom?site=nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
