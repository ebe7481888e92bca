/** The allowlist every piece of comment HTML passes before it is stored: the second wall after the renderer. */
import sanitizeHtml from 'sanitize-html';

/** Every link in a comment is marked as user content that passes no ranking and no referrer. */
export const linkRel = 'nofollow ugc noopener noreferrer';

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'], code: ['class'] },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Unknown tags go, their text stays; script, style and the like go with their content.
  disallowedTagsMode: 'discard',
  transformTags: {
    // Only absolute http(s) and mailto links stay links; anything else (relative, odd schemes) becomes its text.
    a: (tagName, attribs): sanitizeHtml.Tag =>
      attribs.href && /^(https?:\/\/|mailto:)/i.test(attribs.href)
        ? { tagName, attribs: { href: attribs.href, rel: linkRel } }
        : { tagName: 'span', attribs: {} },
  },
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, options);
}
