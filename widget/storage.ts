/**
 * What the widget keeps in the reader's browser (localStorage), per Parley server: sort, voter id, votes, own
 * comments (edit tokens). What only writing needs is in writer-storage.ts, which loads with the form.
 */

let scope = 'parley:';

/** Keeps each Parley server's tokens and votes apart when one browser reads several. */
export function setStorageScope(base: string): void {
  scope = `parley:${new URL(base).host}:`;
}

/** The last value read under each key, parsed: a thread reads votes and tokens once per comment it renders. */
const parsed = new Map<string, [raw: string, value: unknown]>();

/** A stored value; the result is shared between callers, so it must not be changed in place. */
export function read<T>(key: string, fallback: T, global = false): T {
  try {
    const name = (global ? 'parley:' : scope) + key;
    const raw = localStorage.getItem(name);
    if (raw === null) return fallback;
    let last = parsed.get(name);
    if (last?.[0] !== raw) parsed.set(name, (last = [raw, JSON.parse(raw)]));
    return last[1] as T;
  } catch {
    return fallback;
  }
}

export function write(key: string, value: unknown, global = false): void {
  try {
    localStorage.setItem((global ? 'parley:' : scope) + key, JSON.stringify(value));
  } catch {
    // Storage can be off or full (private windows, blocked cookies): the widget works, it just forgets.
  }
}

export const savedSort = () => read<string | null>('sort', null, true);
export const saveSort = (sort: string) => write('sort', sort, true);

/** A random id that keeps this browser's votes apart from others behind the same address. */
export function voterId(): string {
  let id = read<string>('voter', '');
  if (!/^[\w-]{8,64}$/.test(id)) {
    id = crypto.randomUUID();
    write('voter', id);
  }
  return id;
}

export interface OwnComment {
  token: string;
  /** ms since epoch when the server stops accepting changes. */
  until: number;
  /** The Markdown as last written, to edit from. */
  source: string;
  /** The site and page it was written on, to find it again while it awaits moderation. */
  site: string;
  page: string;
  /** ms since epoch when this browser forgets it. */
  expires: number;
}

type Owned = Record<string, OwnComment>;

/** Every comment this browser wrote on this server that it still remembers, by id. */
export function owned(): Owned {
  const all = read<Owned>('own', {});
  const now = Date.now();
  return Object.fromEntries(Object.entries(all).filter(([, c]) => (c.expires ?? c.until) > now));
}

/** A comment this browser wrote and may still change, if any. */
export function ownComment(id: string): OwnComment | undefined {
  const own = owned()[id];
  return own && own.until > Date.now() ? own : undefined;
}

/** This browser's comments on a page, editable or not, with their ids. */
export function ownOnPage(site: string, page: string): [string, OwnComment][] {
  return Object.entries(owned()).filter(([, c]) => c.site === site && c.page === page);
}

export const myVotes = () => read<Record<string, -1 | 1>>('votes', {});

export function rememberVote(id: string, value: -1 | 0 | 1): void {
  const { [id]: _, ...rest } = myVotes();
  write('votes', value === 0 ? rest : { ...rest, [id]: value });
}
