/** The events Parley's elements fire: prefixed, bubbling, composed, typed once here. */
import type { NewComment } from '../shared/types.ts';

export interface SubmitDetail {
  draft: Pick<NewComment, 'author' | 'body'>;
  parentId: string | null;
  /** The container passes the outcome of posting: the form clears on success and shows the error otherwise. */
  waitUntil(done: Promise<void>): void;
}

export interface CommentRefDetail {
  id: string;
}

export function fire<T>(target: EventTarget, type: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'parley-submit': CustomEvent<SubmitDetail>;
    'parley-reply': CustomEvent<CommentRefDetail>;
    'parley-cancel': CustomEvent<void>;
    'parley-more-replies': CustomEvent<CommentRefDetail>;
  }
}
