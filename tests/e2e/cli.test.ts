import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../api/db/client.ts';
import { migrations } from '../../api/db/migrations/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { serverEntry, startServerProcess } from '../helpers/server.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function parley(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [serverEntry, ...args], { env: { ...process.env, ...env } });
    child.stdin.end(input ?? '');
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('the parley command', () => {
  it('migrates a new database, and applies nothing the second time', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const env = { DATABASE_URL: `file:${join(dir, 'sub', 'p.db')}` };
    const first = await parley(['migrate'], env);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain('Applied 1-init');
    const second = await parley(['migrate'], env);
    expect(second).toEqual({ code: 0, out: 'The database is up to date.\n' });
  });

  it('applies each migration once when several processes start together', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const url = `file:${join(dir, 'p.db')}`;
    const runs = await Promise.all([1, 2, 3].map(() => parley(['migrate'], { DATABASE_URL: url })));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const db = await openDb({ url });
    const { rows } = await db.execute('SELECT id FROM migrations ORDER BY id');
    db.close();
    expect(rows.map((r) => Number(r.id))).toEqual(migrations.map((m) => m.id));
  });

  it('adds moderators with a password from standard input, refusing short ones', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const env = { DATABASE_URL: `file:${join(dir, 'p.db')}` };
    const short = await parley(['admin', 'add', 'mod@example.com', '--password-stdin'], env, 'too short\n');
    expect(short.code).toBe(2);
    expect(short.out).toContain('at least 10 characters');
    const added = await parley(['admin', 'add', 'Mod@Example.com', '--name', 'Mod', '--password-stdin'], env, 'ten chars or more\n');
    expect(added).toMatchObject({ code: 0 });
    expect((await parley(['admin', 'list'], env)).out).toBe('mod@example.com (Mod)\n');
    const db = await openDb({ url: env.DATABASE_URL });
    const { rows } = await db.execute('SELECT password_hash FROM admins');
    db.close();
    expect(String(rows[0]!.password_hash)).toMatch(/^scrypt\$/);
    expect(String(rows[0]!.password_hash)).not.toContain('ten chars');
    const noTerminal = await parley(['admin', 'add', 'other@example.com'], env);
    expect(noTerminal.code).not.toBe(0);
    expect(noTerminal.out).toContain('--password-stdin');
  });

  it('adds sites with their origins and lists them', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const env = { DATABASE_URL: `file:${join(dir, 'p.db')}` };
    const added = await parley(['site', 'add', 'blog', '--origin', 'https://blog.example.com/', '--name', 'My blog'], env);
    expect(added.code).toBe(0);
    expect(added.out).toContain('data-site="blog"');
    expect((await parley(['site', 'list'], env)).out).toContain('blog\tMy blog\thttps://blog.example.com');
    const bad = await parley(['site', 'add', 'blog2', '--origin', 'not a url'], env);
    expect(bad.code).toBe(2);
    expect((await parley(['site', 'add', 'blog', '--origin', 'https://x.example'], env)).out).toContain('already a site');
  });

  it("exports and erases one writer's comments by email (data requests)", async () => {
    const dir = tempDir();
    dirs.push(dir);
    const env = { DATABASE_URL: `file:${join(dir, 'p.db')}` };
    // Mail is set up (to a port where nothing answers), so "email me replies" leaves a subscription and an email behind.
    const server = await startServerProcess(env.DATABASE_URL, { SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM: 'c@example.com' });
    try {
      for (const [body, email] of [['one', 'Ann@example.com'], ['two', 'ann@example.com'], ['other', 'bob@example.com']]) {
        await fetch(`${server.url}/api/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/p', body, author: { name: 'A', email }, notify: true }) });
      }
    } finally {
      await server.stop();
    }
    const exported = await parley(['export', '--email', 'ANN@example.com'], env);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.out);
    expect(data).toMatchObject({ format: 'parley-writer', version: 1, email: 'ann@example.com' });
    expect(data.comments.map((c: { body: string }) => c.body)).toEqual(['one', 'two']);
    expect(data.subscriptions).toMatchObject([{ site: 'default', lang: 'en', confirmedAt: null }]);
    expect(data.emails).toMatchObject([{ topic: 'confirm', site: 'default' }]);
    expect((await parley(['erase', '--email', 'ann@example.com'], env)).out).toBe('Erased 2 comments written with ann@example.com.\n');
    expect(JSON.parse((await parley(['export', '--email', 'ann@example.com'], env)).out)).toMatchObject({ comments: [], subscriptions: [], emails: [] });
    expect(JSON.parse((await parley(['export', '--email', 'bob@example.com'], env)).out).comments).toHaveLength(1);
  });

  it('moves a thread to a new key from the command line', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const env = { DATABASE_URL: `file:${join(dir, 'p.db')}` };
    const server = await startServerProcess(env.DATABASE_URL);
    await fetch(`${server.url}/api/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/old', body: 'hi' }) });
    await server.stop();
    const moved = await parley(['page', 'move', '/old', '/new'], env);
    expect(moved).toEqual({ code: 0, out: 'Moved the thread /old into /new on default; /old stays as an alias.\n' });
    expect((await parley(['page', 'move', '/missing', '/x'], env)).code).toBe(2);
  });

  it('backs up to JSON and restores into an empty database, giving the same backup again', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const env = { DATABASE_URL: `file:${join(dir, 'p.db')}` };
    const server = await startServerProcess(env.DATABASE_URL);
    const first = await fetch(`${server.url}/api/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/p', body: 'keep me' }) });
    const { comment } = await first.json();
    await fetch(`${server.url}/api/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/p', body: 'and me', parentId: comment.id }) });
    await server.stop();
    const exported = await parley(['export'], env);
    expect(exported.code).toBe(0);
    const file = join(dir, 'backup.json');
    writeFileSync(file, exported.out);
    const restoredEnv = { DATABASE_URL: `file:${join(dir, 'restored.db')}` };
    const restored = await parley(['import', 'json', file], restoredEnv);
    expect(restored).toEqual({ code: 0, out: 'Restored 1 sites, 1 pages, 2 comments, 0 votes and 0 bans.\n' });
    const again = await parley(['export'], restoredEnv);
    const strip = (text: string) => ({ ...JSON.parse(text), exportedAt: '' });
    expect(strip(again.out)).toEqual(strip(exported.out));
    writeFileSync(join(dir, 'not.json'), '{"format": "other"}');
    const refused = await parley(['import', 'json', join(dir, 'not.json')], restoredEnv);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('not a Parley backup');
  });

  it('imports a Disqus export with a summary, changes nothing the second time, and refuses other files', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const env = { DATABASE_URL: `file:${join(dir, 'p.db')}` };
    const fixture = join(import.meta.dirname, '..', 'fixtures', 'disqus.xml');
    const first = await parley(['import', 'disqus', fixture], env);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Imported 7 comments into 2 pages of the site "default" in [\d.]+ s\.\n  skipped 2 posts of unknown threads, or of threads without a usable link\n  skipped 1 deleted posts without replies\n$/);
    const again = await parley(['import', 'disqus', fixture], env);
    expect(again.out).toContain('Imported 0 comments');
    expect(again.out).toContain('7 were already here from an earlier import');
    const wrong = await parley(['import', 'disqus', join(import.meta.dirname, '..', 'fixtures', 'wordpress.xml')], env);
    expect(wrong.code).toBe(2);
    expect(wrong.out).toContain('This is not a Disqus export');
    expect((await parley(['import', 'disqus', join(dir, 'missing.xml')], env)).code).toBe(2);
    expect((await parley(['import', 'wordpress', fixture, '--site', 'nope'], env)).out).toContain('there is no site "nope"');
  });

  it('explains itself and refuses unknown commands', async () => {
    expect((await parley(['help'])).out).toContain('Usage: parley <command>');
    const bad = await parley(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('Unknown command "frobnicate"');
  });

  it('says what is wrong with a bad setting', async () => {
    const bad = await parley(['serve'], { PORT: 'eighty' });
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('PORT must be a port number');
  });
});
