/** The one place the widget inserts HTML: what the Parley server rendered and sanitised (comment bodies, previews). */
import { html } from 'lit';

export const serverHtml = (className: string, markup: string) => html`<div class=${className} .innerHTML=${markup}></div>`;
