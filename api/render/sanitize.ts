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
    // Imported HTML (Disqus, WordPress) says <b> and <i>; ours says <strong> and <em>.
    b: 'strong',
    i: 'em',
    // Only absolute http(s) and mailto links stay links; anything else (relative, odd schemes) loses its
    // attributes here and its tags below, keeping its text.
    a: (tagName, attribs): sanitizeHtml.Tag =>
      attribs.href && /^(https?:\/\/|mailto:)/i.test(attribs.href) ? { tagName, attribs: { href: attribs.href, rel: linkRel } } : { tagName, attribs: {} },
  },
};

export function sanitize(html: string): string {
  // The output is well-formed and links cannot nest, so a bare <a> pairs with the next </a>.
  return sanitizeHtml(html, options).replace(/<a>([\s\S]*?)<\/a>/g, '$1');
}
