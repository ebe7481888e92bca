/**
 * A JSON answer serialised, tagged and gzipped once, then sent to many readers. Fields that differ per request
 * (a thread's formToken) are appended at the end for each response, in plain and in gzip alike: the gzip stream
 * is the stored deflate of the shared part, flushed to a byte boundary, then the extra bytes as a final stored
 * block, then the checksum continued over them. So nothing big is serialised, hashed or compressed per request.
 */
import { createHash } from 'node:crypto';
import { constants, deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.ts';

export interface PreparedJson {
  /** The JSON without its closing brace, so fields can follow. */
  readonly head: Buffer;
  /** A weak tag of the shared part: a field appended per request is left out of it. */
  readonly etag: string;
  /** The head as the start of a gzip stream and its CRC-32, or null when it is too small to be worth it. */
  readonly gzip: { readonly head: Buffer; readonly crc: number } | null;
  readonly bytes: number;
  /**
   * The last whole answer made from it, plain and gzipped, with the tail it ended with: the readers of one
   * second get the same tail (the form token), so they get these same bytes, not a copy each.
   */
  last?: { tail: Buffer; plain?: Uint8Array<ArrayBuffer>; gzip?: Uint8Array<ArrayBuffer> | null };
}

/** Below this, gzip is left to the compress middleware (which applies the same threshold). */
const gzipFromBytes = 1024;

/** gzip member header: deflate, no flags, no time, unknown OS. */
const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);

export function prepareJson(body: object): PreparedJson {
  const json = JSON.stringify(body);
  const head = own(Buffer.from(json.slice(0, -1)));
  const etag = `W/"${createHash('sha1').update(json).digest('base64url').slice(0, 22)}"`;
  const gzip = head.length < gzipFromBytes
    ? null
    : { head: own(Buffer.concat([gzipHeader, deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH })])), crc: crc32(head) };
  // Counted twice: the last whole answer made from it (`last`) is kept beside it.
  return { head, etag, gzip, bytes: 2 * (head.length + (gzip?.head.length ?? 0)) };
}

/** A copy with memory of its own: a small Buffer is a slice of a shared 8 KB pool, which a cached one would pin. */
function own(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** The closing part of the JSON: `extra` fields (string values) and the brace. */
export function tailOf(prepared: PreparedJson, extra: Record<string, string>): Buffer {
  const fields = Object.entries(extra).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  const separator = fields.length > 0 && prepared.head.length > 1 ? ',' : '';
  return Buffer.from(`${separator}${fields.join(',')}}`);
}

/** The memo of answers ending in `tail`, started afresh when the tail changed. */
function lastFor(prepared: PreparedJson, tail: Buffer): NonNullable<PreparedJson['last']> {
  if (!prepared.last?.tail.equals(tail)) prepared.last = { tail };
  return prepared.last;
}

// Buffer.concat always allocates (from an ArrayBuffer, never a shared one): what a Response body may be.
export function plainBody(prepared: PreparedJson, tail: Buffer): Uint8Array<ArrayBuffer> {
  const last = lastFor(prepared, tail);
  return (last.plain ??= Buffer.concat([prepared.head, tail]) as Uint8Array<ArrayBuffer>);
}

/** The whole gzip stream; null when the answer is not kept gzipped. */
export function gzipBody(prepared: PreparedJson, tail: Buffer): Uint8Array<ArrayBuffer> | null {
  const last = lastFor(prepared, tail);
  if (last.gzip === undefined) last.gzip = makeGzip(prepared, tail);
  return last.gzip;
}

function makeGzip(prepared: PreparedJson, tail: Buffer): Uint8Array<ArrayBuffer> | null {
  if (!prepared.gzip || tail.length > 0xffff) return null;
  const block = Buffer.alloc(5);
  block[0] = 1; // the final block, stored (no compression): the flush left the stream at a byte boundary
  block.writeUInt16LE(tail.length, 1);
  block.writeUInt16LE(~tail.length & 0xffff, 3);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(tail, prepared.gzip.crc), 0);
  trailer.writeUInt32LE((prepared.head.length + tail.length) % 2 ** 32, 4);
  return Buffer.concat([prepared.gzip.head, block, tail, trailer]) as Uint8Array<ArrayBuffer>;
}
