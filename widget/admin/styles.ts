/** The admin page's style sheet (admin.css), shared by its sections. */
import { unsafeCSS } from 'lit';
import adminCss from './admin.css';

export const adminStyles = unsafeCSS(adminCss);

/** Reader-facing text of a failed call. */
export const problem = (err: unknown) =>
  err instanceof Error && err.message ? err.message : 'The server could not be reached. Check your connection and try again.';

export const when = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
