/** Finds the machine's Chromium or Chrome and launches it headless with the flags this workplace needs. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function findChromium(): string | null {
  const configured = process.env.CHROME_PATH;
  if (configured && existsSync(configured)) return configured;
  return candidates.find((path) => existsSync(path)) ?? null;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `npm test`, which installs it, or set CHROME_PATH.');
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}
