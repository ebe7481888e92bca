/** Comment bodies are Markdown, rendered once at write time: no raw HTML, no images, no headings. */
import MarkdownIt from 'markdown-it';
import { sanitize } from './sanitize.ts';

const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false })
  // A comment is not a document: headings and tables stay text, images stay links.
  .disable(['heading', 'lheading', 'table', 'image']);

/** Markdown source to the HTML readers see, sanitised. */
export function renderComment(source: string): string {
  return sanitize(md.render(source)).trim();
}
