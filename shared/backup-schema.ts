/** The shape of Parley's own backup document (`parley export`), checked before anything is restored. */
import * as v from 'valibot';

const ms = v.pipe(v.number(), v.integer(), v.minValue(0));
const text = v.string();
const nullableText = v.nullable(v.string());
const id = v.pipe(v.number(), v.integer(), v.minValue(1));

export const backupSchema = v.object(
  {
    format: v.literal('parley', 'This is not a Parley backup: its "format" is not "parley".'),
    version: v.literal(1, 'This backup is from a newer Parley: its version is not 1.'),
    exportedAt: text,
    sites: v.array(v.object({ slug: v.pipe(text, v.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)), name: text, origins: v.array(text), settings: v.record(text, v.unknown()), createdAt: ms })),
    pages: v.array(
      v.object({ id, site: text, key: text, url: nullableText, title: nullableText, locked: v.boolean(), createdAt: ms, aliases: v.array(text) }),
    ),
    comments: v.array(
      v.object({
        id,
        page_id: id,
        parent_id: v.nullable(id),
        depth: v.pipe(v.number(), v.integer(), v.minValue(0)),
        author_name: text,
        author_email: nullableText,
        author_website: nullableText,
        avatar: text,
        body_source: text,
        body_html: text,
        status: v.picklist(['approved', 'pending', 'spam', 'deleted']),
        pinned: v.picklist([0, 1]),
        upvotes: v.pipe(v.number(), v.integer(), v.minValue(0)),
        downvotes: v.pipe(v.number(), v.integer(), v.minValue(0)),
        reply_count: v.pipe(v.number(), v.integer(), v.minValue(0)),
        badge: nullableText,
        ip_hash: nullableText,
        edit_token_hash: nullableText,
        held_reason: nullableText,
        moderator_edited: v.picklist([0, 1]),
        created_at: ms,
        edited_at: v.nullable(ms),
        source_id: nullableText,
        author_admin_id: v.nullable(id),
        notify_replies: v.optional(v.picklist([0, 1]), 0),
      }),
    ),
    votes: v.array(v.object({ commentId: id, voter: text, address: nullableText, value: v.picklist([1, -1]), createdAt: ms })),
    bans: v.array(v.object({ id, kind: v.picklist(['email', 'name', 'ip']), value: text, reason: text, until: v.nullable(ms), createdAt: ms })),
    admins: v.optional(v.array(v.object({ email: text, name: text, passwordHash: text, createdAt: ms, alerts: v.optional(v.picklist(['none', 'held', 'all', 'digest']), 'held') }))),
    /** Readers who asked for reply emails (backups made before notifications have none). */
    subscribers: v.optional(
      v.array(v.object({ site: text, email: text, lang: text, confirmedAt: v.nullable(ms), unsubscribedAt: v.nullable(ms), createdAt: ms })),
      [],
    ),
    webhooks: v.optional(
      v.array(v.object({ id, site: text, url: v.pipe(text, v.regex(/^https?:\/\//i)), format: v.picklist(['parley', 'slack', 'discord']), events: v.array(text), secret: text, createdAt: ms })),
      [],
    ),
  },
  'This is not a Parley backup.',
);

/** What the schema cannot say: ids are unique and every reference points at something in the backup itself. */
export function backupProblem(b: v.InferOutput<typeof backupSchema>): string | null {
  const unique = (ids: (string | number)[]) => new Set(ids).size === ids.length;
  const pages = new Set(b.pages.map((p) => p.id));
  const comments = new Set(b.comments.map((c) => c.id));
  const sites = new Set(b.sites.map((s) => s.slug));
  if (!unique(b.sites.map((s) => s.slug))) return 'Two sites have the same slug.';
  if (!unique(b.pages.map((p) => p.id)) || !unique(b.pages.map((p) => `${p.site}\n${p.key}`))) return 'Two pages have the same id or key.';
  if (!unique(b.comments.map((c) => c.id))) return 'Two comments have the same id.';
  if (!unique(b.votes.map((x) => `${x.commentId}\n${x.voter}`))) return 'A voter voted twice on one comment.';
  if (b.pages.some((p) => !sites.has(p.site) && p.site !== 'default')) return 'A page belongs to a site that is not in the backup.';
  if (b.comments.some((c) => !pages.has(c.page_id) || (c.parent_id !== null && !comments.has(c.parent_id)))) return 'A comment points at a page or parent that is not in the backup.';
  if (b.votes.some((x) => !comments.has(x.commentId))) return 'A vote is for a comment that is not in the backup.';
  if (!unique(b.subscribers.map((x) => `${x.site}\n${x.email}`))) return 'A reader is subscribed twice on one site.';
  if (b.webhooks.some((w) => !sites.has(w.site) && w.site !== 'default')) return 'A webhook belongs to a site that is not in the backup.';
  return null;
}
