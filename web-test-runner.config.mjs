// Widget tests in a real Chromium against a real Parley server. Started by `npm test` (scripts/test.ts),
// which builds, starts the API on a loopback port and passes its address here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

const api = process.env.PARLEY_TEST_API;
const port = Number(process.env.PARLEY_TEST_WTR_PORT);
const executablePath = process.env.CHROME_PATH;
if (!api || !port || !executablePath) {
  throw new Error('Run the widget tests through `npm test`: it starts the API server they talk to.');
}

/** Writes the pass/fail counts where scripts/test.ts adds them up. */
function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load or threw outside a test has no test results to show it.
        if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(file, JSON.stringify({ passed, failed, skipped }));
    },
  };
}

/** The widget imports its .css files as strings (the build does the same, minified). */
const cssAsText = {
  name: 'css-as-text',
  resolveMimeType(context) {
    if (context.path.endsWith('.css')) return 'js';
  },
  transform(context) {
    if (context.path.endsWith('.css')) return { body: `export default ${JSON.stringify(context.body)};` };
  },
};

export default {
  files: process.env.PARLEY_TEST_FILES ? process.env.PARLEY_TEST_FILES.split(',') : ['tests/widget/**/*.test.ts'],
  nodeResolve: true,
  hostname: '127.0.0.1',
  port,
  concurrency: 1,
  testsFinishTimeout: 3 * 60_000,
  plugins: [cssAsText, esbuildPlugin({ ts: true, json: true, target: 'es2022' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    }),
  ],
  testFramework: { config: { timeout: 15_000 } },
  testRunnerHtml: (framework) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><script>window.PARLEY_TEST_API = ${JSON.stringify(api)};</script></head>
<body><script type="module" src="${framework}"></script></body></html>`,
  reporters: [defaultReporter(), countReporter('.test-results/widget.json')],
};
