/**
 * `npm test`: type-checks, builds, makes sure a browser is there, runs the API and end-to-end tests (vitest)
 * and the widget tests (web test runner in Chromium against a real server), then prints one summary line.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { tempDir } from '../tests/helpers/temp.ts';
import { startServerProcess } from '../tests/helpers/server.ts';
import { build } from './build.ts';
import { ensureChromium } from './ensure-chromium.ts';

interface Counts {
  passed: number;
  failed: number;
}

const results = '.test-results';

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function readCounts(file: string, read: (data: any) => Counts): Counts | null {
  if (!existsSync(file)) return null;
  return read(JSON.parse(readFileSync(file, 'utf8')));
}

async function vitest(): Promise<Counts> {
  const file = join(results, 'vitest.json');
  const code = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  const counts = readCounts(file, (r) => ({
    passed: r.numPassedTests,
    // A test file that fails to load has no failed tests; count it as one failure.
    failed: r.numFailedTests + (r.testResults as { status: string; assertionResults: unknown[] }[]).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length,
  }));
  if (!counts) return { passed: 0, failed: 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

async function widgetTests(chrome: string): Promise<Counts> {
  const dir = tempDir();
  const wtrPort = await freePort();
  const url = `file:${join(dir, 'widget-tests.db')}`;
  const server = await startServerProcess(url, { PARLEY_ORIGINS: `http://127.0.0.1:${wtrPort}` });
  try {
    // A site whose edit window closes after two seconds, for the tests of what happens after it.
    const db = createClient({ url });
    await db.execute(`INSERT INTO sites (slug, name, settings, created_at) VALUES ('quick', 'Quick', '{"editWindowSeconds": 2}', 0)`);
    // A site that holds every comment for a moderator.
    await db.execute(`INSERT INTO sites (slug, name, settings, created_at) VALUES ('held', 'Held', '{"moderation": "all"}', 0)`);
    db.close();
    const file = join(results, 'widget.json');
    const code = await run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], {
      PARLEY_TEST_API: server.url,
      PARLEY_TEST_WTR_PORT: String(wtrPort),
      CHROME_PATH: chrome,
    });
    const counts = readCounts(file, (r) => ({ passed: r.passed, failed: r.failed }));
    if (!counts) return { passed: 0, failed: 1 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });

  console.log('▶ type-check (tsc --noEmit)');
  if ((await run('npx', ['tsc', '--noEmit'])) !== 0) {
    console.log('Type-check failed: no tests were run.\n0 passed, 1 failed');
    return 1;
  }
  console.log('▶ build');
  await build();
  const chrome = ensureChromium();
  console.log(`▶ browser: ${chrome}`);

  // `npm test -- widget` or `npm test -- vitest` runs one runner while working on it.
  const only = process.argv[2];
  const none = { passed: 0, failed: 0 };
  console.log('▶ API and end-to-end tests (vitest)');
  const api = only === 'widget' ? none : await vitest();
  console.log('▶ widget tests (web test runner, Chromium)');
  const widget = only === 'vitest' ? none : await widgetTests(chrome);

  console.log(`\nvitest: ${api.passed} passed, ${api.failed} failed · widget: ${widget.passed} passed, ${widget.failed} failed`);
  const passed = api.passed + widget.passed;
  const failed = api.failed + widget.failed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
