/** The comment form loads when a reader first starts to write: reading a thread never downloads it. */
import type { CSSResult } from 'lit';

let loading: Promise<CSSResult> | undefined;

/** Defines <parley-form> once; resolves with the form's style sheet for the thread to adopt. */
export function loadForm(): Promise<CSSResult> {
  loading ??= import('./elements/parley-form.ts').then(({ ParleyForm, formStyles }) => {
    if (!customElements.get('parley-form')) customElements.define('parley-form', ParleyForm);
    return formStyles;
  });
  return loading;
}
