/** Import: a generated Disqus export of 100,000 comments through `parley import disqus`, in its own process. */
import { spawnSync } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { parleyEntry } from './servers.ts';
import { figure, heading, int, note, summarise } from './report.ts';

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

export async function importSection(dir: string): Promise<void> {
  const file = join(dir, 'disqus.xml');
  await writeDisqusExport(file);
  const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'import.db')}` };
  heading(
    `Import: npx parley import disqus FILE (${int(comments)} comments)`,
    'a generated Disqus export (a third of the posts replies, every message sanitised), the real command in its own process ' +
      'on an empty database; peak memory is that process\'s own peak resident set (VmHWM, not inherited from the benchmark)',
  );
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', './scripts/report-rss.mjs', parleyEntry(), 'import', 'disqus', file], { env, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`import failed:\n${run.stdout}\n${run.stderr}`);
  const peakKb = Number(/peakRSS (\d+)/.exec(run.stderr)?.[1]);
  figure('export file', `${(statSync(file).size / 1e6).toFixed(1)} MB, ${int(comments)} posts in ${int(threads)} threads`);
  note(run.stdout.trim().split('\n')[0] ?? '');
  figure('wall time', `${seconds.toFixed(1)} s   (${int(comments / seconds)} comments/s)`);
  figure('peak memory (resident)', `${(peakKb / 1024).toFixed(0)} MB`);
  summarise({ section: 'import', figure: `Disqus, ${int(comments)} comments`, value: `${seconds.toFixed(1)} s, ${int(comments / seconds)}/s, ${(peakKb / 1024).toFixed(0)} MB peak` });
}
