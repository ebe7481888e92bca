/** The comment form loads when a reader first starts to write: reading a thread never downloads it. */
import { english } from './i18n/translator.ts';

type Writing = typeof import('./writing.ts');

let loading: Promise<Writing> | undefined;

/** Defines <parley-form> once; resolves with the writing chunk (the form's style sheet, the ThreadWriter). */
export function loadForm(): Promise<Writing> {
  loading ??= import('./writing.ts').then((writing) => {
    english.add(writing.formWords);
    if (!customElements.get('parley-form')) customElements.define('parley-form', writing.ParleyForm);
    return writing;
  });
  return loading;
}
