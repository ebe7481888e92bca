/** Opaque paging cursors: the sort keys of the last item, base64url JSON. */
import { ApiError } from '../errors.ts';

export function encodeCursor(keys: number[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/** The keys inside a cursor, or a 400 when it was not made by us for this kind of list. */
export function decodeCursor(cursor: string, length: number): number[] {
  let keys: unknown;
  try {
    keys = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    keys = null;
  }
  if (!Array.isArray(keys) || keys.length !== length || !keys.every((k) => typeof k === 'number' && Number.isFinite(k))) {
    throw new ApiError('validation', 'That cursor is not valid: use the nextCursor of a previous answer.', 'cursor');
  }
  return keys as number[];
}
