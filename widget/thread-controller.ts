/** The state of one thread and every change a reader makes to it, through the API. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Comment, PageInfo, SortOrder } from '../shared/types.ts';
import * as api from './api-client.ts';
import { ApiClientError } from './http.ts';
import { english, loadTranslator, type Translator } from './i18n/translator.ts';
import { ownOnPage, rememberVote, setStorageScope, voterId } from './storage.ts';
import { addPending, appendReplies, findComment, updateComment } from './thread-tree.ts';

export interface ThreadOptions {
  base: string;
  site: string | undefined;
  page: string;
  pageTitle: string | undefined;
  pageUrl: string;
  sort: SortOrder | undefined;
  lang: string;
}

export class ThreadController implements ReactiveController {
  state: 'loading' | 'ready' | 'error' = 'loading';
  info: PageInfo | null = null;
  comments: Comment[] = [];
  nextCursor: string | null = null;
  /** The id of the first comment as the thread loaded; comments put before it came later. */
  lead: string | undefined;
  /** The order the server applied: the reader's choice, the page's attribute, or the site's default. */
  sort: SortOrder = 'oldest';
  /** Given back with each post: shows the server the form was on screen for a moment. */
  formToken = '';
  errorMessage = '';
  /** Said to screen readers after each change. */
  announcement = '';
  busy = false;
  tr: Translator = english;
  private _replyCursors = new Map<string, string | null>();
  private _generation = 0;

  // Not a parameter property: the build renames `_` members, and misses those (esbuild 0.28).
  private _host: ReactiveControllerHost;

  constructor(
    host: ReactiveControllerHost,
    readonly options: () => ThreadOptions,
  ) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  changed(): void {
    this._host.requestUpdate();
  }

  /** Reader-facing text for a failed call, in the reader's language where Parley knows the case. */
  describe(err: unknown, fallback: string): string {
    if (!(err instanceof ApiClientError)) return fallback;
    const { tr } = this;
    switch (err.code) {
      case 'network':
        return tr.t('networkError');
      case 'internal':
        return tr.t('serverError');
      case 'rate_limited':
        return tr.t('rateLimited');
      case 'locked':
        return tr.t('locked');
      case 'banned':
        return tr.t('banned');
      case 'not_found':
        // An unknown site is the site owner's mistake, said in the server's words; otherwise a comment is gone.
        return err.field === 'site' ? err.message : tr.t('notFound');
      case 'unauthorized':
      case 'forbidden':
        return err.field === undefined && /change/.test(err.message) ? tr.t('notAllowed') : err.message || fallback;
      default:
        return err.message || fallback;
    }
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
      void this._showOwnPending(generation);
    } catch (err) {
      if (generation !== this._generation) return;
      this.tr = await loadTranslator(o.base, o.lang);
      this.errorMessage = this.describe(err, this.tr.t('loadFailed'));
      this.state = 'error';
    }
    this.changed();
  }

  /** The reader's own comments that wait for a moderator: shown to them alone, marked as waiting. */
  private async _showOwnPending(generation: number): Promise<void> {
    const o = this.options();
    const mine = ownOnPage(o.site ?? 'default', o.page);
    if (mine.length === 0) return;
    try {
      const { comments } = await api.getMine(o.base, mine.map(([id, c]) => ({ id, token: c.token })));
      if (generation !== this._generation) return;
      for (const comment of comments) this.comments = addPending(this.comments, comment, o.sort === 'newest');
      this.changed();
    } catch {
      // Not seeing one's own waiting comment is no reason to disturb the thread.
    }
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
