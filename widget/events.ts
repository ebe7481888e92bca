/** The events Parley's elements fire: prefixed, bubbling, composed, typed once here. */
import type { NewComment } from '../shared/types.ts';

export interface SubmitDetail {
  draft: Pick<NewComment, 'author' | 'body' | 'hp' | 'notify' | 'lang'>;
  parentId: string | null;
  /** The container passes the outcome of posting: the form clears on success and shows the error otherwise. */
  waitUntil(done: Promise<void>): void;
}

export interface EditDetail {
  id: string;
  body: string;
  waitUntil(done: Promise<void>): void;
}

export interface CommentRefDetail {
  id: string;
}

export interface ReplyDetail {
  id: string;
  /** Text the reader selected in the comment, to quote in the reply. */
  quote?: string;
}

export interface VoteDetail {
  id: string;
  value: -1 | 0 | 1;
}

export function fire<T>(target: EventTarget, type: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'parley-submit': CustomEvent<SubmitDetail>;
    'parley-edit': CustomEvent<EditDetail>;
    'parley-reply': CustomEvent<ReplyDetail>;
    'parley-start-edit': CustomEvent<CommentRefDetail>;
    'parley-cancel': CustomEvent<void>;
    'parley-delete': CustomEvent<CommentRefDetail>;
    'parley-vote': CustomEvent<VoteDetail>;
    'parley-more-replies': CustomEvent<CommentRefDetail>;
    'parley-erase': CustomEvent<{ waitUntil(done: Promise<void>): void }>;
  }
}
