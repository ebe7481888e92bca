/** A small element tree from saxes, to check XML documents (feeds) as XML rather than as text. */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses a whole document; throws on anything that is not well-formed XML. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.local ?? tag.name,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [typeof a === 'string' ? a : a.local, typeof a === 'string' ? a : a.value])),
      children: [],
      text: '',
    };
    (el.attributes as Record<string, string>)['xmlns'] = tag.uri ?? '';
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on('text', (text) => (stack.at(-1)!.text += text));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

export const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
export const children = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
