/**
 * `npm run bench [-- SECTION…]`: Parley's figures, measured on this machine over loopback, each printed with how it
 * was measured, then a summary. Sections: weight, render, read, write, scale, multi, import (all by default).
 * What each measures: docs/BENCHMARKS.md; one file per section in scripts/bench/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { tempDir } from '../tests/helpers/temp.ts';
import { importSection } from './bench/import.ts';
import { multiProcessSection } from './bench/multi-process.ts';
import { readSection } from './bench/read.ts';
import { renderSection } from './bench/render.ts';
import { printSummary, summarise } from './bench/report.ts';
import { scaleSection } from './bench/scale.ts';
import { dropBuild, keepBuild, stopAll } from './bench/servers.ts';
import { weightSection } from './bench/weight.ts';
import { writeSection } from './bench/write.ts';
import { build } from './build.ts';

const started = performance.now();
// Built as `npm run build` builds; a widget over its size budget is reported below rather than stopping the run.
const sizes = await build({ enforceBudget: false });
keepBuild();

const sections: Record<string, (dir: string) => Promise<void>> = {
  weight: async () => weightSection(sizes),
  render: renderSection,
  read: readSection,
  write: writeSection,
  scale: scaleSection,
  multi: multiProcessSection,
  import: importSection,
};
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`Unknown section ${unknown.join(', ')}: choose from ${Object.keys(sections).join(', ')} (none: all of them).`);
  process.exit(2);
}
const chosen = asked.length > 0 ? Object.keys(sections).filter((name) => asked.includes(name)) : Object.keys(sections);

const dir = tempDir();
const cleanUp = async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
  dropBuild();
};
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

console.log(`\nParley benchmarks: ${chosen.join(', ')}`);
console.log(`  ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ` +
  'servers, load generators and the browser all share these cores, so figures move with whatever else runs');
let failed = false;
try {
  for (const name of chosen) {
    // Each section has its own folder, emptied after it: the scale database alone is most of a gigabyte.
    const own = join(dir, name);
    mkdirSync(own);
    try {
      await sections[name]!(own);
    } catch (err) {
      failed = true;
      console.error(`\n${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      summarise({ section: name, figure: 'FAILED', value: err instanceof Error ? err.message.split('\n')[0]! : String(err) });
    } finally {
      await stopAll();
      rmSync(own, { recursive: true, force: true });
    }
  }
} finally {
  await cleanUp();
}
printSummary((performance.now() - started) / 1000);
if (failed) process.exitCode = 1;
