/**
 * What the widget keeps in the reader's browser (localStorage), per Parley server: name, sort, voter id,
 * own comments (edit tokens), votes.
 */

let scope = 'parley:';

/** Keeps each Parley server's tokens and votes apart when one browser reads several. */
export function setStorageScope(base: string): void {
  scope = `parley:${new URL(base).host}:`;
}

function read<T>(key: string, fallback: T, global = false): T {
  try {
    const raw = localStorage.getItem((global ? 'parley:' : scope) + key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown, global = false): void {
  try {
    localStorage.setItem((global ? 'parley:' : scope) + key, JSON.stringify(value));
  } catch {
    // Storage can be off or full (private windows, blocked cookies): the widget works, it just forgets.
  }
}

export const savedName = () => read<string>('name', '', true);
export const saveName = (name: string) => write('name', name, true);

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

/** A comment awaiting moderation is remembered this long, so its writer keeps seeing it. */
const keepMs = 30 * 24 * 3600 * 1000;

function owned(): Owned {
  const all = read<Owned>('own', {});
  const now = Date.now();
  return Object.fromEntries(Object.entries(all).filter(([, c]) => (c.expires ?? c.until) > now));
}

/** A comment this browser wrote and may still change, if any. */
export function ownComment(id: string): OwnComment | undefined {
  const own = owned()[id];
  return own && own.until > Date.now() ? own : undefined;
}

/** Every comment this browser wrote on this server that it still remembers, with their ids. */
export const ownAll = (): [string, OwnComment][] => Object.entries(owned());

export function forgetAllOwn(): void {
  write('own', {});
}

/** This browser's comments on a page, editable or not, with their ids. */
export function ownOnPage(site: string, page: string): [string, OwnComment][] {
  return Object.entries(owned()).filter(([, c]) => c.site === site && c.page === page);
}

export function rememberOwn(id: string, comment: Omit<OwnComment, 'expires'>): void {
  write('own', { ...owned(), [id]: { ...comment, expires: Math.max(comment.until, Date.now() + keepMs) } });
}

export function forgetOwn(id: string): void {
  const { [id]: _, ...rest } = owned();
  write('own', rest);
}

export const myVotes = () => read<Record<string, -1 | 1>>('votes', {});

export function rememberVote(id: string, value: -1 | 0 | 1): void {
  const { [id]: _, ...rest } = myVotes();
  write('votes', value === 0 ? rest : { ...rest, [id]: value });
}
