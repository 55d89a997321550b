import { MailRecipient, OutgoingMail } from './outgoing-mail';

const greeting = (user: MailRecipient) => `Hello ${user.firstName} ${user.lastName},`;
const signature = '\n-- \nCRM Suite';

export function passwordResetMail(user: MailRecipient, link: string, expiresAt: Date): OutgoingMail {
  return {
    to: user.primaryEmail,
    subject: 'Set a new password for the CRM',
    text: [
      greeting(user),
      '',
      `An administrator reset the password of your account "${user.username}". You cannot log in until you set a new one.`,
      'Open this link to choose it (it works once):',
      '',
      link,
      '',
      `The link expires at ${expiresAt.toISOString()}.`,
      signature,
    ].join('\n'),
  };
}

export function passwordChangedMail(user: MailRecipient, loginUrl: string): OutgoingMail {
  return {
    to: user.primaryEmail,
    subject: 'Your CRM password was changed',
    text: [
      greeting(user),
      '',
      `An administrator set a new password for your account "${user.username}"; ask them for it.`,
      'Every session you had open has ended. Log in again at:',
      '',
      loginUrl,
      signature,
    ].join('\n'),
  };
}

export function invitationMail(user: MailRecipient, loginUrl: string): OutgoingMail {
  return {
    to: user.primaryEmail,
    subject: 'You are invited to the CRM',
    text: [
      greeting(user),
      '',
      'An account has been created for you in the CRM.',
      `Username: ${user.username}`,
      `Log in at: ${loginUrl}`,
      '',
      'Your administrator will tell you your first password.',
      signature,
    ].join('\n'),
  };
}

export function exportReadyMail(user: MailRecipient, link: string, rowCount: number): OutgoingMail {
  return {
    to: user.primaryEmail,
    subject: 'Your export of users is ready',
    text: [greeting(user), '', `The export you asked for is done: ${rowCount} users.`, 'Download the CSV file at:', '', link, signature].join('\n'),
  };
}

export function exportFailedMail(user: MailRecipient, reason: string): OutgoingMail {
  return {
    to: user.primaryEmail,
    subject: 'Your export of users failed',
    text: [greeting(user), '', `The export you asked for failed: ${reason}`, 'Please try again or ask your administrator.', signature].join('\n'),
  };
}

/**
 * The account was locked after too many wrong passwords: until an administrator activates it
 * (`lockedUntil` null) or until the time given. Says nothing of the passwords tried.
 */
export function accountLockedMail(user: MailRecipient, lockedUntil: Date | null, loginUrl: string): OutgoingMail {
  const whatNow = lockedUntil
    ? [`You can try again after ${lockedUntil.toISOString()} (UTC), at:`, '', loginUrl]
    : ['It stays locked until an administrator activates it; please ask yours.'];
  return {
    to: user.primaryEmail,
    subject: 'Your CRM account is locked',
    text: [
      greeting(user),
      '',
      `Your account "${user.username}" was locked after too many wrong passwords in a row.`,
      ...whatNow,
      '',
      'If you did not try to log in, someone else may be guessing your password: tell your administrator.',
      signature,
    ].join('\n'),
  };
}
