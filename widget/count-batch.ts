/** Collects every <parley-count> that asks in the same tick and sends one request per server and site. */
import { getCounts } from './api-client.ts';

interface Waiting {
  page: string;
  resolve(n: number): void;
  reject(err: unknown): void;
}

const queues = new Map<string, Waiting[]>();

export function requestCount(base: string, site: string | undefined, page: string): Promise<number> {
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

const chunk = 100; // the API's limit of pages per request

async function flush(base: string, site: string | undefined, queue: Waiting[]): Promise<void> {
  for (let i = 0; i < queue.length; i += chunk) {
    const part = queue.slice(i, i + chunk);
    try {
      const { counts } = await getCounts(base, site, [...new Set(part.map((w) => w.page))]);
      for (const w of part) w.resolve(counts[w.page] ?? 0);
    } catch (err) {
      for (const w of part) w.reject(err);
    }
  }
}
