/** What the notification events need from the request that caused them. */
import type { Deps } from '../deps.ts';
import type { NotifyContext } from './events.ts';
import { mailLanguages } from './strings.ts';

export function notifyContext(deps: Deps): NotifyContext {
  return { secret: deps.secret, base: linkBase(deps), mail: deps.config.mail !== null, now: Date.now() };
}

/** Where links in emails point: PUBLIC_URL, else the address the server listens on; never the request's Host. */
export function linkBase(deps: Deps): string {
  return deps.config.publicUrl ?? deps.linkBase?.() ?? 'http://localhost';
}

/** The language emails are written in: the reader's, when Parley speaks it, else English. */
export function mailLanguage(tag: string | undefined): string {
  const primary = tag?.split('-')[0]?.toLowerCase() ?? 'en';
  return (mailLanguages as readonly string[]).includes(primary) ? primary : 'en';
}
