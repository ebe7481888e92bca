/** Finds Chrome/Chromium for the browser tests; installs Debian's chromium when running as root with apt-get. */
import { spawnSync } from 'node:child_process';
import { findChromium } from '../tests/helpers/chromium.ts';

const advice = `No Chrome or Chromium was found, and the browser tests need one.
Install one, then run npm test again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  Fedora:         sudo dnf install chromium
  macOS:          brew install --cask chromium
or point CHROME_PATH at an installed Chrome or Chromium binary.`;

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (process.getuid?.() === 0 && hasApt) {
    console.log('No Chromium found: installing Debian\'s chromium package (apt-get install -y chromium)…');
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
      const run = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed.\n\n${advice}`);
    }
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(advice);
}
