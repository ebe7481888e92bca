/** Builds the widget (dist/embed.js) and the server bundle (dist/server/parley.js), and checks the widget's size budget. */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/** What a reader's browser may download to see a thread, gzipped (issue 7's budget). */
const widgetBudgetGzip = 16 * 1024;

/** `import text from './file.sql?raw'`, as Vite does it, so tests and the bundle read the same files. */
const rawText: esbuild.Plugin = {
  name: 'raw-text',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(dirname(args.importer), args.path.replace(/\?raw$/, '')),
      namespace: 'raw-text',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
      watchFiles: [args.path],
    }));
  },
};

export async function build(): Promise<void> {
  await rm('dist', { recursive: true, force: true });
  await Promise.all([
    esbuild.build({
      entryPoints: ['widget/embed.ts'],
      outfile: 'dist/embed.js',
      bundle: true,
      format: 'iife',
      minify: true,
      sourcemap: 'linked',
      legalComments: 'external',
      target: ['es2021', 'chrome100', 'firefox100', 'safari15'],
      logLevel: 'warning',
    }),
    esbuild.build({
      entryPoints: ['api/cli.ts'],
      outfile: 'dist/server/parley.js',
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      plugins: [rawText],
      logLevel: 'warning',
    }),
  ]);

  const widget = readFileSync('dist/embed.js');
  const gzip = gzipSync(widget, { level: 9 }).length;
  const brotli = brotliCompressSync(widget, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`dist/embed.js: ${widget.length} B, ${gzip} B gzip, ${brotli} B brotli (budget ${widgetBudgetGzip} B gzip)`);
  if (gzip > widgetBudgetGzip) {
    throw new Error(`dist/embed.js is ${gzip} B gzipped, over its budget of ${widgetBudgetGzip} B.`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
