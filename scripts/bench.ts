/**
 * `npm run bench`: Parley's figures, measured on this machine, printed with how they were measured.
 * Today: importing a generated 100,000-comment Disqus export (time, peak memory). Issue 7 adds reads,
 * writes, scale and the widget.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { tempDir } from '../tests/helpers/temp.ts';
import { build } from './build.ts';

const comments = Number(process.env.BENCH_IMPORT_COMMENTS ?? 100_000);
const threads = Math.max(1, Math.round(comments / 100));

/** A Disqus export with `threads` threads and `comments` posts, a third of them replies, written as a stream. */
async function writeDisqusExport(file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n');
  for (let t = 1; t <= threads; t++) {
    await write(`<thread dsq:id="${t}"><link>https://blog.example.com/posts/${t}/</link><title>Post ${t}</title><isClosed>false</isClosed></thread>\n`);
  }
  for (let p = 1; p <= comments; p++) {
    const thread = (p % threads) + 1;
    const parent = p > threads * 3 && p % 3 === 0 ? `<parent dsq:id="${p - threads}"/>` : '';
    await write(
      `<post dsq:id="${p}"><message><![CDATA[<p>Comment number ${p} with <b>some</b> text &amp; a <a href="https://example.com/${p}">link</a>.</p>]]></message>` +
        `<createdAt>2020-01-01T00:00:${String(p % 60).padStart(2, '0')}Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>` +
        `<author><email>reader${p % 5000}@example.com</email><name>Reader ${p % 5000}</name></author><ipAddress>192.0.2.${p % 250}</ipAddress>` +
        `<thread dsq:id="${thread}"/>${parent}</post>\n`,
    );
  }
  await write('</disqus>\n');
  out.end();
  await once(out, 'finish');
}

await build();
const dir = tempDir();
try {
  const file = join(dir, 'disqus.xml');
  await writeDisqusExport(file);
  const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'bench.db')}` };
  // The import runs as the real command in its own process, which reports its own peak memory on exit.
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', './scripts/report-rss.mjs', 'dist/server/parley.js', 'import', 'disqus', file], { env, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`import failed:\n${run.stdout}\n${run.stderr}`);
  const peakKb = Number(/maxRSS (\d+)/.exec(run.stderr)?.[1]);
  console.log('\nParley benchmarks');
  console.log(`\nImport (npx parley import disqus FILE, in its own process; peak memory is its maxRSS):`);
  console.log(`  export file                ${(statSync(file).size / 1e6).toFixed(1)} MB, ${comments.toLocaleString('en')} posts in ${threads.toLocaleString('en')} threads`);
  console.log(`  ${run.stdout.trim().split('\n')[0]}`);
  console.log(`  wall time                  ${seconds.toFixed(1)} s  (${Math.round(comments / seconds).toLocaleString('en')} comments/s)`);
  console.log(`  peak memory (max RSS)      ${(peakKb / 1024).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
