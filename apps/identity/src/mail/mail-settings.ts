/** Mail settings beyond SMTP_URL: the sender, and the base of every link a mail carries. */
export interface MailSettings {
  from: string;
  /** The gateway as users reach it (`PUBLIC_URL`); no trailing slash. */
  publicUrl: string;
}

export function readMailSettings(env: Record<string, string | undefined> = process.env): MailSettings {
  const publicUrl = (env.PUBLIC_URL || `http://127.0.0.1:${env.PORT || 3000}`).replace(/\/+$/, '');
  return { from: env.MAIL_FROM || 'CRM Suite <no-reply@crm.local>', publicUrl };
}
