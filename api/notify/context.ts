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

/** The language of a page shown to someone not known yet: the first one their browser asks for that Parley speaks. */
export function browserLanguage(acceptLanguage: string | undefined): string {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const lang = mailLanguage(part.split(';')[0]!.trim());
    if (lang !== 'en' || /^en\b/i.test(part.trim())) return lang;
  }
  return 'en';
}
