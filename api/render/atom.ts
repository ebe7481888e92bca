/** Atom 1.0 documents for comment feeds: every value escaped, content as escaped HTML. */
import type { FeedEntry } from '../store/feed.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => escapes[ch]!);
const iso = (ms: number) => new Date(ms).toISOString();

export interface FeedInfo {
  /** The feed's own address: its id and its rel="self" link. */
  selfUrl: string;
  title: string;
  /** The page the feed is about, when it is one thread. */
  pageUrl: string | null;
  siteSlug: string;
  /** Where a comment of a page without a stored URL can be linked. */
  pageUrlFor(entry: FeedEntry): string;
}

export function renderAtom(feed: FeedInfo, entries: FeedEntry[]): string {
  const updated = entries.reduce((latest, e) => Math.max(latest, e.editedAt ?? e.createdAt), 0);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${esc(feed.selfUrl)}</id>`,
    `  <title>${esc(feed.title)}</title>`,
    `  <updated>${iso(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(feed.selfUrl)}"/>`,
    ...(feed.pageUrl ? [`  <link rel="alternate" type="text/html" href="${esc(feed.pageUrl)}"/>`] : []),
    '  <generator>Parley</generator>',
  ];
  for (const e of entries) {
    const link = `${feed.pageUrlFor(e)}#comment-${e.id}`;
    const name = e.name || 'Anonymous';
    lines.push(
      '  <entry>',
      `    <id>urn:parley:${esc(feed.siteSlug)}:comment:${e.id}</id>`,
      `    <title>${esc(`${name} on ${e.pageTitle ?? e.pageKey}`)}</title>`,
      `    <author><name>${esc(name)}</name></author>`,
      `    <published>${iso(e.createdAt)}</published>`,
      `    <updated>${iso(e.editedAt ?? e.createdAt)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${esc(link)}"/>`,
      `    <content type="html">${esc(e.html)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
