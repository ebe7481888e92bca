/** `parley import disqus|wordpress FILE`: stream the export, stage what it holds, then build the threads. */
import { statSync } from 'node:fs';
import type { Db } from '../db/client.ts';
import { cleanLine, cleanText } from '../../shared/text.ts';
import { htmlToText } from '../render/html-text.ts';
import { sanitize } from '../render/sanitize.ts';
import { keyedHash } from '../security/hash.ts';
import { clearStaging, finishImport, stage, type ImportResult, type StagedPost, type StagedThread } from '../store/import-staging.ts';
import { streamRecords, type XmlRecord } from './xml-records.ts';

export type ImportKind = 'disqus' | 'wordpress';

export class NotAnExport extends Error {}

/** The page key the widget would use for an article's link: its path. */
function keyOf(link: string | undefined): { key: string | null; url: string | null } {
  const trimmed = link?.trim() ?? '';
  if (!URL.canParse(trimmed)) return { key: null, url: null };
  const url = new URL(trimmed);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { key: null, url: null };
  return { key: url.pathname, url: url.href };
}

const yes = (text: string | undefined) => text?.trim().toLowerCase() === 'true';
const isHttp = (s: string) => /^https?:\/\//i.test(s) && URL.canParse(s);

interface Mapper {
  root: string;
  isRecord(path: string[]): boolean;
  map(record: XmlRecord, emit: { thread(t: StagedThread): void; post(p: Omit<StagedPost, 'avatar' | 'ipHash'> & { ip: string | null }): void }): void;
  /** Checked at the end: did the file look like this kind of export at all? */
  recognised(): boolean;
}

function disqus(prefix: string): Mapper {
  let posts = 0;
  let threads = 0;
  return {
    root: 'disqus',
    isRecord: (path) => path.length === 2 && (path[1] === 'thread' || path[1] === 'post'),
    map(r, emit) {
      const id = r.attributes.id;
      if (!id) return;
      if (r.name === 'thread') {
        threads++;
        emit.thread({ sourceId: `${prefix}disqus:${id}`, ...keyOf(r.fields.link), title: cleanLine(r.fields.title ?? '') || null, closed: yes(r.fields.isClosed) });
        return;
      }
      posts++;
      const deleted = yes(r.fields.isDeleted);
      const html = deleted ? '' : sanitize(r.fields.message ?? '');
      emit.post({
        sourceId: `${prefix}disqus:${id}`,
        threadSource: `${prefix}disqus:${r.fieldAttributes['thread@id'] ?? ''}`,
        parentSource: r.fieldAttributes['parent@id'] ? `${prefix}disqus:${r.fieldAttributes['parent@id']}` : null,
        name: deleted ? '' : cleanLine(r.fields['author/name'] ?? r.fields['author/username'] ?? '').slice(0, 64),
        email: deleted ? null : r.fields['author/email']?.trim().toLowerCase() || null,
        website: null,
        ip: deleted ? null : r.fields.ipAddress?.trim() || null,
        source: deleted ? '' : cleanText(htmlToText(html)),
        html,
        status: deleted ? 'deleted' : yes(r.fields.isSpam) ? 'spam' : 'approved',
        createdAt: Date.parse(r.fields.createdAt ?? '') || Date.now(),
      });
    },
    recognised: () => posts + threads > 0,
  };
}

function wordpress(prefix: string): Mapper {
  let current: { link?: string; title?: string } = {};
  let wxr = false;
  return {
    root: 'rss',
    isRecord: (path) =>
      (path.length === 3 && path[2] === 'wxr_version') ||
      (path.length === 4 && path[2] === 'item' && ['title', 'link', 'post_id', 'comment_status', 'comment'].includes(path[3]!)),
    map(r, emit) {
      const text = r.fields[''] ?? '';
      switch (r.name) {
        case 'wxr_version':
          wxr = true;
          return;
        case 'title':
          current = { title: cleanLine(text) };
          return;
        case 'link':
          current.link = text;
          return;
        case 'post_id':
          emit.thread({ sourceId: `${prefix}wordpress:${text.trim()}`, ...keyOf(current.link), title: current.title || null, closed: false });
          (current as { id?: string }).id = text.trim();
          return;
        case 'comment_status':
          if (text.trim() === 'closed' && (current as { id?: string }).id) {
            emit.thread({ sourceId: `${prefix}wordpress:${(current as { id?: string }).id}`, ...keyOf(current.link), title: current.title || null, closed: true });
          }
          return;
      }
      // A <wp:comment>: pingbacks and trackbacks are not comments people wrote.
      const type = r.fields.comment_type?.trim() ?? '';
      if (type === 'pingback' || type === 'trackback') return;
      const state = r.fields.comment_approved?.trim() ?? '1';
      const deleted = state === 'trash';
      const html = deleted ? '' : sanitize((r.fields.comment_content ?? '').replace(/\r?\n/g, '<br>'));
      const parent = r.fields.comment_parent?.trim();
      const website = r.fields.comment_author_url?.trim() ?? '';
      emit.post({
        sourceId: `${prefix}wordpress:${r.fields.comment_id?.trim()}`,
        threadSource: `${prefix}wordpress:${(current as { id?: string }).id ?? ''}`,
        parentSource: parent && parent !== '0' ? `${prefix}wordpress:${parent}` : null,
        name: deleted ? '' : cleanLine(r.fields.comment_author ?? '').slice(0, 64),
        email: deleted ? null : r.fields.comment_author_email?.trim().toLowerCase() || null,
        website: !deleted && isHttp(website) ? website : null,
        ip: deleted ? null : r.fields.comment_author_IP?.trim() || null,
        source: deleted ? '' : cleanText(htmlToText(html)),
        html,
        status: deleted ? 'deleted' : state === 'spam' ? 'spam' : state === '1' ? 'approved' : 'pending',
        createdAt: Date.parse(`${(r.fields.comment_date_gmt ?? '').trim().replace(' ', 'T')}Z`) || Date.now(),
      });
    },
    recognised: () => wxr,
  };
}

const batchSize = 500;

export async function importFile(
  db: Db,
  secret: string,
  kind: ImportKind,
  file: string,
  site: string,
  onProgress?: (fraction: number) => void,
): Promise<ImportResult> {
  // Source ids are the exporter's, unique only within one blog: they are kept per site.
  const prefix = `${site}/`;
  const mapper = kind === 'disqus' ? disqus(prefix) : wordpress(prefix);
  const size = statSync(file).size || 1;
  await clearStaging(db);
  let threads: StagedThread[] = [];
  let posts: StagedPost[] = [];
  const flush = async () => {
    if (threads.length === 0 && posts.length === 0) return;
    const [t, p] = [threads, posts];
    threads = [];
    posts = [];
    await stage(db, t, p);
  };
  const options: Parameters<typeof streamRecords>[1] = {
    onRoot(name) {
      if (name !== mapper.root) throw new NotAnExport(`This is not a ${kind === 'disqus' ? 'Disqus' : 'WordPress'} export: it starts with <${name}>, not <${mapper.root}>.`);
    },
    isRecord: mapper.isRecord,
    async onRecord(record) {
      mapper.map(record, {
        thread: (t) => threads.push(t),
        post: ({ ip, ...p }) =>
          posts.push({ ...p, ipHash: ip ? keyedHash(secret, 'ip', ip) : null, avatar: keyedHash(secret, 'avatar', p.email ?? p.name.toLowerCase()).slice(0, 16) }),
      });
      if (threads.length + posts.length >= batchSize) await flush();
    },
    onProgress: (bytes) => onProgress?.(bytes / size),
  };
  try {
    await streamRecords(file, options);
    await flush();
    if (!mapper.recognised()) {
      throw new NotAnExport(kind === 'disqus' ? 'This Disqus export holds no threads and no posts.' : 'This is not a WordPress export: it has no <wp:wxr_version>.');
    }
    return await finishImport(db, site);
  } finally {
    // Staged rows hold emails: they never outlive the import, finished or failed.
    await clearStaging(db);
  }
}
