/**
 * Streams an XML file and hands over one small record per element of interest (a Disqus <post>, a WordPress
 * <wp:comment>…): its attributes and its children's text, so memory stays bounded however large the file.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

export interface XmlRecord {
  /** The element's local name and its attributes (local names). */
  name: string;
  attributes: Record<string, string>;
  /** Text of the record ("") and of each descendant, by path of local names below the record ("author/name"). */
  fields: Record<string, string>;
  /** Attributes of descendants, by path ("thread@id"). */
  fieldAttributes: Record<string, string>;
  /** The record's parent element's local name. */
  parent: string;
}

export interface StreamOptions {
  /** Is this element (by its path of local names from the root) a record? */
  isRecord(path: string[]): boolean;
  onRecord(record: XmlRecord): void | Promise<void>;
  onRoot?(name: string): void;
  onProgress?(bytesRead: number): void;
}

export async function streamRecords(file: string, options: StreamOptions): Promise<void> {
  const parser = new SaxesParser({ xmlns: true });
  const path: string[] = [];
  let record: XmlRecord | null = null;
  let depth = 0;
  let pending: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  parser.on('opentag', (tag) => {
    const local = tag.local ?? tag.name;
    if (path.length === 0) options.onRoot?.(local);
    path.push(local);
    const attrs = Object.fromEntries(Object.values(tag.attributes).map((a) => (typeof a === 'string' ? [a, a] : [a.local, a.value])));
    if (record) {
      depth++;
      const at = path.slice(path.length - depth).join('/');
      for (const [k, v] of Object.entries(attrs)) record.fieldAttributes[`${at}@${k}`] = v;
    } else if (options.isRecord(path)) {
      record = { name: local, attributes: attrs, fields: {}, fieldAttributes: {}, parent: path.at(-2) ?? '' };
      depth = 0;
    }
  });
  const onText = (text: string) => {
    if (!record) return;
    const at = depth === 0 ? '' : path.slice(path.length - depth).join('/');
    record.fields[at] = (record.fields[at] ?? '') + text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (record && depth === 0) {
      const done = record;
      record = null;
      pending = pending.then(() => options.onRecord(done)).catch((err: unknown) => void (failure ??= err));
    } else if (record) {
      depth--;
    }
    path.pop();
  });

  let read = 0;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    writeTo(parser, chunk as string);
    read += Buffer.byteLength(chunk as string);
    options.onProgress?.(read);
    // Let staged batches catch up, so records never pile up in memory.
    await pending;
    if (failure) throw failure;
  }
  writeTo(parser, null);
  await pending;
  if (failure) throw failure;
}

export class NotXml extends Error {}

/** Feeds the parser; its complaints about the XML itself become one clear error. */
function writeTo(parser: SaxesParser, chunk: string | null): void {
  try {
    if (chunk === null) parser.close();
    else parser.write(chunk);
  } catch (err) {
    if (err instanceof Error && /^(\S*:)?\d+:\d+: /.test(err.message)) throw new NotXml(`The file is not well-formed XML (${err.message}).`);
    throw err;
  }
}
