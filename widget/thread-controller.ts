/** The state of one thread and what a reader does to it through the API; its element re-renders after each change. */
import type { ReactiveControllerHost } from 'lit';
import type { Comment, PageInfo, SortOrder } from '../shared/types.ts';
import * as api from './api-client.ts';
import { loadForm } from './form-loader.ts';
import { ApiClientError } from './http.ts';
import { english, loadTranslator, type MessageKey, type Translator } from './i18n/translator.ts';
import { ownOnPage, rememberVote, setStorageScope, voterId } from './storage.ts';
import { appendReplies, findComment, updateComment } from './thread-tree.ts';
import type { ThreadWriter } from './thread-writer.ts';

/** The reader's words for the errors any call can meet. */
const codeMessages: Record<string, MessageKey> = {
  network: 'networkError',
  internal: 'serverError',
  rate_limited: 'rateLimited',
  locked: 'locked',
  banned: 'banned',
};

export interface ThreadOptions {
  base: string;
  site: string | undefined;
  page: string;
  pageTitle: string | undefined;
  pageUrl: string;
  sort: SortOrder | undefined;
  lang: string;
}

// Fields are declared and set in the constructor, here and in the widget's other classes: the bundle's
// browsers would get each class field through a helper call.
export class ThreadController {
  declare state: 'loading' | 'ready' | 'error';
  declare info: PageInfo | null;
  declare comments: Comment[];
  declare nextCursor: string | null;
  /** The id of the first comment as the thread loaded; comments put before it came later. */
  declare lead: string | undefined;
  /** The order the server applied: the reader's choice, the page's attribute, or the site's default. */
  declare sort: SortOrder;
  /** Given back with each post: shows the server the form was on screen for a moment. */
  declare formToken: string;
  declare errorMessage: string;
  /** Said to screen readers after each change. */
  declare announcement: string;
  declare busy: boolean;
  declare tr: Translator;
  /** What the thread asks of its page: site, page key, sort, language… */
  declare readonly options: () => ThreadOptions;
  declare private _replyCursors: Map<string, string | null>;
  declare private _generation: number;
  declare private _host: ReactiveControllerHost;
  declare private _writer: Promise<ThreadWriter> | undefined;

  constructor(host: ReactiveControllerHost, options: () => ThreadOptions) {
    this.state = 'loading';
    this.info = null;
    this.comments = [];
    this.nextCursor = null;
    this.sort = 'oldest';
    this.formToken = this.errorMessage = this.announcement = '';
    this.busy = false;
    this.tr = english;
    this.options = options;
    this._replyCursors = new Map();
    this._generation = 0;
    this._host = host;
  }

  /** The writing half (thread-writer.ts), which loads with the form's code when first needed. */
  writer(): Promise<ThreadWriter> {
    return (this._writer ??= loadForm().then((writing) => new writing.ThreadWriter(this)));
  }

  changed(): void {
    this._host.requestUpdate();
  }

  /** Reader-facing text for a failed call, in the reader's language where Parley knows the case. */
  describe(err: unknown, fallback: string): string {
    if (!(err instanceof ApiClientError)) return fallback;
    const key = codeMessages[err.code];
    if (key) return this.tr.t(key);
    // An unknown site is the site owner's mistake, said in the server's words; otherwise a comment is gone.
    if (err.code === 'not_found') return err.field === 'site' ? err.message : this.tr.t('notFound');
    if (/^(unauthorized|forbidden)$/.test(err.code) && err.field === undefined && /change/.test(err.message)) return this.tr.t('notAllowed');
    return err.message || fallback;
  }

  async load(): Promise<void> {
    const o = this.options();
    const generation = ++this._generation;
    setStorageScope(o.base);
    this.state = 'loading';
    this.changed();
    try {
      const [tr, thread] = await Promise.all([loadTranslator(o.base, o.lang), api.getThread(o.base, { site: o.site, page: o.page, sort: o.sort })]);
      if (generation !== this._generation) return;
      this.tr = tr;
      this.info = thread.page;
      this.comments = thread.comments;
      this.lead = thread.comments[0]?.id;
      this.nextCursor = thread.nextCursor;
      this.sort = thread.sort;
      this.formToken = thread.formToken;
      this._replyCursors.clear();
      this.state = 'ready';
      // The reader's own comments that wait for a moderator are shown to them alone: the code for it loads only if any.
      const mine = ownOnPage(o.site ?? 'default', o.page);
      if (mine.length) void this.writer().then((w) => w.showOwnPending(mine, () => generation === this._generation));
    } catch (err) {
      if (generation !== this._generation) return;
      this.tr = await loadTranslator(o.base, o.lang);
      this.errorMessage = this.describe(err, this.tr.t('loadFailed'));
      this.state = 'error';
    }
    this.changed();
  }

  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.busy) return;
    const o = this.options();
    const generation = this._generation;
    this.busy = true;
    this.changed();
    try {
      const more = await api.getThread(o.base, { site: o.site, page: o.page, sort: o.sort, cursor: this.nextCursor });
      if (generation !== this._generation) return;
      // A comment already shown (linked, or just posted) is not shown twice; only top-level ones can come again.
      const shown = new Set(this.comments.map((c) => c.id));
      this.comments = [...this.comments, ...more.comments.filter((c) => !shown.has(c.id))];
      this.nextCursor = more.nextCursor;
    } catch (err) {
      this.announcement = this.describe(err, this.tr.t('loadFailed'));
    }
    this.busy = false;
    this.changed();
  }

  async moreReplies(id: string): Promise<void> {
    try {
      const page = await api.getReplies(this.options().base, id, this._replyCursors.get(id) ?? undefined);
      this._replyCursors.set(id, page.nextCursor);
      this.comments = appendReplies(this.comments, id, page.comments, page.nextCursor !== null);
    } catch (err) {
      this.announcement = this.describe(err, this.tr.t('loadFailed'));
    }
    this.changed();
  }

  async vote(id: string, value: -1 | 0 | 1): Promise<void> {
    try {
      const tally = await api.vote(this.options().base, id, value, voterId());
      rememberVote(id, tally.myVote);
      this.comments = updateComment(this.comments, id, (c) => ({ ...c, score: tally.score, upvotes: tally.upvotes, downvotes: tally.downvotes }));
    } catch (err) {
      this.announcement = this.describe(err, this.tr.t('serverError'));
    }
    this.changed();
  }

  /** Brings a linked comment's thread in when it is not on the first page; true when it is shown. */
  async bringIn(id: string): Promise<boolean> {
    if (findComment(this.comments, id)) return true;
    try {
      const { page, comment } = await api.getContext(this.options().base, id);
      if (page.key !== this.options().page) return false;
      this.comments = [comment, ...this.comments.filter((c) => c.id !== comment.id)];
      this.changed();
      return true;
    } catch {
      return false;
    }
  }
}
