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
      v.looseObject({
        id,
        page_id: id,
        parent_id: v.nullable(id),
        depth: v.pipe(v.number(), v.integer(), v.minValue(0)),
        body_source: text,
        body_html: text,
        status: v.picklist(['approved', 'pending', 'spam', 'deleted']),
        created_at: ms,
      }),
    ),
    votes: v.array(v.object({ commentId: id, voter: text, address: nullableText, value: v.picklist([1, -1]), createdAt: ms })),
    bans: v.array(v.object({ id, kind: v.picklist(['email', 'name', 'ip']), value: text, reason: text, until: v.nullable(ms), createdAt: ms })),
    admins: v.optional(v.array(v.object({ email: text, name: text, passwordHash: text, createdAt: ms }))),
  },
  'This is not a Parley backup.',
);
