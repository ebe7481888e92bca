/** What the widget keeps in the reader's browser (localStorage): name, sort, voter id, own comments, votes. */

const prefix = 'parley:';

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(prefix + key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(prefix + key, JSON.stringify(value));
  } catch {
    // Storage can be off or full (private windows, blocked cookies): the widget works, it just forgets.
  }
}

export const savedName = () => read<string>('name', '');
export const saveName = (name: string) => write('name', name);

export const savedSort = () => read<string | null>('sort', null);
export const saveSort = (sort: string) => write('sort', sort);

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
}

type Owned = Record<string, OwnComment>;

/** Comments this browser wrote that can still be changed; expired ones are forgotten. */
function owned(): Owned {
  const all = read<Owned>('own', {});
  const now = Date.now();
  return Object.fromEntries(Object.entries(all).filter(([, c]) => c.until > now));
}

export const ownComment = (id: string): OwnComment | undefined => owned()[id];

export function rememberOwn(id: string, comment: OwnComment): void {
  write('own', { ...owned(), [id]: comment });
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
