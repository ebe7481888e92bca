/**
 * Writing to a thread: post, edit, preview, delete, erase, and showing the writer their comments that wait for a
 * moderator. It loads with the form (or when first needed), so a reader who only reads never downloads it.
 */
import * as api from './api-writes.ts';
import type { SubmitDetail } from './events.ts';
import { ApiClientError } from './http.ts';
import type { MessageKey } from './i18n/translator.ts';
import { ownComment, type OwnComment } from './storage.ts';
import type { ThreadController } from './thread-controller.ts';
import { addPending, addReply, removeComment } from './thread-edits.ts';
import { updateComment } from './thread-tree.ts';
import { forgetAllOwn, forgetOwn, ownAll, rememberOwn } from './writer-storage.ts';

/** The form's own words for the fields the server refuses. */
const fieldMessages: Record<string, MessageKey> = { 'author.email': 'badEmail', 'author.website': 'badWebsite', 'author.name': 'nameRequired' };

export class ThreadWriter {
  declare private thread: ThreadController;
  /** The draft as the server renders it, for Preview. */
  declare readonly preview: (body: string) => Promise<string>;

  // Fields are set here, not declared with values: see ThreadController.
  constructor(thread: ThreadController) {
    this.thread = thread;
    this.preview = (body) =>
      api.preview(thread.options().base, body).then(
        (r) => r.html,
        (err: unknown) => Promise.reject(this.fail(err)),
      );
  }

  /** A failed write as an Error with reader-facing text, which the form shows. */
  private fail(err: unknown): Error {
    const { tr } = this.thread;
    const key = err instanceof ApiClientError && err.code === 'validation' ? fieldMessages[err.field ?? ''] : undefined;
    return new Error(key ? tr.t(key) : this.thread.describe(err, tr.t('serverError')));
  }

  /** The reader's own comments that wait for a moderator (`mine`): shown to them alone, marked as waiting. */
  async showOwnPending(mine: [string, OwnComment][], current: () => boolean): Promise<void> {
    const t = this.thread;
    const o = t.options();
    try {
      const { comments } = await api.getMine(o.base, mine.map(([id, c]) => ({ id, token: c.token })));
      if (!current()) return;
      for (const comment of comments) t.comments = addPending(t.comments, comment, o.sort === 'newest');
      t.changed();
    } catch {
      // Not seeing one's own waiting comment is no reason to disturb the thread.
    }
  }

  /** Posts a comment or reply; resolves with its id, rejects with reader-facing text. */
  async post(draft: SubmitDetail['draft'], parentId: string | null): Promise<string> {
    const t = this.thread;
    const o = t.options();
    try {
      const { comment, editToken, editableUntil, notify } = await api.postComment(o.base, {
        site: o.site,
        page: o.page,
        pageTitle: o.pageTitle,
        pageUrl: o.pageUrl,
        parentId,
        formToken: t.formToken,
        ...draft,
      });
      rememberOwn(comment.id, { token: editToken, until: Date.parse(editableUntil), source: draft.body, site: o.site ?? 'default', page: o.page });
      if (comment.status === 'pending') {
        t.comments = addPending(t.comments, comment, o.sort === 'newest');
        t.announcement = t.tr.t('heldNotice');
      } else {
        t.comments = parentId ? addReply(t.comments, comment) : o.sort === 'newest' ? [comment, ...t.comments] : [...t.comments, comment];
        if (t.info) t.info = { ...t.info, commentCount: t.info.commentCount + 1 };
        t.announcement = t.tr.t('posted');
      }
      if (notify) t.announcement += ` ${t.tr.t('notifyConfirm')}`;
      t.changed();
      return comment.id;
    } catch (err) {
      throw this.fail(err);
    }
  }

  async edit(id: string, body: string): Promise<void> {
    const t = this.thread;
    const own = ownComment(id);
    if (!own) throw new Error(t.tr.t('notAllowed'));
    try {
      const { comment } = await api.editComment(t.options().base, id, own.token, body);
      rememberOwn(id, { ...own, source: body });
      t.comments = updateComment(t.comments, id, (c) => ({ ...c, html: comment.html, editedAt: comment.editedAt, editedByModerator: false, status: comment.status }));
      t.announcement = t.tr.t('saved');
      t.changed();
    } catch (err) {
      throw this.fail(err);
    }
  }

  /** Deletes the reader's own comment; the outcome is announced. */
  async remove(id: string): Promise<void> {
    const t = this.thread;
    const own = ownComment(id);
    try {
      if (!own) throw new Error(t.tr.t('notAllowed'));
      await api.deleteComment(t.options().base, id, own.token);
      forgetOwn(id);
      t.comments = removeComment(t.comments, id);
      if (t.info) t.info = { ...t.info, commentCount: Math.max(0, t.info.commentCount - 1) };
      t.announcement = t.tr.t('deletedNotice');
    } catch (err) {
      t.announcement = err instanceof ApiClientError || !(err instanceof Error) ? t.describe(err, t.tr.t('serverError')) : err.message;
    }
    t.changed();
  }

  /** Erases every comment this browser wrote on this server, at any age, then shows the thread as it now is. */
  async eraseMine(): Promise<void> {
    const t = this.thread;
    try {
      await api.erase(t.options().base, ownAll().map(([id, c]) => ({ id, token: c.token })));
    } catch (err) {
      throw this.fail(err);
    }
    forgetAllOwn();
    await t.load();
    t.announcement = t.tr.t('erased');
    t.changed();
  }
}
