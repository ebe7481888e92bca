/** Reads a password: from standard input with --password-stdin, else from a prompt that does not echo. */
import { createInterface } from 'node:readline';

export async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    // Exactly one trailing newline is what `echo` and most pipes add; anything else is part of the password.
    return text.replace(/\r?\n$/, '');
  }
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for a password: pass it on standard input with --password-stdin.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let asking = true;
  muted._writeToOutput = (s: string) => {
    if (!asking) muted.output.write(s);
  };
  try {
    process.stdout.write('Password (at least 10 characters): ');
    return await new Promise<string>((resolve) => rl.question('', (answer) => resolve(answer)));
  } finally {
    asking = false;
    rl.close();
    process.stdout.write('\n');
  }
}
