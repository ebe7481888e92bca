import { describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../../../shared/types.ts';
import { signIn } from '../../../helpers/admin.ts';
import { testApp, type TestApp } from '../../../helpers/app.ts';
import { tableCounts } from '../../../helpers/db.ts';

/** A database with a bit of everything: two sites, a moved page, replies, held, spam and deleted comments, votes, bans. */
async function populate(t: TestApp) {
  const mod = await signIn(t);
  await mod.request('POST', '/api/admin/sites', { slug: 'blog', name: 'Blog', origins: ['https://blog.example.com'], settings: { moderation: 'links' } });
  const a = await t.comment({ page: '/a', pageTitle: 'A', pageUrl: 'https://example.com/a', body: 'top **bold**', author: { name: 'Ann', email: 'ann@example.com', website: 'https://ann.example' } });
  const r = await t.comment({ page: '/a', body: 'reply', parentId: a.comment.id });
  await t.comment({ page: '/a', body: 'deep', parentId: r.comment.id });
  await t.comment({ site: 'blog', page: '/b', body: 'held https://x.example' });
  const spam = await t.comment({ page: '/a', body: 'spam' });
  await mod.request('POST', `/api/admin/comments/${spam.comment.id}/spam`);
  await mod.request('POST', `/api/admin/comments/${a.comment.id}/pin`);
  await t.post(`/api/comments/${a.comment.id}/vote`, { value: 1, voter: 'voter-aaaaaaa' });
  await t.post(`/api/comments/${r.comment.id}/vote`, { value: -1, voter: 'voter-bbbbbbb' });
  await mod.request('POST', '/api/admin/bans', { kind: 'email', value: 'troll@example.com', reason: 'trolling' });
  await mod.request('POST', '/api/admin/pages/move', { from: '/a', to: '/a-new' });
  await mod.request('POST', '/api/admin/webhooks', { site: 'blog', url: 'https://hooks.example.com/x', format: 'slack', events: ['comment.created'] });
  await mod.request('PUT', '/api/admin/notifications/alerts', { alerts: 'digest' });
  await t.db.execute("INSERT INTO subscribers (site, email, lang, confirmed_at, created_at) VALUES ('default', 'ann@example.com', 'de', 5, 4)");
  await t.db.execute({ sql: 'UPDATE comments SET notify_replies = 1 WHERE id = ?', args: [a.comment.id] });
  return mod;
}

const withoutTime = (doc: Record<string, unknown>) => ({ ...doc, exportedAt: 'x' });

describe("Parley's own backups", () => {
  it('round-trips: export, import into an empty database, export again gives the same document', async () => {
    const t = await testApp();
    const mod = await populate(t);
    const first = await (await mod.request('GET', '/api/admin/export?withAdmins=1')).json();
    expect(first).toMatchObject({ format: 'parley', version: 1 });
    expect(first.comments).toHaveLength(5);
    expect(first.admins).toHaveLength(1);
    expect(JSON.stringify(first)).not.toContain('test-secret');
    expect(first.subscribers).toEqual([{ site: 'default', email: 'ann@example.com', lang: 'de', confirmedAt: 5, unsubscribedAt: null, createdAt: 4 }]);
    expect(first.webhooks).toMatchObject([{ site: 'blog', url: 'https://hooks.example.com/x', format: 'slack', events: ['comment.created'] }]);
    expect(first.admins[0].alerts).toBe('digest');

    const fresh = await testApp();
    const restorer = await signIn(fresh, 'restorer@example.com');
    const res = await restorer.request('POST', '/api/admin/import', first);
    expect(await res.json()).toEqual({ sites: 2, pages: 2, comments: 5, votes: 2, bans: 1 });
    const second = await (await restorer.request('GET', '/api/admin/export?withAdmins=1')).json();
    expect(withoutTime(second)).toEqual(withoutTime({ ...first, admins: [...first.admins, second.admins.find((a: { email: string }) => a.email === 'restorer@example.com')].sort((x, y) => x.email.localeCompare(y.email)) }));

    const thread = (await (await fresh.get('/api/comments?page=/a')).json()) as ThreadResponse;
    expect(thread.page).toMatchObject({ key: '/a-new', title: 'A', commentCount: 3 });
    expect(thread.comments[0]).toMatchObject({ html: '<p>top <strong>bold</strong></p>', score: 1, author: { name: 'Ann', website: 'https://ann.example' } });
    expect(thread.comments[0]!.replies[0]!.replies[0]!.html).toBe('<p>deep</p>');
  });

  it('exports one site alone, without moderators unless asked', async () => {
    const t = await testApp();
    const mod = await populate(t);
    const blog = await (await mod.request('GET', '/api/admin/export?site=blog')).json();
    expect(blog.sites.map((s: { slug: string }) => s.slug)).toEqual(['blog']);
    expect(blog.pages.map((p: { key: string }) => p.key)).toEqual(['/b']);
    expect(blog.comments).toHaveLength(1);
    expect(blog.admins).toBeUndefined();
  });

  it('sanitises what a backup holds again: an edited file cannot smuggle in markup or javascript: links', async () => {
    const t = await testApp();
    const mod = await populate(t);
    const doc = await (await mod.request('GET', '/api/admin/export')).json();
    doc.comments[0].body_html = '<p>hi</p><img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>';
    doc.comments[0].author_website = 'javascript:alert(3)';
    const fresh = await testApp();
    const restorer = await signIn(fresh, 'restorer@example.com');
    expect((await restorer.request('POST', '/api/admin/import', doc)).status).toBe(200);
    const thread = (await (await fresh.get('/api/comments?page=/a-new')).json()) as ThreadResponse;
    expect(thread.comments[0]!.html).toBe('<p>hi</p>x');
    expect(thread.comments[0]!.author.website).toBeNull();
  });

  it('refuses an inconsistent backup with 400, not 500, changing nothing', async () => {
    const t = await testApp();
    const mod = await populate(t);
    const doc = await (await mod.request('GET', '/api/admin/export')).json();
    const fresh = await testApp();
    const restorer = await signIn(fresh, 'restorer@example.com');
    const broken = [
      { ...doc, comments: [...doc.comments, doc.comments[0]] },
      { ...doc, comments: doc.comments.map((c: Record<string, unknown>, i: number) => (i === 0 ? { ...c, page_id: 9999 } : c)) },
      { ...doc, comments: doc.comments.map((c: Record<string, unknown>, i: number) => (i === 0 ? { ...c, author_name: null } : c)) },
      { ...doc, votes: [...doc.votes, doc.votes[0]] },
    ];
    for (const b of broken) {
      const res = await restorer.request('POST', '/api/admin/import', b);
      expect(res.status).toBe(400);
    }
    expect(await tableCounts(fresh.db)).toMatchObject({ pages: 0, comments: 0 });
  });

  it('refuses to restore into a database that has comments, or a document that is not a backup, changing nothing', async () => {
    const t = await testApp();
    const mod = await populate(t);
    const doc = await (await mod.request('GET', '/api/admin/export')).json();
    const before = await tableCounts(t.db);
    expect((await mod.request('POST', '/api/admin/import', doc)).status).toBe(409);
    expect((await mod.request('POST', '/api/admin/import', { format: 'disqus' })).status).toBe(400);
    expect((await mod.request('POST', '/api/admin/import', { ...doc, version: 2 })).status).toBe(400);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
