// Loaded with `node --import` by the benchmark: the process reports its own peak memory when it exits.
// Not getrusage's maxRSS alone: on Linux a process started by another keeps the high-water mark of the memory its exec
// replaced, its parent's, so an import spawned by a benchmark that had just seeded a million comments reported the
// benchmark's 556 MB as its own (203 MB). /proc's VmHWM counts this process only; elsewhere maxRSS is all there is.
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS;
  try {
    kb = Number(/^VmHWM:\s*(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? kb);
  } catch {
    // No /proc: not Linux.
  }
  process.stderr.write(`peakRSS ${kb}\n`);
});
