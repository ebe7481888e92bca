/** Every server the benchmark starts, each a child process on a free loopback port, all stopped at the end. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Server {
  url: string;
  stop(): Promise<void>;
}

const running = new Set<Server>();

/**
 * The benchmark runs its own copy of dist/: other work in this tree may rebuild dist/ (and empty it first)
 * while a benchmark runs. The copy stays under node_modules/ so the bundle still finds its packages.
 */
const copy = resolve('node_modules/.cache', `parley-bench-${process.pid}`);

export function keepBuild(): void {
  cpSync('dist', join(copy, 'dist'), { recursive: true });
}

export function dropBuild(): void {
  rmSync(copy, { recursive: true, force: true });
}

/** The copied `parley` command. */
export const parleyEntry = () => join(copy, 'dist', 'server', 'parley.js');

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
}

/** Starts `args` with node and waits for it to print "listening on URL". */
async function startListening(args: string[], env: Record<string, string>, what: string): Promise<Server> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const stop = stopper(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 20 s:\n${output}`)), 20_000);
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  }).catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  // Whatever it prints from now on is not kept: a server under load must not fill the benchmark's memory.
  child.stdout!.removeAllListeners('data');
  child.stderr!.removeAllListeners('data');
  child.stdout!.resume();
  child.stderr!.resume();
  const server: Server = {
    url,
    stop: async () => {
      running.delete(server);
      await stop();
    },
  };
  running.add(server);
  return server;
}

/**
 * `parley serve` on the database, on a free port of 127.0.0.1. Rate limits are off unless `env` turns them on
 * (PARLEY_RATE_LIMITS=on): reads are never limited, and writes say what they need.
 */
export function parleyServer(databaseUrl: string, env: Record<string, string> = {}): Promise<Server> {
  return startListening([parleyEntry(), 'serve'], { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, PARLEY_RATE_LIMITS: 'off', ...env }, 'parley serve');
}

/** The floor: a bare node:http server answering every request with one file's bytes and the given headers. */
export function floorServer(file: string, headers: Record<string, string>): Promise<Server> {
  return startListening(['--import', 'tsx', 'scripts/bench/floor-server.ts', file, JSON.stringify(headers)], {}, 'the floor server');
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}
