import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MailSettings, SETTINGS, Settings } from '@app/service-kit';
import { createTransport, Transporter } from 'nodemailer';
import { OutgoingMail } from './outgoing-mail';

/**
 * Sends mail over SMTP (`SMTP_URL`), or writes it to the log when SMTP_URL is unset (DESIGN.md
 * section 9). A mail goes out after the change it reports has committed, so a failed send never
 * undoes that change: it is logged and reported as `false`.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  readonly settings: MailSettings;

  constructor(@Inject(SETTINGS) serviceSettings: Settings) {
    this.settings = serviceSettings.mail;
    this.transport = serviceSettings.smtpUrl ? createTransport(serviceSettings.smtpUrl) : null;
  }

  /** A link into the gateway, e.g. `link('/api/exports/1/file')`. */
  link(path: string, query: Record<string, string> = {}): string {
    const url = new URL(`${this.settings.publicUrl}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.toString();
  }

  async send(mail: OutgoingMail): Promise<boolean> {
    if (!this.transport) {
      this.logger.log(`mail (SMTP_URL unset, not sent) to ${mail.to}: ${mail.subject}\n${mail.text}`);
      return true;
    }
    try {
      await this.transport.sendMail({ from: this.settings.from, to: mail.to, subject: mail.subject, text: mail.text });
      return true;
    } catch (error) {
      this.logger.error(`mail to ${mail.to} (${mail.subject}) failed: ${(error as Error).message}`);
      return false;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
