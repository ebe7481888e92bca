/** A real SMTP server on loopback (the smtp-server package) that keeps what it receives, and can refuse on demand. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** A header as sent, unparsed (mailparser turns some into objects). */
  header(name: string): string | undefined;
}

export interface SmtpReceiver {
  url: string;
  mails: ReceivedMail[];
  /** Answer the next `n` messages with a temporary failure (451). */
  refuseNext(n: number): void;
  /** Refuse every message until told otherwise. */
  refuseAll(refuse: boolean): void;
  /** Resolves once `count` messages in all have arrived (rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  let refusals = 0;
  let refuseAll = false;
  const waiting: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuseAll || refusals > 0) {
          if (refusals > 0) refusals--;
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        void simpleParser(Buffer.concat(chunks)).then((parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '',
            header: (name) => rawHeader(parsed, name),
          });
          callback();
          for (const wake of waiting.splice(0)) wake();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuseNext: (n) => void (refusals = n),
    refuseAll: (refuse) => void (refuseAll = refuse),
    async waitFor(count, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} emails, got ${mails.length}: ${mails.map((m) => m.subject).join(' | ')}`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function rawHeader(parsed: ParsedMail, name: string): string | undefined {
  const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim();
}
