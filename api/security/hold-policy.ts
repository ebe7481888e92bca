/** Whether a new comment waits for a moderator, and why: the site's moderation mode, links, blocked words. */
import type { SiteSettings } from '../../shared/types.ts';
import { linkCount } from './spam.ts';

export interface HoldInput {
  settings: SiteSettings;
  /** The rendered body: links are what it links to, not what it says. */
  html: string;
  /** The writer has an approved comment on this site already. */
  knownWriter: boolean;
  /** A blocked word or phrase the comment contains, when the site holds such comments. */
  blocked: string | null;
}

/** The reason to hold the comment, or null to publish it at once. */
export function holdReason({ settings, html, knownWriter, blocked }: HoldInput): string | null {
  if (blocked !== null) return `Contains the blocked phrase "${blocked}".`;
  const links = linkCount(html);
  if (links > settings.maxLinks) return `Contains ${links} links; the site allows ${settings.maxLinks} without review.`;
  switch (settings.moderation) {
    case 'all':
      return 'The site holds every comment for moderation.';
    case 'first':
      return knownWriter ? null : 'A first comment from this writer.';
    case 'links':
      return links > 0 ? 'The comment contains links.' : null;
    default:
      return null;
  }
}
