/** Whether a site's moderation setting holds a new comment for a moderator, and why. */
import type { SiteSettings } from '../../shared/types.ts';

export interface HoldInput {
  moderation: SiteSettings['moderation'];
  /** The rendered body: links are what it links to, not what it says. */
  html: string;
  /** The writer has an approved comment on this site already. */
  knownWriter: boolean;
}

/** The reason to hold the comment, or null to publish it at once. */
export function holdReason({ moderation, html, knownWriter }: HoldInput): string | null {
  switch (moderation) {
    case 'all':
      return 'The site holds every comment for moderation.';
    case 'first':
      return knownWriter ? null : 'A first comment from this writer.';
    case 'links':
      return /<a\s/i.test(html) ? 'The comment contains links.' : null;
    default:
      return null;
  }
}
