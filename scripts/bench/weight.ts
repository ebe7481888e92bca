/** Widget weight: the bytes a reader's browser downloads to see a thread, as the build measured and enforced them. */
import { basename } from 'node:path';
import type { Sizes } from '../build.ts';
import { widgetBudgetGzip } from '../build.ts';
import { bytes, figure, heading, summarise } from './report.ts';

export function weightSection(sizes: { initial: Sizes; lazy: Sizes }): void {
  const { initial, lazy } = sizes;
  heading(
    'Widget weight: what a reader downloads to see a thread',
    `the numbers npm run build computes and enforces (scripts/build.ts): embed.js and the widget modules it imports statically, ` +
      `CSS included (it is in the modules); each file compressed on its own, gzip level 9 and brotli quality 11, as a server or CDN would send it; ` +
      `no admin bundle; English is built in, other languages are one small JSON file more`,
  );
  figure('to see a thread, gzip', `${bytes(initial.gzip)} of a ${bytes(widgetBudgetGzip)} budget`, `${initial.files.map((f) => basename(f)).join(', ')}`);
  figure('to see a thread, brotli', bytes(initial.brotli));
  figure('to see a thread, uncompressed', bytes(initial.raw));
  figure('loaded on first write (the form), gzip', bytes(lazy.gzip), `${lazy.files.map((f) => basename(f)).join(', ')}; brotli ${bytes(lazy.brotli)}`);
  summarise({ section: 'weight', figure: 'widget to see a thread, gzip', value: bytes(initial.gzip), target: { text: `≤ ${bytes(widgetBudgetGzip)}`, met: initial.gzip <= widgetBudgetGzip } });
  summarise({ section: 'weight', figure: 'widget to see a thread, brotli', value: bytes(initial.brotli) });
}
