/** Render: the demo article with the widget in headless Chromium, for threads of 50, 1,000 and 10,000 comments. */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/chromium.ts';
import type { ThreadResponse } from '../../shared/types.ts';
import { threadPath } from './read.ts';
import { figure, heading, int, median, ms, note, summarise } from './report.ts';
import { seededDb } from './seed.ts';
import { parleyServer } from './servers.ts';

const sizes = (process.env.BENCH_RENDER_SIZES ?? '50,1000,10000').split(',').map(Number);
const runs = Number(process.env.BENCH_RENDER_RUNS ?? 5);
/** No run may spend longer than this expanding a thread; a run that does is reported as unfinished. */
const expandLimitMs = 60_000;
/** Nor all runs of one size together: later runs then measure the default view only, and the figure says so. */
const expandBudgetMs = 150_000;
/** The goal: a 1,000-comment thread's default view complete within 1.5 s of navigation, with no long task. */
const goalFor = { size: 1000, ms: 1500 };

// Page-side code is plain JavaScript text: functions compiled by tsx would carry helpers the page lacks.
const observeLongTasks = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });`;

/** performance.now() (ms since navigation) once at least n comments are in the thread and the last has a box. */
const shownAt = (n: number) => `(() => {
  const all = document.querySelector('parley-comments')?.shadowRoot?.querySelectorAll('article.comment');
  return all && all.length >= ${n} && all[all.length - 1].getBoundingClientRect().height > 0 ? performance.now() : false;
})()`;

/**
 * Clicks "Load more comments" as soon as it can be clicked, until it is gone, then any "Show N more replies",
 * until n comments show. Light on the page: it holds the button (Lit keeps the element while it renders) and
 * counts the comments only when the button has gone, so the polling itself costs nothing that grows with the thread.
 */
const expandAll = (n: number, limitMs: number) => `(async () => {
  const root = document.querySelector('parley-comments').shadowRoot;
  const deadline = performance.now() + ${limitMs};
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const asked = new WeakMap();
  let clicks = 0;
  let more = root.querySelector('button.load-more');
  while (performance.now() < deadline) {
    if (more && !more.isConnected) more = root.querySelector('button.load-more');
    if (more) {
      if (!more.disabled) { more.click(); clicks++; }
      await frame();
      continue;
    }
    const all = root.querySelectorAll('article.comment');
    if (all.length >= ${n} && all[all.length - 1].getBoundingClientRect().height > 0) return { at: performance.now(), clicks, shown: all.length };
    for (const button of root.querySelectorAll('button.more')) {
      if (asked.get(button) !== button.textContent) { asked.set(button, button.textContent); button.click(); clicks++; }
    }
    for (let i = 0; i < 5; i++) await frame();
  }
  return { at: null, clicks, shown: root.querySelectorAll('article.comment').length };
})()`;

interface Run {
  defaultMs: number;
  defaultLongTasks: number[];
  expandMs: number | null;
  expandLongTasks: number[];
  /** Whether this run went on to show the whole thread. */
  expanded: boolean;
  clicks: number;
  shown: number;
}

interface Target {
  url: string;
  key: string;
  demoHtml: string;
  demoHeaders: Record<string, string>;
  /** Comments in the default view, and in the whole thread. */
  expected: number;
  total: number;
}

async function renderOnce(browser: Browser, { url, key, demoHtml, demoHeaders, expected, total }: Target, expand: boolean): Promise<Run> {
  // bypassCSP: the demo's policy forbids eval, which Playwright's polling of the page needs.
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, bypassCSP: true });
  try {
    await context.addInitScript({ content: observeLongTasks });
    const page = await context.newPage();
    // The demo article itself, with its canonical link naming this thread: served from memory, so the
    // navigation costs what the server's `/` costs, and everything after it comes from the real server.
    await page.route(`${url}${key}`, (route) => route.fulfill({ status: 200, headers: demoHeaders, body: demoHtml.replace('<link rel="canonical" href="/">', `<link rel="canonical" href="${key}">`) }));
    await page.goto(`${url}${key}`, { waitUntil: 'commit' });
    const defaultMs = Number(await (await page.waitForFunction(shownAt(expected), undefined, { polling: 'raf', timeout: 60_000 })).jsonValue());
    const expanded = expand ? ((await page.evaluate(expandAll(total, expandLimitMs))) as { at: number | null; clicks: number; shown: number }) : null;
    await page.waitForTimeout(200);
    const tasks = (await page.evaluate('window.__longTasks')) as [number, number][];
    return {
      defaultMs,
      defaultLongTasks: tasks.filter(([start]) => start < defaultMs).map(([, d]) => d),
      expandMs: expanded?.at == null ? null : expanded.at - defaultMs,
      expandLongTasks: tasks.filter(([start]) => start >= defaultMs).map(([, d]) => d),
      expanded: expanded !== null,
      clicks: expanded?.clicks ?? 0,
      shown: expanded?.shown ?? expected,
    };
  } finally {
    await context.close();
  }
}

const longTasks = (lists: number[][]) => {
  const counts = lists.map((l) => l.length);
  const longest = Math.max(0, ...lists.flat());
  return `long tasks ${median(counts)} (most ${Math.max(...counts)}, longest ${longest ? ms(longest) : 'none'})`;
};

export async function renderSection(dir: string): Promise<void> {
  const keys = sizes.map((n) => `/bench/render-${n}`);
  const db = await seededDb(dir, 'render', sizes.map((n, i) => ({ keys: [keys[i]!], comments: n })));
  db.close();
  heading(
    'Render: the demo article with the widget, headless Chromium',
    `time from navigation (performance.now() in the page) until the last comment of the default view is in the thread and laid out, ` +
      `polled every animation frame; then "Load more comments" clicked as soon as it is enabled until every comment is shown ` +
      `(the page-side loop holds the button and counts comments only at the end, so its own cost does not grow with the thread); ` +
      `median of ${runs} runs, each in a fresh browser context (cold cache); long tasks: PerformanceObserver 'longtask' (buffered), ` +
      `registered before the page's scripts; 1000×800 viewport, the demo's CSP bypassed for the polling; the server runs on the same 2 cores`,
  );
  const server = await parleyServer(db.url);
  const browser = await launchChromium();
  try {
    const demo = await fetch(`${server.url}/`);
    const demoHeaders: Record<string, string> = {};
    demo.headers.forEach((value, name) => (demoHeaders[name] = value));
    delete demoHeaders['content-length'];
    const demoHtml = await demo.text();
    if (!demoHtml.includes('<link rel="canonical" href="/">')) throw new Error('the demo page no longer has the canonical link the benchmark rewrites');

    for (const [i, total] of sizes.entries()) {
      const key = keys[i]!;
      const first = (await (await fetch(`${server.url}${threadPath(key)}`)).json()) as ThreadResponse;
      const expected = first.comments.reduce((n, c) => n + 1 + c.replies.length, 0);
      const target: Target = { url: server.url, key, demoHtml, demoHeaders, expected, total };
      // One run first that is not counted: the server's and the browser's first requests are slower than any reader's.
      await renderOnce(browser, target, false);
      const results: Run[] = [];
      let expanding = 0;
      for (let r = 0; r < runs; r++) {
        const started = performance.now();
        const expand = total > expected && expanding < expandBudgetMs;
        results.push(await renderOnce(browser, target, expand));
        if (expand) expanding += performance.now() - started;
      }
      const defaultMs = median(results.map((r) => r.defaultMs));
      const worstDefaultTask = Math.max(0, ...results.flatMap((r) => r.defaultLongTasks));
      figure(
        `${int(total)} comments: default view (${expected} shown)`,
        `${ms(defaultMs)}   ${longTasks(results.map((r) => r.defaultLongTasks))}`,
        `runs: ${results.map((r) => Math.round(r.defaultMs)).join(', ')} ms`,
      );
      const goal = total === goalFor.size ? { target: { text: `≤ ${ms(goalFor.ms)}, no long task`, met: defaultMs <= goalFor.ms && worstDefaultTask === 0 } } : {};
      summarise({ section: 'render', figure: `${int(total)}: default view (${expected} shown)`, value: `${ms(defaultMs)}, ${results.reduce((n, r) => n + r.defaultLongTasks.length, 0)} long tasks in ${runs} runs`, ...goal });
      const expandedRuns = results.filter((r) => r.expanded);
      if (expandedRuns.length > 0) {
        const finished = expandedRuns.filter((r) => r.expandMs !== null);
        const expandMs = finished.length === expandedRuns.length ? median(finished.map((r) => r.expandMs!)) : null;
        const of = expandedRuns.length < runs ? ` (median of ${expandedRuns.length}: the runs' time budget was spent)` : '';
        figure(
          `${int(total)} comments: then all of them shown`,
          `${expandMs === null ? `not within ${expandLimitMs / 1000} s in ${expandedRuns.length - finished.length} of ${expandedRuns.length} runs` : `+${ms(expandMs)}`}   ${longTasks(expandedRuns.map((r) => r.expandLongTasks))}`,
          `${expandedRuns[0]!.clicks} clicks${of}; runs: ${expandedRuns.map((r) => (r.expandMs === null ? `unfinished at ${r.shown}` : Math.round(r.expandMs))).join(', ')} ms`,
        );
        const worst = Math.max(0, ...expandedRuns.flatMap((r) => r.expandLongTasks));
        summarise({ section: 'render', figure: `${int(total)}: then all shown`, value: expandMs === null ? 'unfinished' : `+${ms(expandMs)}, longest task ${worst ? ms(worst) : 'none'}` });
      }
    }
    note('(a long task is a main-thread task over 50 ms: the page cannot answer a click or a key while it runs)');
  } finally {
    await browser.close();
    await server.stop();
  }
}
