import { eventually } from './eventually';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the catcher received it: headers read, body decoded (7bit, quoted-printable or base64). */
export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/** A local SMTP server that keeps every mail, for tests to read and follow the links in. */
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<MailCatcher> {
    let catcher: MailCatcher;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const parts: Buffer[] = [];
        stream.on('data', (part: Buffer) => parts.push(part));
        stream.on('end', () => {
          catcher.mails.push(parseMail(Buffer.concat(parts).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
          callback();
        });
      },
    });
    // A client that goes away mid-connection (identity stopped by the suite) is not the test's failure.
    server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') throw error;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    catcher = new MailCatcher(server, ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port);
    return catcher;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for a mail to `to` whose subject contains `subject`. */
  async waitFor(to: string, subject: string, timeoutMs = 15_000): Promise<CaughtMail> {
    const found = await eventually(async () => this.mails.find((m) => m.to.includes(to.toLowerCase()) && m.subject.includes(subject)), timeoutMs);
    return found.value;
  }

  mailsTo(to: string): CaughtMail[] {
    return this.mails.filter((m) => m.to.includes(to.toLowerCase()));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The first http(s) link in a mail's text. */
export const firstLink = (mail: CaughtMail): URL => {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error(`no link in the mail "${mail.subject}":\n${mail.text}`);
  return new URL(match[0]);
};

function parseMail(raw: string, to: string[]): CaughtMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { to: to.map((a) => a.toLowerCase()), subject: header('Subject'), text, raw };
}
