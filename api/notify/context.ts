/** What the notification events need from the request that caused them. */
import type { Context } from 'hono';
import type { Deps } from '../deps.ts';
import { ownOrigin } from '../security/origins.ts';
import type { NotifyContext } from './events.ts';
import { mailLanguages } from './strings.ts';

export function notifyContext(c: Context, deps: Deps): NotifyContext {
  return { secret: deps.secret, base: ownOrigin(c, deps.config), mail: deps.config.mail !== null, now: Date.now() };
}

/** The language emails are written in: the reader's, when Parley speaks it, else English. */
export function mailLanguage(tag: string | undefined): string {
  const primary = tag?.split('-')[0]?.toLowerCase() ?? 'en';
  return (mailLanguages as readonly string[]).includes(primary) ? primary : 'en';
}
