/** Registers Parley's reading elements, once even when the widget is loaded twice; the form comes lazily (form-loader.ts). */
import { ParleyComment } from './elements/parley-comment.ts';
import { ParleyComments } from './elements/parley-comments.ts';
import { ParleyCount } from './elements/parley-count.ts';
import type { ParleyForm } from './elements/parley-form.ts';

const elements: [string, CustomElementConstructor][] = [
  ['parley-comments', ParleyComments],
  ['parley-comment', ParleyComment],
  ['parley-count', ParleyCount],
];

for (const [tag, element] of elements) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-comments': ParleyComments;
    'parley-comment': ParleyComment;
    'parley-form': ParleyForm;
    'parley-count': ParleyCount;
  }
}
