/** What loads, as one chunk, when a reader starts to write: the form element and the code that posts. */
export { formStyles, formWords, ParleyForm } from './elements/parley-form.ts';
export { ThreadWriter } from './thread-writer.ts';
