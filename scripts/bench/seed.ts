/**
 * Benchmark data written straight into a migrated database in SQL: a million comments in seconds, where
 * posting them through the API would take hours. Rows are what api/store/comments.ts would have written:
 * approved, depths and parents consistent, every reply counted on its parent and every comment on its page.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, type Db } from '../../api/db/client.ts';
import { writeTransaction } from '../../api/db/write.ts';
import { parleyEntry } from './servers.ts';

/**
 * Every thread has one shape: of each three comments two are top-level and the third replies to the one
 * before it, so half the top-level comments carry one reply. A thread of N comments has N - floor(N / 3)
 * top-level comments, and its first page (50 top-level) holds 75 comments once N >= 75.
 */
export const topLevelOf = (comments: number) => comments - Math.floor(comments / 3);

export interface ThreadSet {
  /** The threads' page keys; each gets `comments` comments. */
  keys: string[];
  comments: number;
  site?: string;
}

const bodyText =
  'Thanks for writing this up. I read it twice and the second half, where the argument turns, is what stayed with me; ' +
  'I am not sure I agree with every step, but it is the clearest version of it I have seen.';

/** Starts of pages and comments in time: ids and times rise together, as they do when comments are posted. */
const epoch = Date.UTC(2026, 0, 1);

export async function seedThreads(db: Db, { keys, comments, site = 'default' }: ThreadSet): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const bases = await tx.execute('SELECT (SELECT coalesce(max(id), 0) FROM pages) AS page, (SELECT coalesce(max(id), 0) FROM comments) AS comment');
    const pageBase = Number(bases.rows[0]!.page);
    const commentBase = Number(bases.rows[0]!.comment);
    const firstAt = epoch + commentBase * 1000;
    await tx.execute({
      sql: `INSERT INTO pages (id, site, key, url, title, comment_count, created_at)
            SELECT :base + j.key + 1, :site, j.value, 'https://blog.example.com' || j.value, 'Benchmark article ' || (j.key + 1), :n, :at
            FROM json_each(:keys) j`,
      args: { base: BigInt(pageBase), site, keys: JSON.stringify(keys), n: BigInt(comments), at: BigInt(firstAt) },
    });
    // g numbers every comment of the set; i (1-based) is its place in its thread; a reply's parent is g - 1.
    await tx.execute({
      sql: `WITH RECURSIVE seq (g) AS (SELECT 0 UNION ALL SELECT g + 1 FROM seq WHERE g + 1 < :total),
            placed AS (SELECT g, g % :n + 1 AS i, g / :n AS p FROM seq)
            INSERT INTO comments (id, page_id, parent_id, depth, author_name, avatar, body_source, body_html, status, reply_count, created_at)
            SELECT :cbase + g + 1,
                   :pbase + p + 1,
                   CASE WHEN i % 3 = 0 THEN :cbase + g END,
                   CASE WHEN i % 3 = 0 THEN 1 ELSE 0 END,
                   'Reader ' || (g % 997),
                   printf('%016x', (g * 2654435761) % 281474976710656),
                   'Comment ' || i || '. ' || :text,
                   '<p>Comment ' || i || '. ' || :text || '</p>',
                   'approved',
                   CASE WHEN i % 3 = 2 AND i < :n THEN 1 ELSE 0 END,
                   :at + g * 1000
            FROM placed`,
      // Integers as BigInt: the driver binds JS numbers as REAL, and g / :n must divide as integers.
      args: { total: BigInt(keys.length * comments), n: BigInt(comments), cbase: BigInt(commentBase), pbase: BigInt(pageBase), text: bodyText, at: BigInt(firstAt) },
    });
  });
}

export interface SeededDb {
  url: string;
  file: string;
  /** Closes the seeding connection; the file stays for the servers. */
  close(): void;
}

/** A fresh migrated database file in `dir` holding the given threads. */
export async function seededDb(dir: string, name: string, sets: ThreadSet[]): Promise<SeededDb> {
  const file = join(dir, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const url = `file:${file}`;
  // The built command migrates: the migrations are imported as `?raw` text, which only the bundler reads.
  const migrated = spawnSync(process.execPath, [parleyEntry(), 'migrate'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  if (migrated.status !== 0) throw new Error(`parley migrate failed:\n${migrated.stdout}${migrated.stderr}`);
  const db = await openDb({ url });
  // No ANALYZE: the server never runs it, so the planner sees what it sees in production.
  for (const set of sets) await seedThreads(db, set);
  return { url, file, close: () => db.close() };
}
