/**
 * Read answers kept in this process's memory. Each is stored with the version of the rows it was read from
 * (pages.version, sites.counts_version: migration 008, changed by triggers in the same transaction as any
 * write, whichever process or command makes it), and served only while the request's own fresh read of that
 * version still matches. So a write anywhere is seen by every process at its next request.
 */
import { Lru } from './lru.ts';

export interface Sized {
  /** What holding it costs, roughly, in bytes. */
  readonly bytes: number;
}

interface Entry<V> {
  version: number;
  /** Time alone makes the answer wrong from this moment (ms since epoch), e.g. a thread closing with age. */
  validUntil: number;
  value: V;
}

/** What a key's entry costs beyond its value: the key, the entry and the Map's own bookkeeping. */
const overheadBytes = 200;

export class ReadCache<V extends Sized> {
  readonly #lru: Lru<Entry<V>>;
  /** Reads under way, so that many requests missing the same entry at once wait for one read. */
  readonly #filling = new Map<string, Promise<{ value: V; validUntil: number }>>();

  constructor(limits: { maxEntries: number; maxBytes: number }) {
    this.#lru = new Lru(limits);
  }

  get size(): number {
    return this.#lru.size;
  }

  get bytes(): number {
    return this.#lru.bytes;
  }

  /** The entry for `key` at `version`, else what `fill` reads, kept for the next request. */
  async get(key: string, version: number, now: number, fill: () => Promise<{ value: V; validUntil: number }>): Promise<V> {
    const entry = this.#lru.get(key);
    if (entry && entry.version === version && now < entry.validUntil) return entry.value;
    const flight = `${version}\0${key}`;
    let filling = this.#filling.get(flight);
    if (!filling) {
      filling = fill().finally(() => this.#filling.delete(flight));
      this.#filling.set(flight, filling);
      // Stored under the version read before the rows: if a write came in between, the rows are newer than the
      // label, and the next request, reading the new version, reads them again. Never the other way round.
      void filling.then(
        ({ value, validUntil }) => this.#lru.set(key, { version, validUntil, value }, value.bytes + key.length * 2 + overheadBytes),
        () => {},
      );
    }
    return (await filling).value;
  }
}
