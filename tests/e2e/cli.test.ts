import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../api/db/client.ts';
import { migrations } from '../../api/db/migrations/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { serverEntry } from '../helpers/server.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function parley(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [serverEntry, ...args], { env: { ...process.env, ...env } });
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

  it('explains itself and refuses unknown commands', async () => {
    expect((await parley(['help'])).out).toContain('Usage: parley <command>');
    const bad = await parley(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('Unknown command "frobnicate"');
  });

  it('says what is wrong with a bad setting', async () => {
    const bad = await parley(['serve'], { PORT: 'eighty' });
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('PORT must be a port number');
  });
});
