/** What the browser keeps for a writer: their name, and their comments' edit tokens. Loads with the form. */
import { owned, read, write, type OwnComment } from './storage.ts';

/** A comment awaiting moderation is remembered this long, so its writer keeps seeing it. */
const keepMs = 30 * 24 * 3600 * 1000;

export const savedName = () => read<string>('name', '', true);
export const saveName = (name: string) => write('name', name, true);

/** Every comment this browser wrote on this server that it still remembers, with their ids. */
export const ownAll = (): [string, OwnComment][] => Object.entries(owned());

export function rememberOwn(id: string, comment: Omit<OwnComment, 'expires'>): void {
  write('own', { ...owned(), [id]: { ...comment, expires: Math.max(comment.until, Date.now() + keepMs) } });
}

export function forgetOwn(id: string): void {
  const { [id]: _, ...rest } = owned();
  write('own', rest);
}

export function forgetAllOwn(): void {
  write('own', {});
}
