/** Atom 1.0 documents for comment feeds: every value escaped, content as escaped HTML. */
import type { FeedEntry } from '../store/feed.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// XML 1.0 cannot hold these at all, escaped or not; imported or older text might.
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const esc = (text: string) => text.replace(notXml, '').replace(/[&<>"']/g, (ch) => escapes[ch]!);
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
  // An empty feed was last updated now, as far as a reader can tell.
  const updated = entries.length ? entries.reduce((latest, e) => Math.max(latest, e.editedAt ?? e.createdAt), 0) : Date.now();
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
