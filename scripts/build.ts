/**
 * Builds the widget and the server, and checks the widget's size budget:
 *   dist/embed.js            the small classic loader a site owner embeds (short cache)
 *   dist/widget/*-HASH.js    the widget modules, content-hashed (cached for good); the form is a lazy chunk
 *   dist/i18n/*.json         languages other than English, fetched when a page needs one
 *   dist/admin.js            the admin page (its own bundle)
 *   dist/server/parley.js    the server and CLI
 */
import { cpSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/** What a reader's browser downloads to see a thread (loader, widget, its static chunks), gzipped. */
export const widgetBudgetGzip = 16 * 1024;

const browsers = ['es2021', 'chrome100', 'firefox100', 'safari15'];

/**
 * The widget's private members are named `_name` and renamed short in its bundle (Lit's own build does the same with
 * its privates). Everything else keeps its name: element properties and attributes (Lit binds them by name), JSON
 * fields, event details, message keys.
 */
const widgetPrivates = /^_[a-z]/;

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

/** `import css from './x.css'` in the widget: the file minified, as a string for Lit's unsafeCSS. */
const cssText: esbuild.Plugin = {
  name: 'css-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      // Browsers that run the widget's CSS as written (light-dark(), color-mix()); no lowering, which would bloat it.
      const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true, target: ['chrome123', 'firefox120', 'safari17.5'] });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};

export interface Sizes {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

function measure(files: string[]): Sizes {
  const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
  return {
    files,
    raw: bytes.length,
    gzip: files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0),
    brotli: files.reduce((n, f) => n + brotliCompressSync(readFileSync(f), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0),
  };
}

/** The widget's files a reader downloads to see a thread, and the lazy ones. */
async function buildWidget(): Promise<{ initial: Sizes; lazy: Sizes }> {
  const widget = await esbuild.build({
    entryPoints: { parley: 'widget/main.ts' },
    outdir: 'dist/widget',
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    sourcemap: 'linked',
    legalComments: 'external',
    target: browsers,
    mangleProps: widgetPrivates,
    metafile: true,
    plugins: [cssText],
    logLevel: 'warning',
  });
  const outputs = widget.metafile.outputs;
  const main = Object.keys(outputs).find((file) => outputs[file]!.entryPoint === 'widget/main.ts')!;
  // What loads with the widget: the entry and the chunks it imports statically, transitively.
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imp of outputs[file]!.imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(main);
  await esbuild.build({
    entryPoints: ['widget/embed.ts'],
    outfile: 'dist/embed.js',
    bundle: true,
    format: 'iife',
    minify: true,
    sourcemap: 'linked',
    target: browsers,
    // The widget and the chunks it imports: the loader asks for them all at once, not one after another.
    define: { PARLEY_MODULES: JSON.stringify([...initial].map((file) => relative('dist', file))) },
    logLevel: 'warning',
  });
  const js = Object.keys(outputs).filter((f) => f.endsWith('.js'));
  return { initial: measure(['dist/embed.js', ...initial]), lazy: measure(js.filter((f) => !initial.has(f))) };
}

/**
 * Builds everything; answers the widget's sizes (what a reader downloads to see a thread, and what loads later).
 * Over the budget it throws, unless `enforceBudget` is false (the benchmark reports the miss instead).
 */
export async function build({ enforceBudget = true } = {}): Promise<{ initial: Sizes; lazy: Sizes }> {
  await rm('dist', { recursive: true, force: true });
  const [{ initial, lazy }] = await Promise.all([
    buildWidget(),
    // The admin page's own bundle: readers never download it.
    esbuild.build({
      entryPoints: ['widget/admin/main.ts'],
      outfile: 'dist/admin.js',
      bundle: true,
      format: 'esm',
      minify: true,
      sourcemap: 'linked',
      target: browsers,
      plugins: [cssText],
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
  // Languages other than English (built into the widget) are fetched by the widget when a page needs them.
  cpSync('widget/i18n', 'dist/i18n', { recursive: true, filter: (src) => !/\/en(-form)?\.json$/.test(src) && !src.endsWith('.ts') });

  console.log(`widget to see a thread (${initial.files.length} files): ${initial.raw} B, ${initial.gzip} B gzip, ${initial.brotli} B brotli (budget ${widgetBudgetGzip} B gzip)`);
  console.log(`widget loaded on first write (${lazy.files.length} files): ${lazy.raw} B, ${lazy.gzip} B gzip, ${lazy.brotli} B brotli`);
  if (enforceBudget && initial.gzip > widgetBudgetGzip) {
    throw new Error(`The widget a reader downloads is ${initial.gzip} B gzipped, over its budget of ${widgetBudgetGzip} B.`);
  }
  return { initial, lazy };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
