/** Registers Parley's elements, once even when the embed script is included twice. */
import { ParleyComment } from './elements/parley-comment.ts';
import { ParleyComments } from './elements/parley-comments.ts';
import { ParleyCount } from './elements/parley-count.ts';
import { ParleyForm } from './elements/parley-form.ts';

const elements: [string, CustomElementConstructor][] = [
  ['parley-comments', ParleyComments],
  ['parley-comment', ParleyComment],
  ['parley-form', ParleyForm],
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
