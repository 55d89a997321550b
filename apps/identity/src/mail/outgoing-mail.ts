/** A plain-text mail to one person. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface MailRecipient {
  primaryEmail: string;
  firstName: string;
  lastName: string;
  username: string;
}
