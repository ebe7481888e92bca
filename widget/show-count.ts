/**
 * Fills <parley-count> elements, every count asked for in one tick in one request per server and site. It loads
 * with the first count on a page and imports nothing the thread has: a chunk of its own, not one more shared one.
 */
import type { CountsResponse } from '../shared/types.ts';
import type { Translator } from './i18n/translator.ts';

export interface CountAsk {
  base: string;
  site: string | undefined;
  page: string;
}

interface Waiting {
  page: string;
  resolve(n: number): void;
  reject(err: unknown): void;
}

/** The API's limit of pages per request. */
const chunk = 100;
const queues = new Map<string, Waiting[]>();
/** The latest ask of each element: an answer to an older one (its page changed meanwhile) is dropped. */
const latest = new WeakMap<Element, CountAsk>();

export async function showCount(el: HTMLElement, ask: CountAsk, words: Promise<Translator>): Promise<void> {
  latest.set(el, ask);
  const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  let text = '';
  try {
    const [n, tr] = await Promise.all([requestCount(ask), words]);
    text = tr.n('comments', n);
  } catch {
    // No count is shown rather than a broken one.
  }
  if (latest.get(el) === ask) root.textContent = text;
}

function requestCount({ base, site, page }: CountAsk): Promise<number> {
  return new Promise((resolve, reject) => {
    const key = JSON.stringify([base, site ?? '']);
    let queue = queues.get(key);
    if (!queue) {
      queues.set(key, (queue = []));
      queueMicrotask(() => {
        queues.delete(key);
        void flush(base, site, queue!);
      });
    }
    queue.push({ page, resolve, reject });
  });
}

async function flush(base: string, site: string | undefined, queue: Waiting[]): Promise<void> {
  for (let i = 0; i < queue.length; i += chunk) {
    const part = queue.slice(i, i + chunk);
    try {
      const search = new URLSearchParams(site ? { site } : {});
      for (const page of new Set(part.map((w) => w.page))) search.append('page', page);
      const res = await fetch(new URL(`api/counts?${search}`, base), { credentials: 'same-origin' });
      if (!res.ok) throw new Error(res.statusText);
      const { counts } = (await res.json()) as CountsResponse;
      for (const w of part) w.resolve(counts[w.page] ?? 0);
    } catch (err) {
      for (const w of part) w.reject(err);
    }
  }
}
