/** Opaque paging cursors: the sort keys of the last item, base64url JSON. */
import { ApiError } from '../errors.ts';

/**
 * `kind` says which list (and which sort) the cursor was made for, so a cursor from one list given to
 * another is refused instead of quietly returning the wrong page.
 */
export function encodeCursor(keys: number[], kind = 0): string {
  return Buffer.from(JSON.stringify([kind, ...keys])).toString('base64url');
}

/** The keys inside a cursor, or a 400 when it was not made by us for this kind of list. */
export function decodeCursor(cursor: string, length: number, kind = 0): number[] {
  let keys: unknown;
  try {
    keys = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    keys = null;
  }
  if (!Array.isArray(keys) || keys.length !== length + 1 || keys[0] !== kind || !keys.every((k) => typeof k === 'number' && Number.isFinite(k))) {
    throw new ApiError('validation', 'That cursor is not valid here: use the nextCursor of the previous answer of this same list.', 'cursor');
  }
  return (keys as number[]).slice(1);
}
