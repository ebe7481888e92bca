/** Text clean-up applied to every string a user sends, before it is checked or stored. */

// C0 and C1 controls except tab (\t) and newline (\n), plus the BOM.
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g;
// Bidi embeddings, overrides and isolates: they can make a name read as something else.
const bidiControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

// Characters no document may hold (XML forbids them, so feeds would break): noncharacters, lone surrogates.
const invalid = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Multi-line text: NFC, Unix newlines, no control characters or invalid characters, trimmed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(controls, '').replace(invalid, '').trim();
}

/** One-line text such as a name: as cleanText, with bidi controls removed and whitespace runs folded. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(bidiControls, '').replace(/\s+/g, ' ');
}
