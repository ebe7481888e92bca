/** The one place the widget inserts HTML: what the Parley server rendered and sanitised (comment bodies, previews). */
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

export const serverHtml = (html: string) => unsafeHTML(html);
