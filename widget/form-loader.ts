/** The comment form loads when a reader first starts to write: reading a thread never downloads it. */
import type { CSSResult } from 'lit';
import { english } from './i18n/translator.ts';

let loading: Promise<CSSResult> | undefined;

/** Defines <parley-form> once; resolves with the form's style sheet for the thread to adopt. */
export function loadForm(): Promise<CSSResult> {
  loading ??= import('./elements/parley-form.ts').then(({ ParleyForm, formStyles, formWords }) => {
    english.add(formWords);
    if (!customElements.get('parley-form')) customElements.define('parley-form', ParleyForm);
    return formStyles;
  });
  return loading;
}
